// A day of a made-up shop's traffic, posted to a collector through POST /rum the way snippets
// post it (each browser with its own User-Agent): what the screenshots in docs/ show. A fixed
// seed makes the same day every time, relative to `now`.

const HOUR = 3_600_000
const AGENTS = {
  chrome: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  firefox: 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  iphone: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  android: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
}
const PAGES = [
  { path: '/', route: '/', lcp: 1400 },
  { path: '/product/42', route: '/product/[id]', lcp: 2100 },
  { path: '/product/7', route: '/product/[id]', lcp: 2300 },
  { path: '/cart', route: '/cart', lcp: 1700 },
  { path: '/checkout', route: '/checkout', lcp: 2200 },
]

const CHECKOUT_STACK = "TypeError: Cannot read properties of undefined (reading 'total')\n    at renderSummary (https://shop.example/assets/checkout.js:1:2211)\n    at pay (https://shop.example/assets/checkout.js:1:904)"

/**
 * Posts the day: 1.4.0 until six hours ago, then 1.5.0, whose checkout is slower and throws a new
 * error (with `checkoutStack` as its stack when given: one a real minified script threw). One
 * session in three has signed in.
 */
export async function seedShop(url: string, now: number, sessions = 400, checkoutStack = CHECKOUT_STACK): Promise<void> {
  let seed = 7
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]
  let n = 0
  for (let s = 0; s < sessions; s++) {
    const agent = pick(Object.keys(AGENTS) as (keyof typeof AGENTS)[])
    const mobile = agent === 'iphone' || agent === 'android'
    let time = now - 22 * HOUR + (s / sessions) * 21.5 * HOUR + random() * 600_000
    const release = time < now - 6 * HOUR ? '1.4.0' : '1.5.0'
    const sessionId = `s${String(s).padStart(3, '0')}-${Math.floor(random() * 1e9).toString(36)}`
    const userId = s % 3 === 0 ? `customer-${1000 + s}` : undefined
    const events: Record<string, unknown>[] = []
    const visits = 1 + Math.floor(random() * 4)
    for (let v = 0; v < visits; v++) {
      const page = v === visits - 1 && random() < 0.5 ? PAGES[4] : pick(PAGES.slice(0, 4))
      const viewId = `${sessionId}-v${v}`
      const base = () => ({ id: `${sessionId}-${n++}`, time: Math.round(time), sessionId, viewId, url: `https://shop.example${page.path}`, route: page.route, app: 'shop', env: 'prod', release, userId })
      const slow = (mobile ? 1.35 : 1) * (release === '1.5.0' && page.route === '/checkout' ? 1.9 : 1)
      const lcp = Math.round(page.lcp * slow * (0.55 + random() ** 2 * 1.3))
      const inp = Math.round((mobile ? 180 : 90) * (0.4 + random() * 1.8))
      const cls = Math.round(random() * random() * 0.3 * 1000) / 1000
      const rate = (value: number, [good, poor]: number[]) => (value <= good ? 'good' : value <= poor ? 'needs-improvement' : 'poor')
      const vital = (name: string, value: number, limits: number[]) => ({ ...base(), type: 'vital', name, value, delta: value, rating: rate(value, limits), metricId: `${viewId}-${name}` })
      events.push({ ...base(), type: 'page_view', referrer: '', navigationType: v ? 'route_change' : 'navigate' })
      time += 300
      events.push(vital('TTFB', Math.round(lcp * 0.25), [800, 1800]), vital('FCP', Math.round(lcp * 0.7), [1800, 3000]), vital('LCP', lcp, [2500, 4000]))
      time += 4000 + random() * 20_000
      const button = page.route === '/checkout' ? 'pay' : page.route === '/cart' ? 'checkout' : 'add-to-cart'
      // 1.5.0's checkout throws after half the clicks on Pay: error clicks; some clicks are rage or dead ones.
      const throws = page.route === '/checkout' && release === '1.5.0' && random() < 0.5
      const roll = random()
      const frustration = throws ? ['error'] : roll < 0.05 ? ['rage'] : roll < 0.08 ? ['dead'] : undefined
      events.push({ ...base(), type: 'action', name: button, duration: Math.round(80 + random() * 900), ok: !throws && random() > 0.04, source: 'click', target: `button#${button}`, frustration })
      if (throws)
        events.push({ ...base(), type: 'error', message: "Cannot read properties of undefined (reading 'total')", errorType: 'TypeError', stack: checkoutStack, source: 'onerror', count: 1, fingerprint: 'x', action: 'pay' })
      if (random() < 0.05)
        events.push({ ...base(), type: 'error', message: 'Failed to fetch', errorType: 'TypeError', stack: 'TypeError: Failed to fetch\n    at loadStock (https://shop.example/assets/app.js:1:5120)', source: 'unhandledrejection', count: 1 + Math.floor(random() * 3), fingerprint: 'x' })
      events.push(vital('INP', inp, [200, 500]), vital('CLS', cls, [0.1, 0.25]))
      time += 2000 + random() * 30_000
      events.push({ ...base(), type: 'view_end', duration: Math.round(8000 + random() * 60_000), visible: Math.round(6000 + random() * 40_000) })
    }
    // A few phones went offline for too long: their outboxes overflowed.
    if (mobile && random() < 0.12) events.push({ id: `${sessionId}-${n++}`, type: 'dropped', time: Math.round(time), sessionId, viewId: `${sessionId}-v0`, url: 'https://shop.example/', app: 'shop', env: 'prod', release, counts: random() < 0.5 ? { queue_full: 20 + Math.floor(random() * 40) } : { expired: 5 + Math.floor(random() * 10), queue_full: 8 } })
    const response = await fetch(`${url}/rum`, { method: 'POST', headers: { 'User-Agent': AGENTS[agent] }, body: JSON.stringify({ events }) })
    if (!response.ok) throw new Error(`seeding: ${response.status} ${await response.text()}`)
  }
}
