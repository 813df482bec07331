import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * Starts the real collector (`dist/collector.js`) on a free port and a new DuckDB file with
 * extra flags, and, given `alerts` (YAML text), an alert file made of it (`--alerts`). `close()`
 * sends SIGTERM, waits for the exit and removes the folder.
 */
export async function launchCollector(options: { args?: string[]; alerts?: string } = {}) {
  const folder = mkdtempSync(join(tmpdir(), 'rumlet-dash-'))
  const args = ['dist/collector.js', '--port', '0', '--db', join(folder, 'rum.duckdb'), ...(options.args ?? [])]
  if (options.alerts !== undefined) {
    writeFileSync(join(folder, 'alerts.yaml'), options.alerts)
    args.push('--alerts', join(folder, 'alerts.yaml'))
  }
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const url = await new Promise<string>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`collector did not start:\n${output}`)), 15_000)
    const read = (chunk: Buffer) => {
      output += chunk
      const match = /rumlet collector listening on (\S+)/.exec(output)
      if (match) clearTimeout(timer), ready(match[1])
    }
    child.stdout.on('data', read)
    child.stderr.on('data', read)
    child.once('exit', (code) => fail(new Error(`collector exited with ${code}:\n${output}`)))
  })
  return {
    url,
    /** What the collector printed so far (stdout and stderr). */
    output: () => output,
    async close() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r))
        child.kill('SIGTERM')
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
        await exited
        clearTimeout(timer)
      }
      rmSync(folder, { recursive: true, force: true })
    },
  }
}
