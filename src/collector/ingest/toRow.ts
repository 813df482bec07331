import type { RumEvent } from '../../wire'
import type { UserAgentInfo } from '../enrich/parseUserAgent'
import type { Frame } from '../enrich/parseStack'
import { toJson } from '../store/openStore'
import type { EventRow } from '../store/eventColumns'

/** What one batch adds to each of its events' rows. */
export interface BatchContext {
  /** Epoch ms, the collector's clock. */
  receivedAt: number
  /** From clockOffset: the measured skew and what is added to event times (ms). */
  skew: number
  offset: number
  sdk?: string
  userAgent: UserAgentInfo
  /** The User-Agent header as sent, when there was one. */
  userAgentText?: string
}

/** An error's enrichment: its frames after source-map resolution and its group. */
export interface ErrorInfo {
  frames: Frame[]
  fingerprint: string
}

/** The route when the page names one, else the URL's path. */
export const pageOf = (event: RumEvent) => event.route || /^[a-z][a-z\d+.-]*:\/\/[^/?#]*([^?#]*)/i.exec(event.url)?.[1] || '/'
const or = <T>(value: T | undefined): T | null => (value === undefined ? null : value)

/**
 * The row stored for an event (see eventColumns.ts). `viewPage` is the page of the view the event
 * belongs to, when known: a vital measures its view, though a late CLS is reported from the next URL.
 * `wireText` is the event's own JSON text from the batch (eventTexts.ts), stored as its body; without
 * it the body is the event stringified again.
 */
export function toRow(event: RumEvent, batch: BatchContext, error?: ErrorInfo, viewPage?: string, wireText?: string): EventRow {
  const e = event as RumEvent & Record<string, unknown>
  const vital = event.type === 'vital' ? event : undefined
  const action = event.type === 'action' ? event : undefined
  const fault = event.type === 'error' ? event : undefined
  const duration = event.type === 'action' || event.type === 'view_end' || event.type === 'resource' ? event.duration : undefined
  return {
    id: event.id,
    type: event.type,
    time: event.time + batch.offset,
    skew_ms: batch.skew,
    received_at: batch.receivedAt,
    session_id: event.sessionId,
    view_id: event.viewId,
    url: event.url,
    page: viewPage ?? pageOf(event),
    route: or(event.route),
    app: or(event.app),
    release: or(event.release),
    env: or(event.env),
    user_id: or(event.userId),
    name: typeof e.name === 'string' ? e.name : null,
    value: or(vital?.value),
    rating: or(vital?.rating),
    metric_id: or(vital?.metricId),
    duration: or(duration),
    ok: or(action?.ok),
    frustration: action?.frustration?.join(',') || null,
    status: event.type === 'resource' ? event.status : null,
    error_type: or(fault?.errorType),
    message: or(fault?.message),
    error_count: or(fault?.count),
    fingerprint: error?.fingerprint ?? null,
    frames: error ? toJson(error.frames) : null,
    browser: batch.userAgent.browser,
    browser_version: batch.userAgent.browserVersion,
    os: batch.userAgent.os,
    device: batch.userAgent.device,
    sdk: or(batch.sdk),
    attributes: event.attributes ? toJson(event.attributes) : null,
    body: wireText ?? toJson(event),
    user_agent: batch.userAgentText?.slice(0, 1024) || null,
  }
}
