import { originalPositionFor } from '@jridgewell/trace-mapping'

/**
 * Self time, in ms, of V8 CPU profiles (CDP `Profiler.Profile`), summed over the profiles: by
 * function (name and file:line) and by source, where a source is the SDK's bundle (one of
 * `sdkPaths`), the page's own code, or V8's pseudo-nodes: `(program)` (native work of the
 * renderer outside JS: IndexedDB, network, layout…), `(garbage collector)`. `(idle)` is left out.
 * `sourceMaps` (path → TraceMap) names a minified function by where it comes from in the source.
 */
export function selfTimes(profiles, sdkPaths, sourceMaps = {}) {
  const functions = new Map()
  const sources = new Map()
  let total = 0
  for (const profile of profiles) {
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]))
    const self = new Map()
    // timeDeltas[i] is the time before sample i: charge it to the node sampled.
    profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000))
    for (const [id, ms] of self) {
      const { functionName, url, lineNumber, columnNumber } = nodes.get(id).callFrame
      if (functionName === '(idle)') continue
      const path = url ? new URL(url).pathname : ''
      const original = sourceMaps[path] && originalPositionFor(sourceMaps[path], { line: lineNumber + 1, column: columnNumber })
      const source = !url ? functionName || '(anonymous native)' : sdkPaths.includes(path) ? `SDK ${path}` : path.startsWith('/page') ? 'page (inline scripts)' : `page ${path}`
      const where = original?.source ? `${original.source.replace(/^(\.\.\/)+/, '')}:${original.line}` : path ? `${path}:${lineNumber + 1}` : ''
      const key = `${original?.name || functionName || '(anonymous)'}\u0000${where}`
      functions.set(key, (functions.get(key) ?? 0) + ms)
      sources.set(source, (sources.get(source) ?? 0) + ms)
      total += ms
    }
  }
  const sorted = (map) => [...map].sort((a, b) => b[1] - a[1])
  return {
    total,
    bySource: sorted(sources),
    byFunction: sorted(functions).map(([key, ms]) => [...key.split('\u0000'), ms]),
  }
}
