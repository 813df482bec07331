import { resolve } from 'node:path'
import { bodyText } from '../lib/bodyText.mjs'

/**
 * web-vitals alone, its IIFE build, used as its README shows: each metric queued, the queue sent
 * with `navigator.sendBeacon` when the page is hidden. It has no custom actions and sees no errors.
 */
export const webVitals = {
  id: 'web-vitals',
  name: 'web-vitals alone',
  package: 'web-vitals',
  standIn: '— (no custom actions)',
  files: { '/sdk/web-vitals.iife.js': resolve(import.meta.dirname, '../node_modules/web-vitals/dist/web-vitals.iife.js') },
  head: (sink) => `<script src="/sdk/web-vitals.iife.js"></script>
<script>
  const queue = new Set()
  const add = (metric) => queue.add(metric)
  webVitals.onCLS(add); webVitals.onINP(add); webVitals.onLCP(add); webVitals.onFCP(add); webVitals.onTTFB(add)
  addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'hidden' || !queue.size) return
    navigator.sendBeacon('${sink}/vitals', JSON.stringify([...queue].map(({ name, value, id }) => ({ name, value, id }))))
    queue.clear()
  })
</script>`,
  decode: (request) => JSON.parse(bodyText(request)).map(() => ({})),
}
