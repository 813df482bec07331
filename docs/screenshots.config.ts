import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromiumArgs'

// `npm run screenshots`: the dashboard's views from seeded data, into docs/screenshots/.
export default defineConfig({
  testDir: '../e2e',
  testMatch: 'screenshots.shot.ts',
  timeout: 120_000,
  workers: 1,
  reporter: 'list',
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
})
