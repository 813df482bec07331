import type { Page } from '@playwright/test'
import type { RumOptions } from '../src/browser/config'

/**
 * The two ways a page runs rumlet: the script tag's IIFE (`dist/rumlet.js`, sloppy mode, where
 * assigning a read-only property fails silently) and the ESM build (`dist/rumlet.mjs`, a module,
 * strict, where the same assignment throws).
 */
export const BUILDS = ['script tag', 'ESM'] as const
export type Build = (typeof BUILDS)[number]

export interface HostPage {
  /** The page's own script, run before rumlet loads (it may lock, wrap or delete globals). */
  before?: string
  /** Opt-in modules: `rumlet/network` and `rumlet/console` (the add-on scripts for the script tag). */
  modules?: ('network' | 'console')[]
  /** Options of `init` besides the endpoint (flush interval a minute unless given). */
  options?: Partial<RumOptions>
  /** The page's own script, run right after `init`. */
  after?: string
  body?: string
}

/**
 * A host page of the given build: its own script first, then rumlet from the site's origin
 * (`rumlet.debug.js` for the script tag with `debug: true`, where the messages are) with its
 * modules, started with `rum.init`, then `after`. `window.rum` is rumlet's API in both builds,
 * and `window.started` is set once `init` has returned.
 */
export function hostPage(build: Build, collectorUrl: string, { before = '', modules = [], options = {}, after = '', body = '' }: HostPage = {}): string {
  const init = `rum.init(${JSON.stringify({ endpoint: `${collectorUrl}/rum`, app: 'hostile', flushInterval: 60_000, ...options })})`
  const exports = { network: 'network', console: 'consoleErrors' }
  const start =
    build === 'ESM'
      ? `<script type="module">import * as rum from '/rumlet.mjs'\n${modules.map((name) => `import { ${exports[name]} } from '/rumlet.${name}.mjs'\nrum.use(${exports[name]})`).join('\n')}\nwindow.rum = rum\n${init}\nwindow.started = true\n${after}</script>`
      : `<script src="/rumlet${options.debug ? '.debug' : ''}.js"></script>${modules.map((name) => `<script src="/rumlet.${name}.js"></script>`).join('')}<script>${init}\nwindow.started = true\n${after}</script>`
  return `<!doctype html><html><head><meta charset="utf-8"><title>hostile page</title>
<script>${before}</script>
${start}</head><body><h1>A hostile page</h1>${body}</body></html>`
}

/** Opens `url` and waits until rumlet's `init` has returned; collects rumlet's debug lines and the page's uncaught errors. */
export async function openHostPage(page: Page, url: string) {
  const debug: string[] = []
  const pageErrors: string[] = []
  page.on('console', (message) => message.text().startsWith('[rumlet]') && debug.push(message.text()))
  page.on('pageerror', (error) => pageErrors.push(error.message))
  await page.goto(url)
  await page.waitForFunction(() => (window as unknown as { started?: boolean }).started === true)
  return { debug, pageErrors }
}
