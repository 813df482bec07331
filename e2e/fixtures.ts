import { test as base } from '@playwright/test'
import { startCollector, type Collector } from './startCollector'

/** Every test gets its own real collector on a fresh DuckDB file. */
export const test = base.extend<{ collector: Collector }>({
  collector: async ({}, use) => {
    const collector = await startCollector()
    await use(collector)
    await collector.close()
  },
})

export { expect } from '@playwright/test'
