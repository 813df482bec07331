/** The dashboard's views, each a query string of `/` so that a link keeps what it shows. */
export const VIEWS = ['overview', 'pages', 'page', 'breakdowns', 'errors', 'error', 'sessions', 'session', 'actions', 'health', 'alerts'] as const
export type View = (typeof VIEWS)[number]

/** The filters every view applies: the query API's common filter (README, *Query API*). */
export const FILTERS = ['app', 'env', 'release', 'browser', 'device'] as const

/**
 * What the URL says the dashboard shows: `view`, `id` (a page, an error fingerprint, a session),
 * `range` (a preset such as `24h`, or `custom` with `from` and `to`, epoch ms), the filters,
 * and view options (`vital`, `by`, `sort`, `dir`, `live`).
 */
export type ViewState = Record<string, string>

const DEFAULTS: ViewState = { view: 'overview', range: '24h', live: '1' }

/** The state in a URL's query string, with defaults for what it leaves out. */
export function readViewState(search: string): ViewState {
  const state: ViewState = { ...DEFAULTS }
  for (const [key, value] of new URLSearchParams(search)) if (value !== '' && key !== 'token') state[key] = value
  if (!(VIEWS as readonly string[]).includes(state.view)) state.view = 'overview'
  return state
}

/**
 * A link to `state` changed by `changes` (undefined removes a key). Leaving a view drops its
 * options: filters, range and live refresh go along, `id`, `sort` and the like do not.
 */
export function linkTo(state: ViewState, changes: Record<string, string | undefined>): string {
  const next: ViewState = {}
  const keep = changes.view && changes.view !== state.view ? ['range', 'from', 'to', 'live', ...FILTERS] : Object.keys(state)
  for (const key of keep) if (state[key] !== undefined) next[key] = state[key]
  for (const [key, value] of Object.entries(changes)) if (value === undefined) delete next[key]
  else next[key] = value
  for (const [key, value] of Object.entries(DEFAULTS)) if (next[key] === value) delete next[key]
  const query = new URLSearchParams(next).toString()
  return query ? `/?${query}` : '/'
}
