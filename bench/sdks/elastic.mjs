import { resolve } from 'node:path'
import { bodyText, ndjson } from '../lib/bodyText.mjs'
import { errorNumber } from '../lib/tally.mjs'

const DIST = resolve(import.meta.dirname, '../node_modules/@elastic/apm-rum/dist/bundles')

/**
 * Elastic's APM RUM agent, its minified UMD bundle (what its docs load from a CDN), at its
 * defaults: page-load and click transactions, errors, long tasks; intake API v2, gzip through
 * CompressionStream, a flush every 500 ms, and at most 80 events a minute (`eventsLimit`).
 * Elastic has no custom-event call: a custom transaction, labelled, is the closest. The agent
 * drops a transaction whose duration rounds to 0 ms (`filterTransaction` in apm-rum-core), which
 * one started and ended in the same microtask usually does.
 */
export const elastic = {
  id: 'elastic',
  name: 'Elastic APM RUM',
  package: '@elastic/apm-rum',
  standIn: "`apm.startTransaction('bench', 'custom')`, `addLabels({ i, plan: 'pro' })`, `end()`",
  files: { '/sdk/elastic-apm-rum.umd.min.js': `${DIST}/elastic-apm-rum.umd.min.js` },
  head: (sink) => `<script src="/sdk/elastic-apm-rum.umd.min.js"></script>
<script>
  const apm = elasticApm.init({ serviceName: 'bench', serverUrl: '${sink}' })
  benchAction = (i) => {
    const transaction = apm.startTransaction('bench', 'custom')
    transaction.addLabels({ i, plan: 'pro' })
    transaction.end()
  }
</script>`,
  /** Intake v2 NDJSON (`{"metadata"}`, `{"transaction"}`, `{"span"}`, `{"error"}`, `{"metricset"}`), or v3's short keys. */
  decode(request) {
    const records = []
    for (const line of ndjson(bodyText(request))) {
      if (!line) throw new Error('a line that is not JSON')
      const [key] = Object.keys(line)
      const value = line[key]
      if (key === 'metadata' || key === 'm') continue
      if (key === 'transaction' || key === 'x') {
        const labels = value.context?.tags ?? value.c?.g
        if ((value.name ?? value.n) === 'bench' && (value.type ?? value.t) === 'custom') records.push({ action: labels?.i })
        else records.push({})
        for (const span of value.spans ?? value.y ?? []) records.push({})
      } else if (key === 'error' || key === 'e') records.push({ error: errorNumber(value.exception?.message ?? value.ex?.mg) })
      else records.push({})
    }
    return records
  },
}
