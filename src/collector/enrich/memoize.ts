/**
 * `make(input)`, computed once per `keyOf(input)` and kept for the last `size` keys computed
 * (the oldest goes first): the collector's caches of what the same few inputs give again and
 * again (User-Agents, errors, source maps). `forget(input, value)` drops a kept value that is
 * still `value`, such as a failure that should be tried again.
 */
export function memoize<A, V>(make: (input: A) => V, size: number, keyOf: (input: A) => string = String) {
  const kept = new Map<string, V>()
  const get = (input: A): V => {
    const key = keyOf(input)
    if (kept.has(key)) return kept.get(key)!
    const value = make(input)
    if (kept.size >= size) kept.delete(kept.keys().next().value!)
    kept.set(key, value)
    return value
  }
  get.forget = (input: A, value: V): void => {
    const key = keyOf(input)
    if (kept.get(key) === value) kept.delete(key)
  }
  return get
}
