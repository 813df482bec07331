import { expect, test } from './fixtures'
import { actionNames, rumPage } from './rumPage'
import { startSite } from './startSite'

let site: Awaited<ReturnType<typeof startSite>> | undefined
test.afterEach(async () => {
  await site?.close()
  site = undefined
})

test('events recorded offline and left on a closed page are sent when the site is opened again online', async ({ context, collector }) => {
  site = await startSite({ '/': rumPage(collector.url, { flushInterval: 500 }) })
  const page = await context.newPage()
  await page.goto(`${site.url}/`)
  await context.setOffline(true)
  await page.evaluate(() => (window as any).record(30, 'offline'))
  await page.waitForTimeout(1500) // three flush intervals, all offline
  expect(actionNames(await collector.events(), 'offline')).toEqual([])
  // (Playwright's offline emulation does not hold back the beacons of a closing page, so what
  // arrives below may come from them or from the next load; either way nothing may be missing.)
  await page.close()
  await context.setOffline(false)

  const again = await context.newPage()
  await again.goto(`${site.url}/`)
  const events = await collector.waitFor((events) => actionNames(events, 'offline').length >= 30)
  expect(actionNames(events, 'offline').sort()).toEqual(Array.from({ length: 30 }, (_, i) => `offline_${i}`).sort())
})

test('a collector answering 503 with Retry-After: 2 loses nothing and is not retried before 2 s', async ({ page, collector }) => {
  site = await startSite({ '/': rumPage(collector.url, { flushInterval: 500 }) })
  const posts: { time: number; status?: number }[] = []
  page.on('request', (request) => request.url().endsWith('/rum') && request.method() === 'POST' && posts.push({ time: Date.now() }))
  page.on('response', (response) => {
    if (!response.url().endsWith('/rum')) return
    const post = [...posts].reverse().find((p) => p.status === undefined)
    if (post) post.status = response.status()
  })
  await page.goto(`${site.url}/`)
  await collector.maintenance(4, 2)
  await page.evaluate(() => (window as any).record(20, 'busy'))

  const events = await collector.waitFor((events) => actionNames(events, 'busy').length >= 20, 20_000)
  expect(actionNames(events, 'busy')).toHaveLength(20)
  // After each 503, the next attempt waited at least the 2 s the collector asked for.
  const refused = posts.filter((p) => p.status === 503)
  expect(refused.length).toBeGreaterThan(0)
  expect(posts.some((p) => p.time > refused[0].time)).toBe(true)
  for (const post of refused) {
    const next = posts.find((p) => p.time > post.time)
    if (next) expect(next.time - post.time).toBeGreaterThanOrEqual(1900)
  }
})

test('two tabs recording 200 events each at once: 400 stored, and how often an id arrived twice', async ({ context, collector }, testInfo) => {
  site = await startSite({ '/': rumPage(collector.url, { flushInterval: 1000 }) })
  const tabs = await Promise.all([context.newPage(), context.newPage()])
  await Promise.all(tabs.map((tab) => tab.goto(`${site!.url}/`)))
  await Promise.all(tabs.map((tab, i) => tab.evaluate((prefix) => (window as any).record(200, prefix), `tab${i}`)))

  const events = await collector.waitFor(
    (events) => actionNames(events, 'tab0').length >= 200 && actionNames(events, 'tab1').length >= 200,
    20_000,
  )
  expect(actionNames(events, 'tab0')).toHaveLength(200)
  expect(actionNames(events, 'tab1')).toHaveLength(200)
  const stats = await collector.stats()
  const rate = stats.duplicates / stats.events
  testInfo.annotations.push({ type: 'duplicate rate', description: `${stats.duplicates} of ${stats.events} ids arrived twice (${(rate * 100).toFixed(1)}%)` })
  console.log(`two tabs: ${stats.duplicates} of ${stats.events} ids received arrived again (${(rate * 100).toFixed(1)}%)`)
  // One sender at a time (Web Lock): resends are the exception, not the rule.
  expect(rate).toBeLessThan(0.1)
})

test('an event the snippet had to drop is counted, and the count is stored by the collector', async ({ page, collector }) => {
  // Attributes are cut at 1,024 characters, so only the page's own beforeSend can make an event
  // over the 60 KiB an event may have: here it adds 70,000 characters to the action "huge".
  site = await startSite({
    '/': `<!doctype html><script src="/rumlet.js"></script><script>
      rum.init({ endpoint: '${collector.url}/rum', flushInterval: 60000,
        beforeSend: (event) => (event.name === 'huge' && (event.blob = 'x'.repeat(70000)), event) })
    </script>`,
  })
  await page.goto(`${site.url}/`)
  await page.evaluate(() => (window as any).rum.trackAction('huge'))
  await page.evaluate(() => (window as any).rum.trackAction('small'))
  await page.evaluate(() => (window as any).rum.flush()) // writes: the huge one is dropped here
  await page.evaluate(() => (window as any).rum.flush()) // the next send carries the count
  const events = await collector.waitFor((events) => events.some((e) => e.type === 'dropped'))
  expect(events.filter((e) => e.type === 'dropped')).toMatchObject([{ counts: { too_large: 1 } }])
  expect(events.filter((e) => e.type === 'action').map((e) => (e as { name: string }).name)).toEqual(['small'])
})
