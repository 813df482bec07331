import type { MetricType } from 'web-vitals'
import type { PageViewEvent, ViewEndEvent } from '../../wire'
import { guard } from '../lib/guard'
import { listen } from '../lib/listen'
import { now } from '../lib/now'
import { uid } from '../lib/uid'
import { viewClock } from '../lib/viewClock'
import type { Emit } from '../types'
import { trackRoutes } from './routes'

/**
 * The views of the page: the hard load's, one per single-page-app route change (with `spa`),
 * one per back/forward-cache restore (its page view only with `pageViews`), and those of
 * `trackPageView`. Each new view ends the last with a `view_end` (its total and visible time)
 * and starts with a `page_view` whose referrer is the last view's URL. At a page exit (`flush`)
 * it sends a `view_end` too, as the view may end there; if the page comes back, a later
 * `view_end` of the same view has the larger totals.
 */
export function startViews(emit: Emit, skip: (label: string) => void, spa: boolean, pageViews = true, hashRoutes?: boolean) {
  // The hard load's view began at navigation start (performance.now() counts from there), not
  // when an async script got to run.
  const lap = viewClock(undefined, 0)
  // The URL of the view that ends: by now the address bar may show the next one.
  const end = (keep?: boolean) => emit<ViewEndEvent>({ type: 'view_end', url: views._url, ...lap(keep) })
  // Recent views by URL, to find the view of a soft navigation web-vitals reports.
  const byUrl = new Map<string, string>()
  let navigation = ''

  const views = {
    /** The current view. */
    _id: uid(),
    _url: location.href,

    /**
     * Ends the current view and starts the next: a page view of `next` (default: the address
     * bar). A route change's page view waits for the end of its task (a timer of 0 ms), with the
     * time of the change and the URL the task left: the route the user then sees. Route changes
     * later in that task (a redirect, a router's burst of `pushState`, a `popstate` handler's
     * `replaceState`) start no view of their own; the task's events already carry the new view.
     */
    _start(navigationType: string, next?: string, attributes?: unknown, ended?: boolean): void {
      const route = navigationType === 'route_change'
      if (route && pending) return
      // The URL first: one that does not parse throws before the current view has ended.
      const url = next ? new URL(next, location.href).href : location.href
      settle()
      ended ? lap() : end()
      const referrer = views._url
      const time = now()
      views._id = uid()
      const show = (at = location.href) => {
        pending = undefined
        views._url = route ? at : url
        remember()
        // A restore is a page load: with `trackPageViews: false` it starts a view, and no page view.
        if (pageViews || navigationType !== 'back_forward_cache')
          emit<PageViewEvent>({ type: 'page_view', referrer, navigationType, url: views._url, attributes } as never, time)
      }
      if (route) (pending = show), setTimeout(guard(settle))
      else show()
    },

    /**
     * The view a vital measures: a soft navigation's route view (found by URL; else the view of
     * now, as soft navigations are recent), or the view of the hard load or of the last
     * back/forward-cache restore, which is what web-vitals measures otherwise.
     */
    _of: (metric: MetricType): string =>
      metric.navigationType === 'soft-navigation' ? byUrl.get(metric.navigationURL || '') || views._id : navigation,

    /** The page may be leaving: the view's times so far. */
    _flush: () => (settle(), end(true)),

    stop: () => (settle(), stops.map((stop) => stop())),
  }
  // The page view of this task's route change, still to be recorded. A traversal (the back
  // button) is a task of its own, even when it comes before that task's timer (a fast hand, a
  // busy page): the view waiting is recorded first, with the URL its task left (`left`).
  let pending: ((at?: string) => void) | undefined
  const settle = (at?: string) => pending && pending(at)
  const remember = () => {
    byUrl.delete(views._url)
    byUrl.set(views._url, views._id)
    if (byUrl.size > 50) byUrl.delete(byUrl.keys().next().value!)
  }
  remember()
  navigation = views._id

  const stops = [
    lap.stop,
    listen(
      'pageshow',
      guard((event: PageTransitionEvent) => {
        // Its view_end was sent when the page was hidden, on the way into the cache.
        if (event.persisted) {
          views._start('back_forward_cache', undefined, undefined, true)
          navigation = views._id
        }
      }),
      // Capture, and added before web-vitals' own: it reports the restore's TTFB from its
      // capture-phase listener, which must find the new view.
      true,
    ),
  ]
  if (spa) stops.push(trackRoutes((left) => (left && settle(left), views._start('route_change')), skip, hashRoutes))
  return views
}

export type Views = ReturnType<typeof startViews>
