// Runs the Playwright suite in whatever Chromium findChromium finds; without one, one line
// says what to install.
import { spawnSync } from 'node:child_process'
import { findChromium } from './findChromium.mjs'

const path = await findChromium()
if (!path) {
  console.error('e2e: no Chromium found: install one (Debian: apt-get install chromium) or set CHROMIUM_PATH')
  process.exit(1)
}
const result = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, CHROMIUM_PATH: path },
})
process.exit(result.status ?? 1)
