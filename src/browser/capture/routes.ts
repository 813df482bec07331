import { guard } from '../lib/guard'
import { listen } from '../lib/listen'
import { wrap } from '../lib/wrap'

/** What counts as a route: the path, and a fragment that looks like one (`#/cart`, without its query). */
const routeOf = (url: string) => {
  const { pathname, hash } = new URL(url)
  return pathname + (hash.startsWith('#/') ? hash.split('?')[0] : '')
}

/**
 * Calls `cb` after each single-page-app route change: `history.pushState` and `replaceState`
 * that change the route (not those that only change the query or the state), the back and
 * forward buttons (`popstate`), and fragment routes (`hashchange` to `#/…`). The page's own
 * `pushState` runs first and unchanged. Returns the stop.
 */
export function trackRoutes(cb: () => void, skip: (label: string) => void): () => void {
  let route = routeOf(location.href)
  const check = guard(() => {
    const next = routeOf(location.href)
    if (next !== route) {
      route = next
      cb()
    }
  })
  const stops = (['pushState', 'replaceState'] as const).map((name) =>
    wrap(history, name, (original, on) =>
      function (this: History) {
        // eslint-disable-next-line prefer-rest-params
        const result = original.apply(this, arguments as unknown as Parameters<History['pushState']>)
        if (on()) check()
        return result
      },
      skip,
    ),
  )
  stops.push(listen('popstate hashchange', check))
  return () => stops.map((stop) => stop())
}
