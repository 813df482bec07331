/**
 * A customer's page that loads /rumlet.js (from its own origin, see startSite) with a script tag
 * carrying the given options as `data-*` attributes (`{ 'sample-rate': '0' }` →
 * `data-sample-rate="0"`). The flush interval is a minute unless given, so events leave only
 * through the path a test exercises.
 */
export function tagPage(collectorUrl: string, data: Record<string, string> = {}, body = ''): string {
  const options = { 'flush-interval': '60000', ...data }
  const attributes = Object.entries(options)
    .map(([name, value]) => ` data-${name}="${value}"`)
    .join('')
  return `<!doctype html><html><head><meta charset="utf-8"><title>rumlet e2e</title>
<script src="/rumlet.js" data-endpoint="${collectorUrl}/rum" data-app="e2e"${attributes}></script></head>
<body><h1>rumlet e2e page</h1>${body}</body></html>`
}
