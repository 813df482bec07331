import { h } from '../lib/h'
import type { View } from '../lib/viewState'

const LINKS: [View, string, View[]][] = [
  ['overview', 'Overview', []],
  ['pages', 'Pages', ['page']],
  ['breakdowns', 'Breakdowns', []],
  ['errors', 'Errors', ['error']],
  ['sessions', 'Sessions', ['session']],
  ['actions', 'Actions', []],
  ['health', 'Data health', []],
  ['alerts', 'Alerts', []],
]

/** The views' links, the current one marked, and how many alerts fire beside Alerts. */
export function navLinks(current: View, link: (view: View) => string, firing: number): Node[] {
  return LINKS.map(([view, label, children]) =>
    h('a', { href: link(view), 'aria-current': view === current || children.includes(current) ? 'page' : undefined, 'data-view': view },
      label, view === 'alerts' && firing ? h('span', { class: 'count', title: `${firing} firing` }, firing) : null),
  )
}
