import { describe, expect, it } from 'vitest'
import { scrubUrl } from '../src/browser/lib/scrubUrl'

describe('scrubUrl', () => {
  it.each([
    ['https://shop.test/reset?token=abc123&step=2', 'https://shop.test/reset?token=redacted&step=2'],
    ['https://shop.test/?email=a%40b.c', 'https://shop.test/?email=redacted'],
    ['https://shop.test/cb?code=xyz&state=s1', 'https://shop.test/cb?code=redacted&state=s1'],
    ['https://shop.test/api?api_key=1&access_token=2&session-id=3', 'https://shop.test/api?api_key=redacted&access_token=redacted&session-id=redacted'],
    ['https://shop.test/#access_token=t&expires_in=3600', 'https://shop.test/#access_token=redacted&expires_in=3600'],
    ['https://shop.test/?Password=hunter2', 'https://shop.test/?Password=redacted'],
    ['https://shop.test/a?x=1#section', 'https://shop.test/a?x=1#section'],
    // Names as the server decodes them.
    ['https://shop.test/?access%5Ftoken=s1&%74oken=s2&%E0=ok', 'https://shop.test/?access%5Ftoken=redacted&%74oken=redacted&%E0=ok'],
  ])('%s → %s', (url, expected) => {
    expect(scrubUrl(url)).toBe(expected)
  })

  it('leaves names that merely contain a secret word, and keeps the encoding of the rest', () => {
    const url = 'https://shop.test/search?keyword=red%20shoes&author=ann&zipcode=12345&q=a+b'
    expect(scrubUrl(url)).toBe(url)
  })

  it('uses the names it is given', () => {
    expect(scrubUrl('https://shop.test/?ssn=1&token=2', ['ssn'])).toBe('https://shop.test/?ssn=redacted&token=2')
  })
})
