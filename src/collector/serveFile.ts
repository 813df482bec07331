import { readFile, stat } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'
import { extname, join, resolve, sep } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
}

/**
 * Serves `path` from inside `root` (a directory's index.html for a directory). Returns false
 * when there is no such file, and never serves anything outside `root`.
 */
export async function serveFile(response: ServerResponse, root: string, path: string): Promise<boolean> {
  try {
    // decodeURIComponent throws on malformed escapes: that is "no such file" too.
    let file = resolve(root, '.' + decodeURIComponent(path))
    if (file !== resolve(root) && !file.startsWith(resolve(root) + sep)) return false
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html')
    const content = await readFile(file)
    response.writeHead(200, { 'Content-Type': TYPES[extname(file)] || 'application/octet-stream' })
    response.end(content)
    return true
  } catch {
    return false
  }
}
