import type { RumEvent } from '../wire'
import { isUrl } from './lib/isUrl'
import { complain } from './lib/warn'
import type { RumModule } from './types'

export type Consent = 'granted' | 'pending' | 'denied'

/** Options of `init`. Every string, number or boolean option can also be a `data-*` attribute. */
export interface RumOptions {
  /** Where batches are posted, e.g. `https://rum.example.com/rum`. Required. */
  endpoint: string
  /** Name of the application, stored with every event (at most 128 characters). */
  app?: string
  /** Version of the application (a git sha, a semver), stored with every event. */
  release?: string
  /** Deployment environment, e.g. `production`. */
  env?: string
  /** Share of sessions recorded, 0–1 (default 1). Decided once per session, from its id. */
  sampleRate?: number
  /** Share of the sessions left out by `sampleRate` whose errors are still sent, 0–1 (default 1). */
  errorSampleRate?: number
  /** A session ends after this many ms without an event (default 30 minutes). */
  sessionTimeout?: number
  /** …or after this many ms in all (default 4 hours). */
  maxSessionDuration?: number
  /** Longest time an event waits in the page before it is sent, in ms (default 5000; an error waits 1 s at most). */
  flushInterval?: number
  /** Record uncaught errors and unhandled promise rejections (default true). */
  trackErrors?: boolean
  /** Record clicks as actions named from the element (default true; see `explainAction`). */
  trackClicks?: boolean
  /** A rage click is this many clicks (default 3)… */
  rageClicks?: number
  /** …within this many px of each other (default 100)… */
  rageDistance?: number
  /**
   * …within this many ms (default 1000), which is also how long a click waits to show whether it
   * is dead or an error click; a burst of clicks is recorded together, a click at most twice this
   * long after it happened.
   */
  frustrationWindow?: number
  /**
   * With the `network` module: origins besides the page's own whose requests get a W3C
   * `traceparent` header (they must allow it in CORS), such as `https://api.example.com`. As
   * `data-propagate-trace-to`: separated by commas.
   */
  propagateTraceTo?: string[]
  /**
   * Opt-in modules, started with rumlet: `network` (`rumlet/network`), `consoleErrors`
   * (`rumlet/console`). Script-tag pages load their files instead (see the README).
   */
  modules?: RumModule[]
  /** Record the Core Web Vitals (default true). */
  trackVitals?: boolean
  /** Record a page view for each page load (default true). */
  trackPageViews?: boolean
  /**
   * Start a view for each single-page-app route change: `history.pushState`/`replaceState` that
   * change the path, back and forward, and fragment routes (default true).
   */
  spa?: boolean
  /**
   * Which URL fragments are routes when `spa` is on. Unset (the default): those in a hash
   * router's shape, `#/…` (Vue Router's and React Router's hash modes) and `#!/…` (AngularJS's
   * default prefix since 1.6), never a plain anchor such as `#pricing`. `true`: every fragment
   * is a route (Backbone, React Router's `hashType: "noslash"`). `false`: none is (docs whose
   * anchors look like `#/…`). As `data-hash-routes`: `true` or `false`.
   */
  hashRoutes?: boolean
  /** Names the route of a URL (`/product/[id]`), stored as `route` on every event. */
  route?: (url: string) => string
  /**
   * `granted` (default) records and sends; `pending` keeps events in memory only, until
   * `setConsent`; `denied` records nothing. See `setConsent`.
   */
  consent?: Consent
  /**
   * Sees every event before it is stored (within 250 ms of it, not in the task that recorded
   * it): return it, a changed copy, or `null` to drop it. The fields `id`, `type`, `time`,
   * `sessionId` and `viewId` cannot be changed.
   */
  beforeSend?: (event: RumEvent) => RumEvent | null
  /**
   * How URLs are scrubbed before an event is stored: a function, or more query parameter names
   * whose values are redacted (added to `token`, `key`, `secret`, `password`, `auth`, `session`,
   * `code` and `email`). As a `data-scrub-url` attribute: names separated by commas.
   */
  scrubUrl?: ((url: string) => string) | string[]
  /** Log rumlet's internal warnings to the console (default false). */
  debug?: boolean
}

type Optional = 'app' | 'release' | 'env' | 'beforeSend' | 'scrubUrl' | 'route' | 'propagateTraceTo' | 'modules' | 'hashRoutes'
export type Config = Required<Omit<RumOptions, Optional>> & Pick<RumOptions, Optional>

