import { resolve } from 'node:path'
import { bodyText } from '../lib/bodyText.mjs'
import { errorNumber } from '../lib/tally.mjs'

/**
 * rumlet's script-tag build (dist/rumlet.js, built by `npm run build`), configured from data-*
 * attributes. It sends to the real collector: the sink passes /rum through, so rumlet gets the
 * collector's own answers.
 */
export const rumlet = {
  id: 'rumlet',
  name: 'rumlet',
  package: 'rumlet',
  standIn: "`rum.trackAction('bench', { i, plan: 'pro' })`",
  files: { '/sdk/rumlet.js': resolve(import.meta.dirname, '../../dist/rumlet.js') },
  head: (sink) => `<script src="/sdk/rumlet.js" data-endpoint="${sink}/rum" data-app="bench"></script>
<script>benchAction = (i) => rum.trackAction('bench', { i, plan: 'pro' })</script>`,
  /** `{ events: [...] }`, gzip or not (README, *Wire format*). */
  decode: (request) =>
    JSON.parse(bodyText(request)).events.map((event) => {
      if (event.type === 'action' && event.source === 'api' && event.name === 'bench') return { action: event.attributes.i }
      if (event.type === 'error') return { error: errorNumber(event.message) }
      return {}
    }),
  /** What the collector stored of the run (events recorded since `since`, epoch ms), read back over its API. */
  async stored(collector, since) {
    const actions = await collector.events({ type: 'action', since, limit: 100_000 })
    const errors = await collector.events({ type: 'error', since, limit: 1000 })
    return {
      actions: new Set(actions.filter((e) => e.source === 'api' && e.name === 'bench').map((e) => e.attributes.i)).size,
      errors: new Set(errors.map((e) => errorNumber(e.message)).filter(Boolean)).size,
    }
  },
}
