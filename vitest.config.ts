import { readFileSync } from 'node:fs'
import { defineConfig } from 'vitest/config'

const { version } = JSON.parse(readFileSync('package.json', 'utf8'))

export default defineConfig({
  define: { __VERSION__: JSON.stringify(version), __DEBUG__: 'true' },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
  },
})
