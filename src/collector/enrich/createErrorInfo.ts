import type { RumEvent } from '../../wire'
import type { ErrorInfo } from '../ingest/toRow'
import type { ResolveFrames } from './createSourceMaps'
import { fingerprintError } from './fingerprintError'
import { memoize } from './memoize'
import { parseStack } from './parseStack'

/**
 * An error's enrichment (its stack parsed, resolved with source maps when given, fingerprinted),
 * kept for the last `size` distinct errors: the same few errors come again and again (one bug,
 * many visitors), and parsing and hashing one cost ~4 µs an event of a bench batch, a tenth of
 * them errors (bench/RESULTS.md). The key is everything the result depends on: type, message,
 * stack and release (source maps are per release, and a map is read once, found or not, so a
 * kept result stays what resolving again would give). A failed resolution is not kept.
 */
export function createErrorInfo(resolveFrames?: ResolveFrames, size = 1000) {
  async function enrich(event: RumEvent & { type: 'error' }): Promise<ErrorInfo> {
    let frames = parseStack(event.stack, event.message)
    if (resolveFrames) frames = await resolveFrames(frames, event.release)
    return { frames, fingerprint: fingerprintError(event.errorType, event.message, frames) }
  }

  /** The enrichment of `event`; rejects as source-map resolution does. */
  const errorInfo = memoize(
    (event: RumEvent & { type: 'error' }): Promise<ErrorInfo> => {
      const info = enrich(event)
      info.catch(() => errorInfo.forget(event, info))
      return info
    },
    size,
    (event) => `${event.release ?? ''}\0${event.errorType}\0${event.message}\0${event.stack ?? ''}`,
  )
  return errorInfo as (event: RumEvent & { type: 'error' }) => Promise<ErrorInfo>
}
