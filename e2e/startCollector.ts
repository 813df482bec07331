import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { RumEvent } from '../src/wire'

/**
 * Starts the real collector (`dist/collector.js`) on a free port and a new DuckDB file, the way
 * a user starts it. `events()` reads back what it stored over its HTTP API.
 */
export async function startCollector() {
  const folder = mkdtempSync(join(tmpdir(), 'rumlet-e2e-'))
  let child = launch(folder, '0')
  const url = await ready(child)
  const port = new URL(url).port

  const events = async (query: Record<string, string> = {}): Promise<RumEvent[]> => {
    const response = await fetch(`${url}/api/events?${new URLSearchParams(query)}`)
    return ((await response.json()) as { events: RumEvent[] }).events
  }

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise((r) => child.once('exit', r))
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
    await exited
    clearTimeout(timer)
    if (child.signalCode === 'SIGKILL') throw new Error('the collector did not exit within 10 s of SIGTERM')
  }

  return {
    url,
    events,
    /** Ingest counters since the collector (re)started, before dedupe. */
    stats: async () => (await fetch(`${url}/api/stats`)).json() as Promise<{ batches: number; events: number; stored: number; duplicates: number }>,
    /** Makes POST /rum answer 503 with `Retry-After: retryAfter` for `seconds`. */
    maintenance: (seconds: number, retryAfter: number) => fetch(`${url}/api/maintenance?seconds=${seconds}&retryAfter=${retryAfter}`, { method: 'POST' }),
    /** Polls until `done(events)` holds or `timeout` ms pass; returns the last events read. */
    async waitFor(done: (events: RumEvent[]) => boolean, timeout = 10_000): Promise<RumEvent[]> {
      const end = Date.now() + timeout
      let last = await events()
      while (!done(last) && Date.now() < end) {
        await new Promise((r) => setTimeout(r, 200))
        last = await events()
      }
      return last
    },
    /** Stops the process, keeping its database. */
    stop,
    /** Starts it again on the same port and database. */
    async restart() {
      await stop()
      child = launch(folder, port)
      await ready(child)
    },
    async close() {
      await stop()
      rmSync(folder, { recursive: true, force: true })
    },
  }
}

function launch(folder: string, port: string) {
  return spawn(process.execPath, ['dist/collector.js', '--port', port, '--db', join(folder, 'rum.duckdb'), '--demo'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}

function ready(child: ChildProcess): Promise<string> {
  let output = ''
  return new Promise<string>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`collector did not start:\n${output}`)), 15_000)
    const read = (chunk: Buffer) => {
      output += chunk
      const match = /rumlet collector listening on (\S+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        ready(match[1])
      }
    }
    child.stdout!.on('data', read)
    child.stderr!.on('data', read)
    child.once('exit', (code) => fail(new Error(`collector exited with ${code}:\n${output}`)))
  })
}

export type Collector = Awaited<ReturnType<typeof startCollector>>
