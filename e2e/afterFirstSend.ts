import type { Page } from '@playwright/test'

/**
 * Waits until the send rumlet starts when the page is first idle is over, so that what a test
 * records afterwards leaves only by the path the test exercises.
 */
export const afterFirstSend = (page: Page) =>
  page.evaluate(() => new Promise((idle) => requestIdleCallback(() => setTimeout(idle, 100))).then(() => (window as any).rum.flush()))
