/** The flags of e2e/chromiumArgs.ts: without the networking ones Chromium keeps calling Google's services, which a closed network refuses many times a second. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
