import { guard } from '../lib/guard'

/** What counts as a route: the path, and a fragment that looks like one (`#/cart`, without its query). */
const routeOf = (url: string) => {
  const { pathname, hash } = new URL(url)
  return pathname + (hash.startsWith('#/') ? hash.split('?')[0] : '')
}

/**
 * Calls `cb` after each single-page-app route change: `history.pushState` and `replaceState`
 * that change the route (not those that only change the query or the state), the back and
 * forward buttons (`popstate`), and fragment routes (`hashchange` to `#/…`). The page's own
 * `pushState` runs first and unchanged.
 */
export function trackRoutes(cb: () => void): void {
  let route = routeOf(location.href)
  const check = guard(() => {
    const next = routeOf(location.href)
    if (next !== route) {
      route = next
      cb()
    }
  })
  for (const name of ['pushState', 'replaceState'] as const) {
    const original = history[name]
    history[name] = function (this: History, ...args: Parameters<History['pushState']>) {
      original.apply(this, args)
      check()
    }
  }
  addEventListener('popstate', check)
  addEventListener('hashchange', check)
}
