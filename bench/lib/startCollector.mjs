import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

/** rumlet's real collector (`dist/collector.js`) on a free port and a new DuckDB file, removed at stop. */
export async function startCollector() {
  const folder = mkdtempSync(join(tmpdir(), 'rumlet-bench-'))
  const child = spawn(process.execPath, [resolve(import.meta.dirname, '../../dist/collector.js'), '--port', '0', '--db', join(folder, 'bench.duckdb')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const url = await new Promise((ready, fail) => {
    const timer = setTimeout(() => fail(new Error('the collector did not start within 20 s')), 20_000)
    child.stdout.on('data', (chunk) => {
      const match = /listening on (\S+)/.exec(String(chunk))
      if (match) clearTimeout(timer), ready(match[1])
    })
    child.once('exit', (code) => fail(new Error(`the collector exited with ${code}`)))
  })
  return {
    url,
    /** Events the collector stored, read back over its API. */
    events: async (query) => (await (await fetch(`${url}/api/events?${new URLSearchParams(query)}`)).json()).events,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((done) => child.once('exit', done))
        child.kill('SIGTERM')
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
        await exited
        clearTimeout(timer)
      }
      rmSync(folder, { recursive: true, force: true })
    },
  }
}
