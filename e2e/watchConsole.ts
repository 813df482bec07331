import type { Page } from '@playwright/test'

/**
 * Collects what would tell a developer the page is broken: console errors (Chromium logs a CSP
 * refusal there too), uncaught exceptions, and every `securitypolicyviolation` event the page
 * fires (listened to from before its first script).
 */
export async function watchConsole(page: Page): Promise<() => Promise<string[]>> {
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console.${message.type()}: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`))
  await page.addInitScript(() => {
    const seen: string[] = ((window as unknown as { __violations: string[] }).__violations = [])
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`CSP ${e.violatedDirective}: ${e.blockedURI}`))
  })
  return async () => [...problems, ...(await page.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? []).catch(() => []))]
}
