import { SCHEMA_VERSION } from '../../wire'
import type { Entry } from './entry'

declare const __VERSION__: string

/** A request body holding the given serialized events (`sentAt`: epoch ms). */
export function toBody(entries: Entry[], sentAt: number): string {
  return `{"schema":${SCHEMA_VERSION},"sdk":"${__VERSION__}","sentAt":${sentAt},"events":[${entries.map((entry) => entry._json)}]}`
}

/** What the envelope around the events takes, at most (bytes). */
const FRAME_BYTES = 100

/**
 * Splits entries into groups of at most `maxCount` whose request body stays within `maxBytes`
 * UTF-8 bytes (an entry larger than that still goes out, alone). Events are serialized once,
 * when recorded, and joined as strings: a batch is never parsed and stringified again.
 */
export function packGroups(entries: Entry[], maxBytes: number, maxCount = Infinity): Entry[][] {
  const groups: Entry[][] = []
  let group: Entry[] = []
  let bytes = FRAME_BYTES
  for (const entry of entries) {
    const size = entry._key[2] + 1
    if (group.length && (bytes + size > maxBytes || group.length >= maxCount)) groups.push(group), (group = []), (bytes = FRAME_BYTES)
    group.push(entry)
    bytes += size
  }
  if (group.length) groups.push(group)
  return groups
}
