import { resolve } from 'node:path'
import { bodyText } from '../lib/bodyText.mjs'
import { errorNumber } from '../lib/tally.mjs'

/**
 * Grafana Faro's web SDK, its IIFE bundle (`dist/bundle/faro-web-sdk.iife.js`, what its CDN
 * serves), at its defaults (`getWebInstrumentations()`: errors, console, web vitals, session,
 * views, performance, user actions); batches of 50 items or every 250 ms, JSON, uncompressed.
 * Event attributes must be strings, so `i` is passed as one.
 */
export const faro = {
  id: 'faro',
  name: 'Grafana Faro',
  package: '@grafana/faro-web-sdk',
  standIn: "`faro.api.pushEvent('bench', { i: String(i), plan: 'pro' })`",
  files: { '/sdk/faro-web-sdk.iife.js': resolve(import.meta.dirname, '../node_modules/@grafana/faro-web-sdk/dist/bundle/faro-web-sdk.iife.js') },
  head: (sink) => `<script src="/sdk/faro-web-sdk.iife.js"></script>
<script>
  const faro = GrafanaFaroWebSdk.initializeFaro({ url: '${sink}/faro/collect', app: { name: 'bench', version: '1.0.0' } })
  benchAction = (i) => faro.api.pushEvent('bench', { i: String(i), plan: 'pro' })
</script>`,
  /** One JSON object: `{ meta, events, exceptions, logs, measurements, traces }`; every item of the arrays is an event. */
  decode(request) {
    const payload = JSON.parse(bodyText(request))
    const records = []
    for (const event of payload.events ?? []) records.push(event.name === 'bench' ? { action: event.attributes?.i } : {})
    for (const exception of payload.exceptions ?? []) records.push({ error: errorNumber(exception.value) })
    for (const item of [...(payload.logs ?? []), ...(payload.measurements ?? [])]) records.push({})
    for (const resource of payload.traces?.resourceSpans ?? [])
      for (const scope of resource.scopeSpans ?? []) for (const span of scope.spans ?? []) records.push({})
    return records
  },
}
