import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'

// The built collector on a DuckDB file, posted to by concurrent senders, then killed: whatever it
// acknowledged (200) must be there after a restart. An acknowledgement comes after the commit.

const CLI = resolve('dist/collector.js')
let folder: string
const children: ChildProcess[] = []
beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build before these tests`)
})
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  rmSync(folder, { recursive: true, force: true })
})

/** Starts the collector on `db`; resolves with the process and its URL. */
async function start(db: string) {
  const child = spawn(process.execPath, [CLI, '--port', '0', '--db', db, '--rate-limit', '0'], { stdio: ['ignore', 'pipe', 'pipe'] })
  children.push(child)
  let output = ''
  const url = await new Promise<string>((ready, fail) => {
    const read = (chunk: Buffer) => {
      output += chunk
      const match = /listening on (\S+)/.exec(output)
      if (match) ready(match[1])
    }
    child.stdout!.on('data', read)
    child.stderr!.on('data', read)
    child.once('exit', () => fail(new Error(`the collector exited:\n${output}`)))
  })
  const exited = new Promise<number | string>((done) => child.once('exit', (code, signal) => done(code ?? signal ?? -1)))
  return { child, url, exited }
}

/** Four senders posting 50-event batches until `stop()`; the ids of every batch answered 200. */
function send(url: string) {
  const acknowledged: string[] = []
  let running = true
  let n = 0
  const sender = async (k: number) => {
    while (running) {
      const events = Array.from({ length: 50 }, () => ({ id: `k${k}-${n++}`, type: 'view_end', time: Date.now(), sessionId: `s${k}`, viewId: 'v', url: 'https://shop.example/', duration: 10, visible: 5 }))
      try {
        const response = await fetch(`${url}/rum`, { method: 'POST', body: JSON.stringify({ events }) })
        if (response.status === 200) acknowledged.push(...events.map((event) => event.id))
      } catch {
        return // the collector went away
      }
    }
  }
  const senders = Promise.all([0, 1, 2, 3].map(sender))
  return { acknowledged, stop: () => ((running = false), senders) }
}

async function storedIds(url: string): Promise<Set<string>> {
  const response = await fetch(`${url}/api/events?type=view_end&limit=100000`)
  return new Set(((await response.json()) as { events: { id: string }[] }).events.map((event) => event.id))
}

const until = (condition: () => boolean) => new Promise<void>((done) => { const poll = () => (condition() ? done() : setTimeout(poll, 20)); poll() })

describe('durability', () => {
  it('kill -9 during ingest, then a restart, keeps every acknowledged event', async () => {
    folder = mkdtempSync(join(tmpdir(), 'rumlet-kill-'))
    const db = join(folder, 'rum.duckdb')
    const first = await start(db)
    const senders = send(first.url)
    await until(() => senders.acknowledged.length >= 2000)
    first.child.kill('SIGKILL')
    await senders.stop()
    await first.exited
    const acknowledged = [...senders.acknowledged]

    const second = await start(db)
    const stored = await storedIds(second.url)
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([])
  }, 60_000)

  it('SIGTERM during ingest answers the batches under way, then exits 0 with all of them stored', async () => {
    folder = mkdtempSync(join(tmpdir(), 'rumlet-term-'))
    const db = join(folder, 'rum.duckdb')
    const first = await start(db)
    const senders = send(first.url)
    await until(() => senders.acknowledged.length >= 1000)
    first.child.kill('SIGTERM')
    expect(await first.exited).toBe(0)
    await senders.stop()

    const second = await start(db)
    const stored = await storedIds(second.url)
    expect(senders.acknowledged.filter((id) => !stored.has(id))).toEqual([])
  }, 60_000)
})
