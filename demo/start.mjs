// `npm start`: builds what is missing or out of date, then starts the collector, which serves
// the demo at /demo/. Extra arguments go to the collector (`npm start -- --port 9000`).
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const OUTPUTS = ['dist/rumlet.js', 'dist/rumlet.mjs', 'dist/collector.js']

const newest = (folder) =>
  Math.max(...readdirSync(folder, { recursive: true }).map((file) => statSync(join(folder, String(file))).mtimeMs))

const built = OUTPUTS.every((file) => existsSync(file))
if (!built || Math.min(...OUTPUTS.map((file) => statSync(file).mtimeMs)) < newest('src')) {
  console.log('Building rumlet (type check, snippet bundles, collector, dashboard: about 2 minutes on 2 cores)…')
  const { status } = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' })
  if (status !== 0) process.exit(status ?? 1)
}

const collector = spawn(process.execPath, ['dist/collector.js', '--demo', ...process.argv.slice(2)], { stdio: ['inherit', 'pipe', 'inherit'] })
collector.stdout.on('data', (chunk) => {
  process.stdout.write(chunk)
  const match = /listening on (\S+)/.exec(String(chunk))
  if (match) console.log(`Open ${match[1]}/demo/ and click around; the dashboard is ${match[1]}/ and stored events are at ${match[1]}/api/events`)
})
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => collector.kill(signal))
collector.on('exit', (code) => process.exit(code ?? 0))
