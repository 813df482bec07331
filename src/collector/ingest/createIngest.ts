import type { IngestReply, RumEvent } from '../../wire'
import type { ResolveFrames } from '../enrich/createSourceMaps'
import { fingerprintError } from '../enrich/fingerprintError'
import { parseStack } from '../enrich/parseStack'
import { createUserAgentParser } from '../enrich/parseUserAgent'
import type { EventRow } from '../store/eventColumns'
import { BadBatch, validateBatch } from './validateBatch'
import { clockOffset } from './clockOffset'
import { pageOf, toRow, type BatchContext } from './toRow'

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

  async function errorInfo(event: RumEvent & { type: 'error' }) {
    let frames = parseStack(event.stack, event.message)
    if (resolveFrames) frames = await resolveFrames(frames, event.release)
    return { frames, fingerprint: fingerprintError(event.errorType, event.message, frames) }
  }

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
    // Only errors wait (for source maps); the rest of the batch is built in one pass.
    const rows = batch.events.some((event) => event.type === 'error')
      ? await Promise.all(batch.events.map(async (event, i) => toRow(event, context, event.type === 'error' ? await errorInfo(event) : undefined, pages[i])))
      : batch.events.map((event, i) => toRow(event, context, undefined, pages[i]))
    return sink.insert(rows)
  }
}

export type Ingest = ReturnType<typeof createIngest>

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
