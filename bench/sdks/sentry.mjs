import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { rollup } from 'rollup'
import nodeResolve from '@rollup/plugin-node-resolve'
import replace from '@rollup/plugin-replace'
import terser from '@rollup/plugin-terser'
import { bodyText } from '../lib/bodyText.mjs'
import { errorNumber } from '../lib/tally.mjs'

const BUNDLE = resolve(import.meta.dirname, '../.build/sentry.min.js')

/**
 * Sentry's browser SDK with tracing, as a site that wants page speed from it sets it up:
 * the default integrations (errors, breadcrumbs, dedupe…), `browserTracingIntegration()`
 * (page-load and navigation spans, web vitals) at `tracesSampleRate: 1`, and logs on, since
 * Sentry's logs are its one custom-event call that is batched and delivered on its own (a
 * breadcrumb only travels inside a later error event, at most 100 of them; `captureMessage`
 * sends one request per call, and the transport holds at most 64 in flight). No replay.
 * The DSN's host is the sink: `http://public@127.0.0.1:PORT/r/RUN/1` posts envelopes to
 * `/r/RUN/api/1/envelope/`.
 */
export const sentry = {
  id: 'sentry',
  name: 'Sentry',
  package: '@sentry/browser',
  standIn: "`Sentry.logger.info('bench', { i, plan: 'pro' })` (logs on: `enableLogs: true`)",
  files: { '/sdk/sentry.min.js': BUNDLE },
  head: (sink) => {
    const dsn = new URL(`${sink}/1`)
    dsn.username = 'public'
    return `<script src="/sdk/sentry.min.js"></script>
<script>
  Sentry.init({ dsn: '${dsn}', integrations: [Sentry.browserTracingIntegration()], tracesSampleRate: 1, enableLogs: true })
  benchAction = (i) => Sentry.logger.info('bench', { i, plan: 'pro' })
</script>`
  },
  /** Builds the bundle: @sentry/browser's production ESM, minified, debug code left out (`__SENTRY_DEBUG__`, as Sentry's docs advise for bundlers). */
  async build() {
    const bundle = await rollup({
      input: resolve(import.meta.dirname, 'sentryEntry.mjs'),
      onwarn: () => {},
      plugins: [
        replace({ preventAssignment: true, values: { __SENTRY_DEBUG__: 'false' } }),
        nodeResolve({ browser: true, exportConditions: ['production'] }),
      ],
    })
    mkdirSync(resolve(BUNDLE, '..'), { recursive: true })
    await bundle.write({ file: BUNDLE, format: 'iife', name: 'Sentry', plugins: [terser({ ecma: 2020, compress: { passes: 2 } })] })
    await bundle.close()
  },
  /**
   * An envelope: a header line, then per item a header line and a payload (of `length` bytes
   * when the header gives it, else up to the next newline). Items: `event` (an error),
   * `transaction` (with its spans), `log` (`{ items: [...] }`), `session`, `client_report`…
   */
  decode(request) {
    const body = Buffer.from(bodyText(request), 'utf8')
    const records = []
    let at = body.indexOf(10) + 1 // past the envelope header
    while (at > 0 && at < body.length) {
      const headerEnd = body.indexOf(10, at)
      const header = JSON.parse(body.subarray(at, headerEnd < 0 ? body.length : headerEnd).toString('utf8'))
      const start = headerEnd + 1
      const end = header.length !== undefined ? start + header.length : (body.indexOf(10, start) + 1 || body.length + 1) - 1
      const payload = body.subarray(start, end).toString('utf8')
      at = end + 1
      if (header.type === 'log') {
        for (const log of JSON.parse(payload).items) records.push(log.body === 'bench' ? { action: log.attributes?.i?.value } : {})
      } else if (header.type === 'event') {
        const event = JSON.parse(payload)
        records.push({ error: errorNumber(event.exception?.values?.[0]?.value) })
      } else if (header.type === 'transaction') {
        records.push({}, ...(JSON.parse(payload).spans ?? []).map(() => ({})))
      } else if (header.type !== 'client_report') records.push({})
    }
    return records
  },
}
