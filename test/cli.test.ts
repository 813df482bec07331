import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { openStore } from '../src/collector/store/openStore'

// The built command, run the way a user runs it: `node dist/collector.js ...`.

const CLI = resolve('dist/collector.js')
const LISTENING = /^rumlet collector listening on (http:\/\/127\.0\.0\.1:(\d+))$/

interface Run {
  child: ChildProcess
  stdout: () => string
  stderr: () => string
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  exited: Promise<number | string>
}

const running: ChildProcess[] = []
const folders: string[] = []

afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
})

function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'rumlet-cli-'))
  folders.push(folder)
  return folder
}

/** Starts the collector with `args`, in a temp working folder so a default path lands there. */
function run(args: string[]): Run {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: tempFolder(), stdio: ['ignore', 'pipe', 'pipe'] })
  running.push(child)
  let stdout = ''
  let stderr = ''
  child.stdout!.on('data', (chunk) => (stdout += chunk))
  child.stderr!.on('data', (chunk) => (stderr += chunk))
  const exited = new Promise<number | string>((done) => child.once('close', (code, signal) => done(code ?? signal ?? -1)))
  return { child, stdout: () => stdout, stderr: () => stderr, exited }
}

/** Waits up to `ms` for the process to end; fails with its output if it does not. */
async function exitOf(started: Run, ms = 10_000): Promise<number | string> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`still running after ${ms} ms\nstdout: ${started.stdout()}\nstderr: ${started.stderr()}`)), ms)
  })
  try {
    return await Promise.race([started.exited, timeout])
  } finally {
    clearTimeout(timer)
  }
}

/** Waits for the "listening" line and returns the address it names. */
async function listeningUrl(started: Run, ms = 15_000): Promise<string> {
  const end = Date.now() + ms
  while (Date.now() < end) {
    const match = LISTENING.exec(started.stdout().split('\n')[0])
    if (match && started.stdout().includes('\n')) return match[1]
    if (started.child.exitCode !== null) break
    await new Promise((r) => setTimeout(r, 20))
  }
  throw new Error(`the collector did not say where it listens\nstdout: ${started.stdout()}\nstderr: ${started.stderr()}`)
}

const batch = {
  schema: 1, sdk: '0.1.0', sentAt: 1_700_000_001_000,
  events: [{ id: 'cli-1', type: 'page_view', time: 1_700_000_000_000, sessionId: 's1', viewId: 'v1', url: 'https://shop.example/', referrer: '', navigationType: 'navigate' }],
}

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build before these tests`)
})

describe('rumlet-collector command', () => {
  it('--help prints the usage on stdout and exits 0', async () => {
    const started = run(['--help'])
    expect(await exitOf(started)).toBe(0)
    expect(started.stdout()).toMatch(/^Usage: rumlet-collector/)
    // Every flag, each with its default.
    for (const flag of ['--port', '--host', '--db', '--retention-days', '--sourcemaps', '--read-token', '--allow-origin', '--allow-host', '--rate-limit', '--demo', '--help'])
      expect(started.stdout()).toMatch(new RegExp(`^  ${flag}\\b`, 'm'))
    expect(started.stdout().match(/\(default/g)?.length).toBeGreaterThanOrEqual(8)
    expect(started.stderr()).toBe('')
  })

  it.each([
    [['--bogus'], '--bogus'],
    [['--port', 'abc'], '--port'],
    [['--db='], '--db'],
  ])('refuses %j: exit code 2, the reason and usage on stderr, no stack trace', async (args, named) => {
    const started = run(args)
    expect(await exitOf(started)).toBe(2)
    expect(started.stderr()).toMatch(/^rumlet-collector: /)
    expect(started.stderr()).toContain(named)
    expect(started.stderr()).toContain('Usage: rumlet-collector')
    expect(started.stderr()).not.toMatch(/^\s+at /m)
    expect(started.stdout()).toBe('')
  })

  it('refuses a --sourcemaps folder it cannot read, and a --db path it cannot open, with exit code 2 and the path', async () => {
    const missing = join(tempFolder(), 'no-such-folder')
    const maps = run(['--port', '0', '--db', ':memory:', '--sourcemaps', missing])
    expect(await exitOf(maps)).toBe(2)
    expect(maps.stderr()).toContain(missing)
    const folder = tempFolder() // a folder where the database file should be
    const db = run(['--port', '0', '--db', folder])
    expect(await exitOf(db)).toBe(2)
    expect(db.stderr()).toMatch(/^rumlet-collector: cannot open the database /)
    expect(db.stderr()).not.toMatch(/^\s+at /m)
  })

  it('with --port 0 --db :memory: prints one line naming its address, answers HTTP there, and exits 0 on SIGTERM', async () => {
    const started = run(['--port', '0', '--db', ':memory:'])
    const url = await listeningUrl(started)
    expect(Number(LISTENING.exec(`rumlet collector listening on ${url}`)![2])).toBeGreaterThan(0)

    const posted = await fetch(`${url}/rum`, { method: 'POST', headers: { 'Content-Type': 'text/plain;charset=UTF-8' }, body: JSON.stringify(batch) })
    expect(await posted.json()).toEqual({ stored: 1, duplicates: 0 })
    const listed = await fetch(`${url}/api/events`)
    expect(await listed.json()).toEqual({ events: batch.events })
    const snippet = await fetch(`${url}/rumlet.js`)
    expect(snippet.status).toBe(200) // served from the package's own dist/

    started.child.kill('SIGTERM')
    expect(await exitOf(started)).toBe(0)
    expect(started.stdout()).toBe(`rumlet collector listening on ${url}\n`)
    expect(started.stderr()).toBe('')
  })

  it('creates a --db file in a folder that does not exist yet, and keeps what it stored after SIGTERM', async () => {
    const db = join(tempFolder(), 'not', 'there', 'yet', 'rum.duckdb')
    const started = run(['--port', '0', '--db', db])
    const url = await listeningUrl(started)
    expect(existsSync(db)).toBe(true)
    await fetch(`${url}/rum`, { method: 'POST', body: JSON.stringify(batch) })

    started.child.kill('SIGTERM')
    expect(await exitOf(started)).toBe(0)
    const store = await openStore(db)
    try {
      expect(await store.events({ limit: 10 })).toEqual(batch.events)
    } finally {
      await store.close()
    }
  })

  it('exits 1 with a reason when it cannot listen, instead of crashing', async () => {
    const first = run(['--port', '0', '--db', ':memory:'])
    const port = new URL(await listeningUrl(first)).port
    const second = run(['--port', port, '--db', ':memory:'])
    expect(await exitOf(second)).toBe(1)
    expect(second.stderr()).toMatch(/^rumlet-collector: cannot listen on 127\.0\.0\.1:\d+/)
    expect(second.stderr()).not.toMatch(/^\s+at /m)
    first.child.kill('SIGTERM')
    expect(await exitOf(first)).toBe(0)
  })
})
