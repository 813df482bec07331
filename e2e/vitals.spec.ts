import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { RumEvent, VitalEvent } from '../src/wire'
import type { Collector } from './startCollector'
import { expect, test } from './fixtures'

// A hero image of 300×150 (LCP counts an image at most at its own size, so it must be big)
// and busy: Chromium leaves out images of under 0.05 bits per pixel (a flat colour) from LCP.
let seed = 7
const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 300
const HERO = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="150">${Array.from(
  { length: 150 },
  (_, i) => `<circle cx="${random().toFixed(1)}" cy="${(random() / 2).toFixed(1)}" r="${(random() / 20).toFixed(1)}" fill="#${(i * 99991).toString(16).slice(-6).padStart(6, '0')}"/>`,
).join('')}</svg>`

let server: Server | undefined
test.afterEach(() => new Promise<void>((done) => (server ? (server.closeAllConnections(), server.close(() => done())) : done())))

/**
 * A site of its own serving `page` at /, rumlet at /rumlet.js, web-vitals' own IIFE at
 * /web-vitals.js (for a second, independent listener in the page), and /hero.svg after 700 ms.
 */
async function site(page: string): Promise<string> {
  server = createServer((request, response) => {
    const path = new URL(request.url || '/', 'http://site').pathname
    if (path === '/rumlet.js' || path === '/rumlet.attribution.js')
      return void response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(readFileSync(`dist${path}`))
    if (path === '/web-vitals.js')
      return void response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(readFileSync('node_modules/web-vitals/dist/web-vitals.iife.js'))
    if (path === '/hero.svg') return void setTimeout(() => response.writeHead(200, { 'Content-Type': 'image/svg+xml' }).end(HERO), 700)
    if (path === '/') return void response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page)
    response.writeHead(404).end()
  })
  await new Promise<void>((ready) => server!.listen(0, '127.0.0.1', ready))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
}

const tag = (collectorUrl: string) =>
  `<script src="/rumlet.js" data-endpoint="${collectorUrl}/rum" data-flush-interval="60000"></script>`

/** The last report of a vital as the collector stored it (the final value). */
async function stored(collector: Collector, name: string): Promise<VitalEvent> {
  const isIt = (e: RumEvent): e is VitalEvent => e.type === 'vital' && e.name === name
  const events = await collector.waitFor((events) => events.some(isIt))
  return events.filter(isIt).at(-1)!
}

test('LCP waits for a hero image delayed 700 ms, and names that image and its URL', async ({ page, collector }) => {
  const url = await site(`<!doctype html><head>${tag(collector.url)}</head>
    <body><p>small text</p><img id="hero" class="banner" src="/hero.svg?session=secret1" width="300" height="150"></body>`)
  await page.goto(url)
  await page.waitForLoadState('load')
  await page.click('body') // an input makes web-vitals report LCP now
  await page.close()
  const lcp = await stored(collector, 'LCP')
  expect(lcp.value).toBeGreaterThanOrEqual(600)
  expect(lcp.target).toBe('img#hero')
  // Resource URLs are scrubbed like the page's.
  expect(lcp.resource).toBe(`${url}hero.svg?session=redacted`)
})

test('CLS of two layout shifts equals what a second web-vitals listener in the page computed, and names the shifted element', async ({ page, collector }) => {
  const url = await site(`<!doctype html><head>${tag(collector.url)}<script src="/web-vitals.js"></script></head>
    <body><div id="ad"></div><main class="content"><p id="text">${'Some text. '.repeat(200)}</p></main>
    <script>
      webVitals.onCLS((metric) => (window.cls = metric.value), { reportAllChanges: true })
      const ad = document.getElementById('ad')
      setTimeout(() => (ad.style.height = '100px'), 300)
      setTimeout(() => (ad.style.height = '250px'), 600)
    </script></body>`)
  await page.goto(url)
  await page.waitForFunction(() => (window as any).cls > 0 && document.getElementById('ad')!.style.height === '250px')
  await page.waitForTimeout(300)
  const expected = await page.evaluate(() => (window as any).cls)
  await page.close() // CLS is reported when the page is hidden
  const cls = await stored(collector, 'CLS')
  expect(cls.value).toBeCloseTo(expected, 6)
  expect(cls.value).toBeGreaterThan(0)
  expect(cls.target).toBe('html>body>main.content')
})

test('a click handler that blocks for 300 ms makes INP ≥ 300, rated needs-improvement, with the button as target', async ({ page, collector }) => {
  const url = await site(`<!doctype html><head>${tag(collector.url)}<script src="/web-vitals.js"></script></head>
    <body><button id="slow">Slow</button>
    <script>
      webVitals.onINP((metric) => (window.inp = metric.value), { reportAllChanges: true })
      document.getElementById('slow').addEventListener('click', () => {
        const end = performance.now() + 300
        while (performance.now() < end) {}
        document.body.append('done')
      })
    </script></body>`)
  await page.goto(url)
  await page.waitForLoadState('load')
  await page.click('#slow')
  // The page's own web-vitals listener saw the interaction: rumlet's reports it at hide.
  await page.waitForFunction(() => (window as any).inp >= 300)
  await page.close() // INP is reported when the page is hidden
  const inp = await stored(collector, 'INP')
  expect(inp.value).toBeGreaterThanOrEqual(300)
  expect(inp.rating).toBe('needs-improvement')
  expect(inp.target).toBe('button#slow')
  expect(inp.interaction).toBe('pointer')
})

test('the attribution build adds web-vitals\' breakdowns: INP phases and its longest script, LCP phases', async ({ page, collector }) => {
  const url = await site(`<!doctype html><head>
    <script src="/rumlet.attribution.js" data-endpoint="${collector.url}/rum" data-flush-interval="60000"></script>
    <script src="/web-vitals.js"></script></head>
    <body><img id="hero" src="/hero.svg" width="300" height="150"><button id="slow">Slow</button>
    <script>
      webVitals.onINP((metric) => (window.inp = metric.value), { reportAllChanges: true })
      document.getElementById('slow').addEventListener('click', function slowHandler() {
        const end = performance.now() + 300
        while (performance.now() < end) {}
        document.body.append('done')
      })
    </script></body>`)
  await page.goto(url)
  await page.waitForLoadState('load')
  await page.click('#slow')
  await page.waitForFunction(() => (window as any).inp >= 300)
  await page.close()
  const inp = await stored(collector, 'INP')
  expect(inp.target).toBe('button#slow')
  expect(inp.phases!.processingDuration).toBeGreaterThanOrEqual(290)
  expect(Object.keys(inp.phases!)).toEqual(expect.arrayContaining(['inputDelay', 'processingDuration', 'presentationDelay']))
  // The Long Animation Frame that held the click: its script is the page's own.
  expect(inp.script).toMatchObject({ url, phase: 'processing-duration' })
  expect(inp.script!.duration).toBeGreaterThanOrEqual(250)
  const lcp = await stored(collector, 'LCP')
  expect(Object.keys(lcp.phases!)).toEqual(
    expect.arrayContaining(['timeToFirstByte', 'resourceLoadDelay', 'resourceLoadDuration', 'elementRenderDelay']),
  )
  expect(lcp.phases!.resourceLoadDuration).toBeGreaterThanOrEqual(600)
})
