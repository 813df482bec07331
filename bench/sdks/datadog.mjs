import { resolve } from 'node:path'
import { bodyText, ndjson } from '../lib/bodyText.mjs'
import { errorNumber } from '../lib/tally.mjs'

/**
 * Datadog's browser RUM, its CDN bundle (`bundle/datadog-rum.js`, the file Datadog's CDN serves),
 * at its defaults: views, clicks, resources, long tasks, errors, 100 % of sessions, no replay
 * (its chunk is not loaded). `proxy` sends everything to the sink as
 * `<proxy>?ddforward=<intake path>`; batches of at most 50 events or 16 KiB, else every 30 s,
 * uncompressed (`compressIntakeRequests` is off by default and needs a worker).
 */
export const datadog = {
  id: 'datadog',
  name: 'Datadog browser RUM',
  package: '@datadog/browser-rum',
  standIn: "`DD_RUM.addAction('bench', { i, plan: 'pro' })`",
  files: { '/sdk/datadog-rum.js': resolve(import.meta.dirname, '../node_modules/@datadog/browser-rum/bundle/datadog-rum.js') },
  head: (sink) => `<script src="/sdk/datadog-rum.js"></script>
<script>
  DD_RUM.init({
    applicationId: '00000000-0000-4000-8000-000000000000',
    clientToken: 'pub00000000000000000000000000000000',
    site: 'datadoghq.com',
    service: 'bench',
    proxy: '${sink}/datadog',
  })
  benchAction = (i) => DD_RUM.addAction('bench', { i, plan: 'pro' })
</script>`,
  /** NDJSON, one RUM event a line; `type` is view, action, error, resource, long_task, vital, telemetry… */
  decode(request) {
    return ndjson(bodyText(request)).map((event) => {
      if (!event) throw new Error('a line that is not JSON')
      if (event.type === 'action' && event.action?.type === 'custom' && event.action?.target?.name === 'bench') return { action: event.context?.i }
      if (event.type === 'error') return { error: errorNumber(event.error?.message) }
      return {}
    })
  },
}
