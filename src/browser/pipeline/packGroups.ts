import { SCHEMA_VERSION } from '../../wire'
import { byteLength } from '../lib/byteLength'

declare const __VERSION__: string

/** The envelope around the events, split where the events go: `{…,"events":[` + `]}`. */
function envelope(sentAt: number): [string, string] {
  return [`{"schema":${SCHEMA_VERSION},"sdk":"${__VERSION__}","sentAt":${sentAt},"events":[`, ']}']
}

/** A request body holding the given serialized events. */
export function toBody(events: string[], sentAt: number): string {
  const [head, tail] = envelope(sentAt)
  return head + events.join(',') + tail
}

// The envelope's bytes, with room for a 13-digit sentAt.
const FRAME_BYTES = byteLength(envelope(1e12).join(''))

/**
 * Splits entries into groups of at most `maxCount` whose request body stays within `maxBytes`
 * UTF-8 bytes (an entry larger than that still goes out, alone). Events are serialized once,
 * when recorded, and joined as strings: a batch is never parsed and stringified again.
 */
export function packGroups<T>(items: T[], maxBytes: number, bytesOf: (item: T) => number, maxCount = Infinity): T[][] {
  const groups: T[][] = []
  let group: T[] = []
  let bytes = FRAME_BYTES
  for (const item of items) {
    const size = bytesOf(item) + 1
    if (group.length && (bytes + size > maxBytes || group.length >= maxCount)) {
      groups.push(group)
      group = []
      bytes = FRAME_BYTES
    }
    group.push(item)
    bytes += size
  }
  if (group.length) groups.push(group)
  return groups
}
