let prefix = ''
let counter = 0

/**
 * A unique id: 16 random base-36 characters drawn once per page (≈82 bits), then a counter.
 * Drawing random bytes for every event would cost more main-thread time than the rest of
 * `trackAction`; `crypto.randomUUID` exists only in secure contexts, `getRandomValues` everywhere.
 */
export function uid(): string {
  if (!prefix) for (const word of crypto.getRandomValues(new Uint32Array(4))) prefix += word.toString(36).padStart(7, '0').slice(-4)
  return prefix + (counter++).toString(36)
}
