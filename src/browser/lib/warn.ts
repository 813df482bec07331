// `__DEBUG__` is false in dist/rumlet.js and dist/rumlet.attribution.js: there every message
// below, and the text of every call to them, is compiled out. dist/rumlet.debug.js and the ESM
// builds keep them.
declare const __DEBUG__: boolean

let verbose = false

/**
 * Turns the debug lines of `warn` on or off (the `debug` option). A build without messages says
 * once where they are.
 */
export function setDebug(on: boolean): void {
  verbose = on
  if (on && !__DEBUG__) console.warn('[rumlet] debug: messages are in rumlet.debug.js and the npm build')
}

/** A debug line in the console, shown only with `debug: true`. */
export function warn(...args: unknown[]): void {
  if (__DEBUG__ && verbose) console.warn('[rumlet]', ...args)
}

/** A console line shown always: for mistakes in the page's own configuration. */
export function complain(...args: unknown[]): void {
  if (__DEBUG__) console.warn('[rumlet]', ...args)
}
