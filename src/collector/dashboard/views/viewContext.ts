import type { Mount } from '../components/mount'
import type { ViewState } from '../lib/viewState'

/** What a view is given to draw itself: the URL's state, the time range, and ways to read and link. */
export interface ViewContext {
  state: ViewState
  /** epoch ms, and the chart bucket in ms */
  range: { since: number; until: number; bucket: number }
  /** GETs `path?<common filter>&<extra>` from the API. */
  get<T>(path: string, extra?: Record<string, string | number>): Promise<T>
  /** A link to the current state with `changes`. */
  link(changes: Record<string, string | undefined>): string
  /** Goes to the current state with `changes` (history entry, then a render). */
  go(changes: Record<string, string | undefined>): void
  mount: Mount
}

/** A view: its nodes for `main`, from the API. */
export type ViewRender = (context: ViewContext) => Promise<Node[]>
