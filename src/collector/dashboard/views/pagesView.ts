import { breakdownTable } from '../components/breakdownTable'
import { h } from '../lib/h'
import type { ViewRender } from './viewContext'

/** Pages (routes, else paths): views, sessions, errors and the p75 of each vital, sortable; each links to its own page. */
export const pagesView: ViewRender = async (context) => [
  h('h1', null, 'Pages'),
  h('p', { class: 'muted' }, 'A page is the route the app names (rumlet’s route option), else the URL’s path. Click a header to sort.'),
  await breakdownTable(context, 'page', 'Page', (page) => context.link({ view: 'page', id: page })),
]
