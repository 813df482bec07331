import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { RumEvent } from '../src/wire'

/**
 * Starts the real collector (`dist/collector.js`) on a free port and a new DuckDB file, the way
 * a user starts it. `events()` reads back what it stored over its HTTP API.
 */
export async function startCollector(extraArgs: string[] = []) {
  const folder = mkdtempSync(join(tmpdir(), 'rumlet-e2e-'))
  const child = spawn(process.execPath, ['dist/collector.js', '--port', '0', '--db', join(folder, 'rum.duckdb'), ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const url = await new Promise<string>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`collector did not start:\n${output}`)), 15_000)
    const read = (chunk: Buffer) => {
      output += chunk
      const match = /rumlet collector listening on (\S+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        ready(match[1])
      }
    }
    child.stdout.on('data', read)
    child.stderr.on('data', read)
    child.once('exit', (code) => fail(new Error(`collector exited with ${code}:\n${output}`)))
  })

  const events = async (query: Record<string, string> = {}): Promise<RumEvent[]> => {
    const response = await fetch(`${url}/api/events?${new URLSearchParams(query)}`)
    return ((await response.json()) as { events: RumEvent[] }).events
  }

  return {
    url,
    events,
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
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r))
        child.kill('SIGTERM')
        await exited
      }
      rmSync(folder, { recursive: true, force: true })
    },
  }
}

export type Collector = Awaited<ReturnType<typeof startCollector>>
