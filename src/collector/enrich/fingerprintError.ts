import { createHash } from 'node:crypto'
import type { Frame } from './parseStack'

/**
 * A message with what changes from one occurrence to the next taken out, so that
 * `Cannot read properties of undefined (reading 'id')` at two ids, or a timeout after 3012 and
 * 3187 ms, are one error: URLs, quoted text, hex ids (8 digits or more) and numbers.
 */
export function normaliseMessage(message: string): string {
  return message
    .slice(0, 1024)
    .replace(/\b[a-z][a-z\d+.-]*:\/\/\S+/gi, '<url>')
    .replace(/(["'`])(?:(?!\1).){0,200}\1/g, '<text>')
    .replace(/\b(?:0x)?[\da-f]{8,}\b/gi, '<hex>')
    .replace(/\d+(?:\.\d+)?/g, '<n>')
    .trim()
}

/**
 * The top in-app frame: the first that names a file and is not library code (node_modules,
 * webpack's or Vite's own runtime), a browser extension, or rumlet itself.
 */
export function topAppFrame(frames: Frame[]): Frame | undefined {
  return frames.find(
    (frame) =>
      !!frame.file &&
      !/node_modules|webpack\/bootstrap|\/@vite\/|^(chrome|moz|safari(-web)?)-extension:|\/rumlet(\.[a-z]+)?\.m?js\b|^<anonymous>$|^native$/.test(frame.file),
  )
}

/** A frame as part of a fingerprint: its file without origin or query, and its function (else its line). */
const frameKey = (frame: Frame) => {
  const file = (frame.file ?? '').replace(/^[a-z][a-z\d+.-]*:\/\/[^/]*/i, '').replace(/[?#].*$/, '')
  return `${file}:${frame.function ?? `line ${frame.line}`}`
}

/**
 * The group an error belongs to, as 16 hex digits of SHA-1 over its type, its normalised message
 * and its top in-app frame after source-map resolution (so a new release of the same minified
 * code keeps its errors in one group, while its line numbers move).
 */
export function fingerprintError(errorType: string, message: string, frames: Frame[]): string {
  const frame = topAppFrame(frames)
  return createHash('sha1')
    .update(`${errorType}\n${normaliseMessage(message)}\n${frame ? frameKey(frame) : ''}`)
    .digest('hex')
    .slice(0, 16)
}
