import type { RumModule } from '../types'

/**
 * How a script-tag add-on (dist/rumlet.network.js, …) joins rumlet, loaded before or after
 * dist/rumlet.js: `rum.use(module)` once rumlet is there, or a call queued in `rum.q`, which
 * rumlet replays when it arrives (as it does the inline loader's).
 */
export function addOn(module: RumModule): void {
  const w = window as unknown as { rum?: { use?: (module: RumModule) => void; q?: unknown[] } }
  const rum = (w.rum ||= {})
  if (rum.use) rum.use(module)
  else (rum.q ||= []).push(['use', [module]])
}
