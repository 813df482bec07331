import { describe, expect, it } from 'vitest'
import { createUserAgentParser } from '../src/collector/enrich/parseUserAgent'

const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1'
const WINDOWS_CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36'

describe('createUserAgentParser', () => {
  it('gives browser, major version, OS and device type', () => {
    const parse = createUserAgentParser()
    expect(parse(IPHONE)).toEqual({ browser: 'Safari', browserVersion: '17', os: 'iOS', device: 'mobile' })
    expect(parse(WINDOWS_CHROME)).toEqual({ browser: 'Chrome', browserVersion: '124', os: 'Windows', device: 'desktop' })
  })

  it('gives nulls without a User-Agent or for one it cannot read', () => {
    const parse = createUserAgentParser()
    expect(parse(undefined)).toEqual({ browser: null, browserVersion: null, os: null, device: null })
    expect(parse('curl/8.5.0').device).toBeNull()
  })
})
