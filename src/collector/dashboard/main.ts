// The dashboard's code in the page (built by rollup into dist/dashboard/dashboard.js): reads the
// view from the URL, draws it from the query API, and redraws on navigation and every 10 s.
import type uPlot from 'uplot'
import type { RuleStatus } from '../alerts/createAlerts'
import { filterBar } from './components/filterBar'
import { navLinks } from './components/navLinks'
import { ApiError, filterQuery, getJson } from './lib/api'
import type { Facets } from './lib/apiTypes'
import { h } from './lib/h'
import { timeRange } from './lib/timeRange'
import { linkTo, readViewState, type View } from './lib/viewState'
import { actionsView } from './views/actionsView'
import { alertsView } from './views/alertsView'
import { breakdownsView } from './views/breakdownsView'
import { errorsView } from './views/errorsView'
import { errorView } from './views/errorView'
import { healthView } from './views/healthView'
import { overviewView } from './views/overviewView'
import { pagesView } from './views/pagesView'
import { pageView } from './views/pageView'
import { sessionsView } from './views/sessionsView'
import { sessionView } from './views/sessionView'
import type { ViewContext, ViewRender } from './views/viewContext'

const VIEWS: Record<View, ViewRender> = {
  overview: overviewView, pages: pagesView, page: pageView, breakdowns: breakdownsView, errors: errorsView, error: errorView,
  sessions: sessionsView, session: sessionView, actions: actionsView, health: healthView, alerts: alertsView,
}
const LIVE_EVERY = 10_000

const main = document.getElementById('main')!
const nav = document.getElementById('nav')!
const filters = document.getElementById('filters')!
let state = readViewState(location.search)
let charts: uPlot[] = []
let drawn = 0
let filtersDrawn = ''

function go(changes: Record<string, string | undefined>) {
  history.pushState(null, '', linkTo(state, changes))
  state = readViewState(location.search)
  void render()
}

/** Draws the current state; a render that a newer one overtook draws nothing. */
async function render() {
  const mine = ++drawn
  const range = timeRange(state, Date.now())
  const mounts: ((charts: uPlot[]) => void)[] = []
  const context: ViewContext = {
    state,
    range,
    get: (path, extra) => getJson(`${path}?${filterQuery(state, range, extra)}`),
    link: (changes) => linkTo(state, changes),
    go,
    mount: (work) => mounts.push(work),
  }
  const status = () => document.getElementById('status')
  status()?.replaceChildren('loading…')
  try {
    const [nodes, facets, alerts] = await Promise.all([
      VIEWS[state.view as View](context),
      getJson<Facets>(`/api/facets?${filterQuery({}, range)}`),
      getJson<{ rules: RuleStatus[] }>('/api/alerts'),
    ])
    if (mine !== drawn) return
    const key = JSON.stringify([facets, state])
    if (key !== filtersDrawn) filters.replaceChildren(...filterBar(state, facets, range, go))
    filtersDrawn = key
    nav.replaceChildren(...navLinks(state.view as View, (view) => linkTo(state, { view }), alerts.rules.filter((r) => r.state === 'firing').length))
    for (const chart of charts) chart.destroy()
    charts = []
    main.replaceChildren(...nodes)
    for (const work of mounts) work(charts)
    status()?.classList.remove('failed')
    status()?.replaceChildren(`updated ${new Date().toLocaleTimeString('en-GB')}`)
  } catch (e) {
    if (mine !== drawn) return
    const message = e instanceof ApiError && e.status === 401 ? `${e.message}` : `could not load: ${(e as Error).message}`
    status()?.classList.add('failed')
    status()?.replaceChildren(message)
    if (!(e instanceof ApiError) || e.status !== 401) return
    main.replaceChildren(h('h1', null, 'A read token is needed'), h('p', null, message))
  }
}

// Opened as /?token=T: the collector put the token in a cookie; keep it out of the address bar,
// of shared links and of the history.
if (new URLSearchParams(location.search).has('token')) history.replaceState(null, '', linkTo(state, {}))
window.addEventListener('popstate', () => {
  state = readViewState(location.search)
  void render()
})
let resizing: ReturnType<typeof setTimeout> | undefined
window.addEventListener('resize', () => {
  clearTimeout(resizing)
  resizing = setTimeout(() => charts.forEach((chart) => chart.setSize({ width: Math.max(280, chart.root.parentElement!.clientWidth), height: 200 })), 150)
})
setInterval(() => {
  if (state.live === '1' && document.visibilityState === 'visible') void render()
}, LIVE_EVERY)
void render()
