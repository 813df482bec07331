// Where a page (Prototype.js before 1.7, say) gave built-in prototypes a `toJSON`, JSON.stringify
// calls it: an array becomes a string of JSON, a string a quoted one, and the collector refuses
// the event. Those are set aside while rumlet serializes.
const PROTOTYPES = [Object, Array, String, Number, Boolean].map((type) => type.prototype as { toJSON?: unknown })

/** `JSON.stringify` of each value (undefined for one that cannot be JSON), as the built-ins define it. */
export function stringify(values: unknown[]): (string | undefined)[] {
  const kept = PROTOTYPES.map((prototype) => {
    const own = Object.getOwnPropertyDescriptor(prototype, 'toJSON')
    if (own && own.configurable) delete prototype.toJSON
    return own
  })
  try {
    return values.map((value) => {
      try {
        return JSON.stringify(value)
      } catch {}
    })
  } finally {
    kept.forEach((own, i) => own && own.configurable && Object.defineProperty(PROTOTYPES[i], 'toJSON', own))
  }
}
