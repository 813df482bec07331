/**
 * Posts one body and tells whether the collector took it (2xx). `text/plain` is a
 * CORS-safelisted type, so a collector on another origin needs no preflight.
 */
export async function post(endpoint: string, body: string): Promise<boolean> {
  try {
    const response = await fetch(endpoint, { method: 'POST', body, credentials: 'omit' })
    return response.ok
  } catch {
    return false
  }
}

/**
 * Sends one body from a page that may be leaving, in the same task. `sendBeacon` outlives the
 * page; when it refuses (its 64 KiB in-flight quota is shared with the page's own beacons),
 * a keepalive fetch is the next best thing.
 */
export function beacon(endpoint: string, body: string): void {
  try {
    if (navigator.sendBeacon && navigator.sendBeacon(endpoint, body)) return
  } catch {}
  fetch(endpoint, { method: 'POST', body, keepalive: true, credentials: 'omit' }).catch(() => {})
}
