import { expect, test } from './fixtures'
import { hostPage, openHostPage } from './hostPage'
import { ofType } from './ofType'
import { startHostSite, type HostSite } from './startHostSite'

// Errors the page throws while it is leaving. A repeat of an error is held 5 s to be recorded
// with its count (dedupeErrors): once the exit began, nothing runs 5 s later, so the repeat must
// leave with the beacons like any event recorded then.

let site: HostSite | undefined
test.afterEach(async () => {
  await site?.close()
  site = undefined
})

test('closing the tab: errors thrown by the page\'s own pagehide handler (added after rumlet\'s), a new one and a repeat of an earlier one, are stored with every occurrence counted', async ({ page, collector }) => {
  site = await startHostSite({
    '/': hostPage('script tag', collector.url, {
      after: `const fail = (message) => { throw new Error(message) }
        setTimeout(() => fail('thrown_twice'))
        // After rumlet's own exit listener, which it adds in a task after init.
        setTimeout(() => {
          addEventListener('pagehide', () => fail('thrown_in_pagehide'))
          addEventListener('pagehide', () => fail('thrown_twice'))
        }, 100)`,
    }),
  })
  await openHostPage(page, `${site.url}/`)
  // The first thrown_twice is recorded (a first occurrence is recorded at once).
  await page.waitForTimeout(500)
  await page.close()
  // Closing leaves no next load: only the beacons can carry them.
  const occurrences = (events: Parameters<typeof ofType>[0], text: string) =>
    ofType(events, 'error')
      .filter((error) => error.message.includes(text))
      .reduce((total, error) => total + error.count, 0)
  const events = await collector.waitFor((events) => occurrences(events, 'thrown_twice') >= 2 && occurrences(events, 'thrown_in_pagehide') >= 1, 5000)
  expect(occurrences(events, 'thrown_in_pagehide')).toBe(1)
  expect(occurrences(events, 'thrown_twice')).toBe(2)
})
