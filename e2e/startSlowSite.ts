import { startSite } from './startSite'

/**
 * A site on an origin of its own (see startSite) whose /rumlet.js comes late, as from a slow
 * CDN: the server answers it only once the test calls `releaseBundle()`. Until then the page runs
 * with whatever stub it has; `bundleRequested` resolves when the browser has asked for the bundle.
 */
export async function startSlowSite(pages: Record<string, string>) {
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  let requested!: () => void
  const bundleRequested = new Promise<void>((resolve) => (requested = resolve))
  const site = await startSite(pages, () => (requested(), released))
  return {
    url: site.url,
    bundleRequested,
    /** Answers the held request for /rumlet.js (and any later one at once). */
    releaseBundle: () => release(),
    close: () => (release(), site.close()),
  }
}
