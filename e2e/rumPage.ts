/**
 * A customer's page that loads rumlet with a script tag (from its own origin, see startSite) and
 * sends to the collector. `flushInterval`
 * defaults to a minute, so events leave only through the path a test exercises (a full batch,
 * leaving the page, the next load). `record(n, prefix)` records n named actions.
 */
export function rumPage(collectorUrl: string, { flushInterval = 60_000, head = '', body = '' } = {}): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>rumlet e2e</title>${head}
<script src="/rumlet.js" data-endpoint="${collectorUrl}/rum" data-app="e2e" data-flush-interval="${flushInterval}"></script>
<script>
  window.record = (n, prefix) => { for (let i = 0; i < n; i++) rum.trackAction(prefix + '_' + i, { i }) }
</script></head>
<body><h1>rumlet e2e page</h1>${body}</body></html>`
}

/** Names of the stored actions that start with `prefix`. */
export const actionNames = (events: { type: string; name?: string }[], prefix: string) =>
  events.filter((e) => e.type === 'action' && e.name!.startsWith(prefix + '_')).map((e) => e.name!)
