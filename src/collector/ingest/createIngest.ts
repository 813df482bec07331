import type { IngestReply, RumEvent } from '../../wire'
import type { ResolveFrames } from '../enrich/createSourceMaps'
import { createErrorInfo } from '../enrich/createErrorInfo'
import { createUserAgentParser } from '../enrich/parseUserAgent'
import type { EventRow } from '../store/eventColumns'
import { BadBatch, validateBatch } from './validateBatch'
import { clockOffset } from './clockOffset'
import { eventTexts } from './eventTexts'
import { pageOf, toRow, type BatchContext, type ErrorInfo } from './toRow'

/** Where accepted rows go: the store (or, later, an OTLP outbox). */
export interface Sink {
  insert(rows: EventRow[]): Promise<IngestReply>
}

/** What ingest needs from outside: where rows go, source maps (optional) and a clock. */
export interface IngestOptions {
  sink: Sink
  resolveFrames?: ResolveFrames
  /** Epoch ms; Date.now unless a test sets it. */
  now?: () => number
}

/** What the request adds: the sender's User-Agent header. */
export interface RequestInfo {
  userAgent?: string
}

/**
 * The ingest pipeline of one batch: parse the JSON, validate it (BadBatch with the reason),
 * measure the clock skew, enrich (User-Agent; an error's stack parsed, resolved with source maps,
 * fingerprinted), then hand the rows to the sink. Resolves once the sink has committed them.
 */
export function createIngest({ sink, resolveFrames, now = Date.now }: IngestOptions) {
  const parseUserAgent = createUserAgentParser()
  const viewPages = createViewPages()

  const errorInfo = createErrorInfo(resolveFrames)

  return async function ingest(text: string, request: RequestInfo = {}): Promise<IngestReply> {
    const receivedAt = now()
    let body: unknown
    try {
      body = JSON.parse(text)
    } catch {
      throw new BadBatch('body is not valid JSON')
    }
    const batch = validateBatch(body, text.length)
    const context: BatchContext = { receivedAt, ...clockOffset(batch.sentAt, receivedAt), sdk: batch.sdk, userAgent: parseUserAgent(request.userAgent), userAgentText: request.userAgent }
    const pages = batch.events.map(viewPages.pageOf)
    // Only errors wait (for source maps, once per distinct error); the rows are built in one pass.
    const errors = new Map<number, ErrorInfo>()
    const waits: Promise<unknown>[] = []
    batch.events.forEach((event, i) => {
      if (event.type === 'error') waits.push(errorInfo(event).then((info) => errors.set(i, info)))
    })
    if (waits.length) await Promise.all(waits)
    const texts = eventTexts(text)
    const wire = texts?.length === batch.events.length ? texts : undefined
    const rows = batch.events.map((event, i) => toRow(event, context, errors.get(i), pages[i], READ_AS_JSON.has(event.type) ? undefined : wire?.[i]))
    return sink.insert(rows)
  }
}

export type Ingest = ReturnType<typeof createIngest>

/**
 * Event types whose stored body DuckDB reads as JSON (an error's `stack`, a dropped report's
 * `counts`): these are stored re-stringified from the parsed event, because with a key repeated in
 * the wire text JSON.parse (and so validation) keeps the last value and DuckDB's JSON reader the
 * first. Every other body is read by JSON.parse alone, and is stored as it came (eventTexts.ts).
 */
const READ_AS_JSON = new Set(['error', 'dropped'])

/** Views remembered: a view's vitals come within minutes of its page view, mostly in the same batch. */
const MAX_VIEWS = 100_000

/**
 * The page of each recent view (from its page_view), so that a vital is stored on the page it
 * measures even when reported from the next URL (a CLS at hide after a route change). Without the
 * page view (a restart, an old view), an event keeps its own page.
 */
function createViewPages() {
  const pages = new Map<string, string>()
  return {
    pageOf(event: RumEvent): string | undefined {
      if (event.type !== 'page_view') return event.type === 'vital' ? pages.get(event.viewId) : undefined
      if (!pages.has(event.viewId)) {
        if (pages.size >= MAX_VIEWS) pages.delete(pages.keys().next().value!)
        pages.set(event.viewId, pageOf(event))
      }
      return undefined
    },
  }
}
