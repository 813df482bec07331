// `npm test`: builds, runs the unit tests (vitest) and then the end-to-end tests (Playwright in
// Chromium), and ends with one line that sums both: `tests: N passed, M failed`.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync } from 'node:fs'

const OUT = '.test-results'
rmSync(OUT, { recursive: true, force: true })
mkdirSync(OUT)

const run = (command, args, env = {}) =>
  spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1

const readJson = (file) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {}
}

let passed = 0
let failed = 0

if (run('npm', ['run', '--silent', 'build']) !== 0) {
  console.log('build failed')
  failed++
} else {
  const unitStatus = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${OUT}/vitest.json`])
  const unit = readJson(`${OUT}/vitest.json`)
  passed += unit?.numPassedTests ?? 0
  failed += unit ? unit.numFailedTests : 1
  if (unit && unitStatus !== 0 && unit.numFailedTests === 0) failed++ // a suite that failed to load

  const e2eStatus = run('node', ['e2e/run.mjs'], { PLAYWRIGHT_JSON_OUTPUT_NAME: `${OUT}/playwright.json` })
  const e2e = readJson(`${OUT}/playwright.json`)
  passed += e2e?.stats.expected ?? 0
  failed += e2e ? e2e.stats.unexpected + e2e.stats.flaky : 1
  if (e2e && e2eStatus !== 0 && e2e.stats.unexpected === 0) failed++ // e.g. a file that failed to load
}

console.log(`tests: ${passed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)
