import { FILTERS, type ViewState } from './viewState'

/** An answer of the collector that is not 2xx: its status and the reason it gave. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

/** The query string of the common filter for a state and range (epoch ms). */
export function filterQuery(state: ViewState, range: { since: number; until: number }, extra: Record<string, string | number> = {}): string {
  const query = new URLSearchParams({ since: String(Math.floor(range.since)), until: String(Math.ceil(range.until)) })
  for (const key of FILTERS) if (state[key]) query.set(key, state[key])
  for (const [key, value] of Object.entries(extra)) query.set(key, String(value))
  return query.toString()
}

/** GETs a route of the collector's API (same origin; the read token travels in its cookie) as JSON. */
export async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
  if (!response.ok) {
    const reason = await response.json().then((body: { error?: string }) => body.error, () => undefined)
    throw new ApiError(response.status, reason || response.statusText)
  }
  return response.json() as Promise<T>
}
