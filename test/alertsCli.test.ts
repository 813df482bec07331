import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'

// `--alerts FILE` on the built command: a file it cannot run is refused before anything starts.

const CLI = resolve('dist/collector.js')
const folders: string[] = []
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
})

/** Runs the collector until it exits (these runs all exit at once), with its output. */
function run(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const folder = mkdtempSync(join(tmpdir(), 'rumlet-alerts-cli-'))
  folders.push(folder)
  const child = spawn(process.execPath, [CLI, '--port', '0', '--db', ':memory:', ...args], { cwd: folder, stdio: ['ignore', 'pipe', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (chunk) => (stderr += chunk))
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000)
  return new Promise((done) => child.once('exit', (code) => (clearTimeout(timer), done({ code, stderr }))))
}

function file(text: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'rumlet-alerts-file-'))
  folders.push(folder)
  writeFileSync(join(folder, 'alerts.yaml'), text)
  return join(folder, 'alerts.yaml')
}

describe('rumlet-collector --alerts', () => {
  it('exits 2 naming the file, the field and the reason of a bad rule', async () => {
    const path = file('alerts:\n  - { name: LCP, kind: vital, vital: LCP, above: 2.5s }\n')
    const { code, stderr } = await run(['--alerts', path])
    expect(code).toBe(2)
    expect(stderr).toBe(`rumlet-collector: ${path}: alerts[0].above must be a number (ms, or unitless for CLS)\n`)
  })

  it('exits 2 for a YAML syntax error and for a file it cannot read', async () => {
    const broken = await run(['--alerts', file('slos: [ { name: x\n')])
    expect(broken.code).toBe(2)
    expect(broken.stderr).toMatch(/alerts\.yaml: .*line \d+, column \d+/)
    const missing = await run(['--alerts', '/nonexistent/alerts.yaml'])
    expect(missing).toEqual({ code: 2, stderr: 'rumlet-collector: --alerts /nonexistent/alerts.yaml cannot be read: ENOENT\n' })
  })

  it('exits 2 for --alerts with --db none, which stores nothing to measure', async () => {
    const path = file('alerts:\n  - { name: LCP, kind: vital, vital: LCP, above: 2500 }\n')
    const { code, stderr } = await run(['--db', 'none', '--otlp-endpoint', 'http://127.0.0.1:9', '--alerts', path])
    expect(code).toBe(2)
    expect(stderr).toContain('rumlet-collector: --alerts needs a database: with --db none nothing is stored for the rules to measure\n')
  })
})
