import type { Notification } from './toNotification'

/** Waits between attempts, ms: a receiver restarting gets a few seconds. */
const RETRY_DELAYS = [1000, 5000]

/**
 * POSTs a notification as JSON to `url`; resolves once a 2xx answer came, tries three times in
 * all (10 s each), and throws the last reason when none succeeded.
 */
export async function postWebhook(url: string, notification: Notification, wait = (ms: number) => new Promise((r) => setTimeout(r, ms))): Promise<void> {
  let reason = ''
  for (let attempt = 0; attempt <= RETRY_DELAYS.length; attempt++) {
    if (attempt) await wait(RETRY_DELAYS[attempt - 1])
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(notification),
        signal: AbortSignal.timeout(10_000),
      })
      await response.body?.cancel()
      if (response.ok) return
      reason = `HTTP ${response.status}`
      // A refusal of the payload itself will not change on a retry.
      if (response.status >= 400 && response.status < 500 && response.status !== 429) break
    } catch (e) {
      reason = (e as Error).message
    }
  }
  throw new Error(reason)
}
