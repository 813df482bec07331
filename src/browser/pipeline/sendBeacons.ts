import type { Entry } from './entry'
import { packGroups, toBody } from './packGroups'

// sendBeacon and keepalive fetch share one 64 KiB in-flight quota per document (Fetch spec):
// beacons of 16 KiB and 50 events at most, and what one exit sends stays within 48 KiB, so that
// the host page's own beacons still fit. What does not fit waits in IndexedDB for a later send.
const BEACON_BYTES = 16 * 1024
const BEACON_EVENTS = 50
export const EXIT_BYTES = 48 * 1024

/** Beacons `entries` from a page that may be leaving, in this task: bodies of ≤ 16 KiB and ≤ 50 events. */
export function sendBeacons(entries: Entry[], beacon: (body: string) => void): void {
  for (const group of packGroups(entries, BEACON_BYTES, BEACON_EVENTS))
    beacon(toBody(group, Date.now()))
}
