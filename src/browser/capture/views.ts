import type { PageViewEvent, ViewEndEvent } from '../../wire'
import { guard } from '../lib/guard'
import { onHidden } from '../lib/onHidden'
import { uid } from '../lib/uid'
import { viewClock } from '../lib/viewClock'
import type { Emit } from '../types'
import { trackRoutes } from './routes'

/**
 * The views of the page: the hard load's, one per single-page-app route change (with `spa`),
 * one per back/forward-cache restore (its page view only with `pageViews`), and those of
 * `trackPageView`. Each new view ends the last
 * with a `view_end` (its total and visible time) and starts with a `page_view` whose referrer is
 * the last view's URL. A page being hidden sends a `view_end` too, as the view may end there;
 * if it comes back, a later `view_end` of the same view has the larger totals.
 */
export function startViews(emit: Emit, spa: boolean, pageViews = true) {
  // The hard load's view began at navigation start (performance.now() counts from there), not
  // when an async script got to run.
  const lap = viewClock(undefined, 0)
  // The URL of the view that ends: by now the address bar may show the next one.
  const end = (keep?: boolean) => emit<ViewEndEvent>({ type: 'view_end', url: views._url, ...lap(keep) })

  const views = {
    /** The current view. */
    _id: uid(),
    /** The view of the hard load or of the last back/forward-cache restore: what web-vitals measures. */
    _navigation: '',
    _url: location.href,
    /** Recent views by URL, to find the view of a soft navigation web-vitals reports. */
    _byUrl: new Map<string, string>(),

    /** Ends the current view and starts the next: a page view of `next` (default: the address bar). */
    _start(navigationType: string, next?: string, attributes?: unknown, ended?: boolean): void {
      // The URL first: one that does not parse throws before the current view has ended.
      const url = next ? new URL(next, location.href).href : location.href
      if (ended) lap()
      else end()
      const referrer = views._url
      views._url = url
      views._id = uid()
      remember()
      // A restore is a page load: with `trackPageViews: false` it starts a view, and no page view.
      if (pageViews || navigationType !== 'back_forward_cache')
        emit<PageViewEvent>({ type: 'page_view', referrer, navigationType, url: views._url, attributes } as never)
    },
  }
  const remember = () => {
    views._byUrl.delete(views._url)
    views._byUrl.set(views._url, views._id)
    if (views._byUrl.size > 50) views._byUrl.delete(views._byUrl.keys().next().value!)
  }
  views._navigation = views._id
  remember()

  if (spa) trackRoutes(() => views._start('route_change'))
  addEventListener(
    'pageshow',
    guard((event: PageTransitionEvent) => {
      // Its view_end was sent when the page was hidden, on the way into the cache.
      if (event.persisted) {
        views._start('back_forward_cache', undefined, undefined, true)
        views._navigation = views._id
      }
    }),
    // Capture, and added before web-vitals' own: it reports the restore's TTFB from its
    // capture-phase listener, which must find the new view.
    true,
  )
  onHidden(() => end(true))
  return views
}

export type Views = ReturnType<typeof startViews>
