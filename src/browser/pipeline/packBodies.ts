import { SCHEMA_VERSION } from '../../wire'
import { byteLength } from '../lib/byteLength'

declare const __VERSION__: string

/** The envelope around the events, split where the events go: `{…,"events":[` + `]}`. */
export function envelope(sentAt: number): [string, string] {
  return [`{"schema":${SCHEMA_VERSION},"sdk":"${__VERSION__}","sentAt":${sentAt},"events":[`, ']}']
}

/**
 * Packs serialized events into request bodies of at most `maxBytes` UTF-8 bytes each (one event
 * larger than that still goes out, alone). Events are serialized once, when they are recorded,
 * and joined here as strings: a batch is never parsed and stringified again.
 */
export function packBodies(events: string[], maxBytes: number, sentAt: number): string[] {
  const [head, tail] = envelope(sentAt)
  const frame = byteLength(head) + byteLength(tail)
  const bodies: string[] = []
  let part: string[] = []
  let bytes = frame
  for (const event of events) {
    const size = byteLength(event) + 1
    if (part.length && bytes + size > maxBytes) {
      bodies.push(head + part.join(',') + tail)
      part = []
      bytes = frame
    }
    part.push(event)
    bytes += size
  }
  if (part.length) bodies.push(head + part.join(',') + tail)
  return bodies
}
