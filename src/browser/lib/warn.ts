let verbose = false

/** Turns the debug lines of `warn` on or off (the `debug` option). */
export function setDebug(on: boolean): void {
  verbose = on
}

/** A debug line in the console, shown only with `debug: true`. */
export function warn(...args: unknown[]): void {
  if (verbose) console.warn('[rumlet]', ...args)
}

/** A console line shown always: for mistakes in the page's own configuration. */
export function complain(...args: unknown[]): void {
  console.warn('[rumlet]', ...args)
}
