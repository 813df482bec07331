import { expect } from 'vitest'

/** A desktop Chrome's User-Agent header: bowser reads Chrome, Windows, desktop. */
export const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36'
/** An iPhone's User-Agent header: bowser reads Safari, iOS, mobile. */
export const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1'

/**
 * Ingest and the query API of the collector at `url()` (read at each call, so that a test file
 * can make the client before its server starts), each expecting 200: `post(userAgent, events)`
 * sends one batch with that User-Agent header; `get(path)` resolves with the answer's JSON.
 */
export function queryClient(url: () => string) {
  return {
    async post(userAgent: string, events: object[]) {
      const response = await fetch(`${url()}/rum`, { method: 'POST', headers: { 'User-Agent': userAgent }, body: JSON.stringify({ events }) })
      expect(response.status, await response.text()).toBe(200)
    },
    async get(path: string) {
      const response = await fetch(`${url()}${path}`)
      expect(response.status, path).toBe(200)
      return response.json() as Promise<Record<string, Record<string, unknown>[]>>
    },
  }
}
