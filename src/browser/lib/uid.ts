/**
 * A random id of 28 base-36 characters (128 bits). `crypto.randomUUID` exists only in secure
 * contexts and rumlet also runs on plain-http sites; `getRandomValues` works everywhere.
 */
export function uid(): string {
  let id = ''
  for (const word of crypto.getRandomValues(new Uint32Array(4))) id += word.toString(36).padStart(7, '0')
  return id
}
