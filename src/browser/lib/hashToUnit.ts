/**
 * Maps a string to [0, 1) with 32-bit FNV-1a. Sampling hashes the session id, so every tab and
 * page load of one session makes the same decision without storing it.
 */
export function hashToUnit(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash >>> 0) / 0x100000000
}
