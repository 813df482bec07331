import type { Context } from 'hono'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'

/**
 * The dashboard's Content-Security-Policy: its own script and style files only (no inline
 * script or style, no other host: no CDN, no font service), reads from its own origin, no
 * framing; and Trusted Types required with no policy allowed, so that no code of the page can
 * hand a string to innerHTML or eval: text from pages (error messages, URLs) can only be text.
 */
export const DASHBOARD_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types 'none'",
].join('; ')

const TYPES: Record<string, string> = {
  'index.html': 'text/html; charset=utf-8',
  'dashboard.js': 'text/javascript; charset=utf-8',
  'dashboard.js.map': 'application/json',
  'dashboard.css': 'text/css; charset=utf-8',
  'favicon.svg': 'image/svg+xml',
}

/**
 * Serves the built dashboard from `folder` (dist/dashboard: index.html, dashboard.js and .map,
 * dashboard.css, favicon.svg, made by `npm run build` from src/collector/dashboard/), each with
 * DASHBOARD_CSP, nosniff and no referrer. Files are read once. Unbuilt: 503 saying so.
 */
export function dashboardFiles(folder: string) {
  const cache = new Map<string, Promise<Buffer>>()
  const read = (name: string) => {
    if (!cache.has(name)) cache.set(name, readFile(join(folder, name)))
    const file = cache.get(name)!
    file.catch(() => cache.delete(name))
    return file
  }
  async function send(c: Context, name: string) {
    let body: Buffer
    try {
      body = await read(name)
    } catch {
      return c.json({ error: 'dashboard not built: run npm run build' }, 503)
    }
    c.header('Content-Type', TYPES[name])
    c.header('Content-Security-Policy', DASHBOARD_CSP)
    c.header('X-Content-Type-Options', 'nosniff')
    c.header('Referrer-Policy', 'no-referrer')
    c.header('Cache-Control', 'no-cache')
    return c.body(new Uint8Array(body))
  }
  return {
    /** The page at `/`. */
    page: (c: Context) => send(c, 'index.html'),
    /** `/dashboard/NAME`: one of the built files, else 404. */
    file: (c: Context, name: string) => (name in TYPES && name !== 'index.html' ? send(c, name) : c.json({ error: 'not found' }, 404)),
  }
}
