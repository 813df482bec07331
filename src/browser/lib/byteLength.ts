/**
 * UTF-8 length of a string, counted without allocating (TextEncoder would copy every batch).
 * Batch and beacon limits are in bytes, and non-ASCII text is up to 3 bytes per UTF-16 unit.
 */
export function byteLength(text: string): number {
  // Most events are ASCII: a native scan is far quicker than the loop below.
  if (/^[\0-\x7f]*$/.test(text)) return text.length
  let bytes = 0
  // Iterating a string goes by code point: a surrogate pair is one of 4 bytes; a lone surrogate
  // counts 3, the size of the replacement character TextEncoder writes for it.
  for (const char of text) {
    const code = char.codePointAt(0)!
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4
  }
  return bytes
}
