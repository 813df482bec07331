import { complain } from './lib/warn'

/** Options of `init`. Every string, number or boolean option can also be a `data-*` attribute. */
export interface RumOptions {
  /** Where batches are posted, e.g. `https://rum.example.com/rum`. Required. */
  endpoint: string
  /** Name of the application, stored with every event. */
  app?: string
  /** Version of the application (a git sha, a semver), stored with every event. */
  release?: string
  /** Deployment environment, e.g. `production`. */
  env?: string
  /** Share of sessions recorded, 0–1 (default 1). Decided once per session. */
  sampleRate?: number
  /** Longest time an event waits in the page before it is sent, in ms (default 5000). */
  flushInterval?: number
  /** Log rumlet's internal warnings to the console (default false). */
  debug?: boolean
}

export interface Config {
  endpoint: string
  app?: string
  release?: string
  env?: string
  sampleRate: number
  flushInterval: number
  debug: boolean
}

// The type of each option: how a `data-*` string is read, and what `init` accepts.
const TYPES: Record<string, 'string' | 'number' | 'boolean'> = {
  endpoint: 'string',
  app: 'string',
  release: 'string',
  env: 'string',
  sampleRate: 'number',
  flushInterval: 'number',
  debug: 'boolean',
}

const VALID: Record<string, (value: never) => boolean> = {
  endpoint: (value: string) => value.length > 0,
  sampleRate: (value: number) => value >= 0 && value <= 1,
  flushInterval: (value: number) => value >= 100,
}

/**
 * Checks the options of `init`. An unknown or invalid option gets one console warning that
 * names it and is left out; the rest is used. Without an endpoint there is no config.
 */
export function readConfig(options: unknown): Config | undefined {
  const config: Config = { endpoint: '', sampleRate: 1, flushInterval: 5000, debug: false }
  const given = (options && typeof options === 'object' ? options : {}) as Record<string, unknown>
  for (const key of Object.keys(given)) {
    const value = given[key]
    const type = TYPES[key]
    if (!type) complain(`unknown option "${key}" ignored`)
    else if (typeof value === type && (type !== 'number' || isFinite(value as number)) && VALID[key]?.(value as never) !== false)
      (config as unknown as Record<string, unknown>)[key] = value
    // A bad endpoint is named once, below.
    else if (key !== 'endpoint') complain(`invalid option "${key}" ignored:`, value)
  }
  if (config.endpoint) return config
  complain('no valid "endpoint" option: nothing will be sent')
}

/** Options from a script tag's `data-*` attributes (`data-sample-rate="0.5"` → `sampleRate: 0.5`). */
export function readDataset(dataset: DOMStringMap): Record<string, unknown> {
  const options: Record<string, unknown> = {}
  for (const key of Object.keys(dataset)) {
    const text = dataset[key]!
    const type = TYPES[key]
    options[key] = type === 'number' ? +text : type === 'boolean' ? text !== 'false' : text
  }
  return options
}