// Each option's kind and default. The kinds: text (up to 128 characters; `e`, the endpoint, up to
// 2048 and a URL), `s` a share (0–1), `m` milliseconds (100 up to about 4 months), `n` a count or
// distance (1 and up), `b` a flag, `c` a consent, `f` a function, `l` a function or a list of
// names (`scrubUrl`), `a` a list of origins, `u` a list of modules. A `data-*` string is read as
// the same kind.
const OPTIONS: Record<string, [kind: string, fallback?: unknown]> = {
  endpoint: ['e'], app: ['t'], release: ['t'], env: ['t'], sampleRate: ['s', 1], errorSampleRate: ['s', 1],
  sessionTimeout: ['m', 30 * 60e3], maxSessionDuration: ['m', 4 * 3600e3], flushInterval: ['m', 5000],
  trackErrors: ['b', true], trackClicks: ['b', true], rageClicks: ['n', 3], rageDistance: ['n', 100], frustrationWindow: ['m', 1000],
  propagateTraceTo: ['a'], modules: ['u'], trackVitals: ['b', true], trackPageViews: ['b', true], spa: ['b', true], hashRoutes: ['b'], route: ['f'],
  consent: ['c', 'granted'], beforeSend: ['f'], scrubUrl: ['l'], debug: ['b', false],
}
const kindOf = (key: string) => OPTIONS[key] && OPTIONS[key][0]

const valid = (kind: string, value: unknown): boolean =>
  typeof value === 'string'
    ? kind === 'c' ? /^(granted|pending|denied)$/.test(value) : kind === 't' ? !!value && value.length <= 128 : kind === 'e' && !!value && value.length <= 2048 && isUrl(value)
    : typeof value === 'number'
      ? kind === 's' ? value >= 0 && value <= 1 : kind === 'n' ? value >= 1 && value < 1e6 : kind === 'm' && value >= 100 && value < 1e10
      : typeof value === 'boolean'
        ? kind === 'b'
        : typeof value === 'function'
          ? kind === 'f' || kind === 'l'
          : // Lists: names, origins (which need their scheme), or modules.
            /[lau]/.test(kind) &&
            Array.isArray(value) &&
            value.every((item) => (kind === 'u' ? typeof item === 'function' : typeof item === 'string' && (kind === 'l' || /^https?:\/\/./.test(item))))

/**
 * Checks the options of `init`. An unknown or invalid option gets one console warning that
 * names it and is left out; the rest is used. Without an endpoint there is no config; the
 * endpoint given comes back absolute, a relative one read against the page's address.
 */
export function readConfig(options: unknown): Config | undefined {
  const config: Record<string, unknown> = {}
  for (const key in OPTIONS) if (OPTIONS[key].length > 1) config[key] = OPTIONS[key][1]
  const given = (options && typeof options === 'object' ? options : {}) as Record<string, unknown>
  for (const key of Object.keys(given)) {
    const value = given[key]
    const kind = kindOf(key)
    if (!kind) complain(`unknown option "${key}" ignored`)
    else if (valid(kind, value)) config[key] = value
    // A bad endpoint is named once, below.
    else if (key !== 'endpoint') complain(`invalid option "${key}" ignored:`, value)
  }
  // Absolute from here on: `fetch` and `sendBeacon` would read a relative one against the
  // document's base URL, which a `<base href>` may point at another origin (a CDN).
  if (config.endpoint) return (config.endpoint = new URL(config.endpoint as string, location.href).href), config as Config
  complain('no valid "endpoint" option: nothing will be sent')
}

/** Options from a script tag's `data-*` attributes (`data-sample-rate="0.5"` → `sampleRate: 0.5`). */
export function readDataset(dataset: DOMStringMap): Record<string, unknown> {
  const options: Record<string, unknown> = {}
  // `data-src` is the inline loader's: where the bundle came from.
  for (const key of Object.keys(dataset).filter((key) => key !== 'src')) {
    const value = dataset[key]!
    const kind = kindOf(key)
    // An empty number is no number (not 0); `data-debug` alone is true, and false, 0, no or off are false.
    options[key] =
      kind === 's' || kind === 'm' || kind === 'n' ? (value.trim() ? +value : NaN)
      : kind === 'b' ? !/^\s*(false|0|no|off)\s*$/i.test(value)
      : kind === 'l' || kind === 'a' ? value.split(',').map((name) => name.trim()).filter(Boolean)
      : value
  }
  return options
}
