import { guard } from '../lib/guard'
import { listen } from '../lib/listen'
import { wrap } from '../lib/wrap'

declare const __DEBUG__: boolean

/**
 * Calls `cb` after each single-page-app route change: `history.pushState` and `replaceState`
 * that change the route (not those that only change the query or the state), the back and
 * forward buttons (`popstate`), and fragment routes (`hashchange`). The route is the path, plus
 * the fragment without its query when the fragment is a route: by default when it has a hash
 * router's shape, `#/…` (Vue Router's and React Router's hash modes) or `#!/…` (AngularJS ≥ 1.6's
 * default prefix, older "hashbang" sites), never a plain anchor (`#pricing`). `hashRoutes`
 * decides the shapes that are ambiguous: `true`, every fragment is a route (Backbone, React
 * Router's `hashType: "noslash"`: `#products`); `false`, none is (docs whose anchors look like
 * `#/…`). The page's own `pushState` runs first and unchanged. Where the Navigation API is
 * (Chromium), its `currententrychange` reports the route changes no wrapper sees. For a
 * traversal (back or forward: a task of the browser's own, never the task of the page's call
 * before it) `cb` hears `left`, the address as it was before, the one the page's earlier task
 * left; for a change the page made, undefined. Returns the stop.
 */
export function trackRoutes(cb: (left?: string) => void, skip: (label: string) => void, hashRoutes?: boolean): () => void {
  const routeOf = (url: string) => {
    const { pathname, hash } = new URL(url)
    return pathname + ((hashRoutes ?? /^#!?\//.test(hash)) ? hash.split('?')[0] : '')
  }
  let route = routeOf(location.href)
  // The address as last seen, also after a change of the query alone.
  let href = location.href
  // Called by the wrappers without an event, by listeners with theirs: `popstate` and a
  // `traverse` entry change are traversals (`hashchange` is not: it also follows the page's own
  // `location.hash = …`, in a later task).
  const check = guard((event?: Event & { navigationType?: string }) => {
    const left = href
    const next = routeOf((href = location.href))
    if (next !== route) {
      route = next
      cb(event && (event.type === 'popstate' || event.navigationType === 'traverse') ? left : undefined)
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
      // Named as the page writes it, in the debug build's warning only (9 bytes elsewhere).
      __DEBUG__ ? `history.${name}` : name,
    ),
  )
  // The Navigation API (Chromium 102) reports every same-document navigation, also those rumlet's
  // wrapper cannot see: a router's `pushState` taken before rumlet loaded
  // (`history.pushState.bind(history)`), `navigation.navigate()` with `event.intercept()`.
  const navigation = (window as { navigation?: EventTarget }).navigation
  stops.push(listen('popstate hashchange', check))
  if (navigation) stops.push(listen('currententrychange', check, undefined, navigation))
  return () => stops.map((stop) => stop())
}
