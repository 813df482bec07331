import Bowser from 'bowser'
import { memoize } from './memoize'

/** What a User-Agent says about the visitor's software and device. */
export interface UserAgentInfo {
  /** Browser name as bowser names it: `Chrome`, `Firefox`, `Safari`, `Microsoft Edge`… */
  browser: string | null
  /** The browser's major version: `124`. */
  browserVersion: string | null
  /** `Windows`, `macOS`, `iOS`, `Android`, `Linux`… */
  os: string | null
  /** bowser's platform type: `desktop`, `mobile`, `tablet`, `tv` or `bot`. */
  device: string | null
}

const NONE: UserAgentInfo = { browser: null, browserVersion: null, os: null, device: null }

/**
 * A User-Agent parser (bowser) with a cache: a collector sees the same few hundred User-Agent
 * strings over and over, and parsing one costs tens of microseconds. Keeps at most `size`.
 */
export function createUserAgentParser(size = 1000) {
  const parse = memoize((userAgent: string): UserAgentInfo => {
    try {
      const parsed = Bowser.parse(userAgent.slice(0, 1024))
      return {
        browser: parsed.browser.name || null,
        browserVersion: parsed.browser.version?.split('.')[0] || null,
        os: parsed.os.name || null,
        device: parsed.platform.type || null,
      }
    } catch {
      return NONE
    }
  }, size)
  return (userAgent: string | undefined | null): UserAgentInfo => (userAgent ? parse(userAgent) : NONE)
}
