// What the Sentry page loads: the three calls it makes, bundled as a site's bundler would
// (see buildSentry in sentry.mjs). @sentry/browser 8+ ships no browser bundle on npm, only ESM.
export { init, browserTracingIntegration, logger } from '@sentry/browser'
