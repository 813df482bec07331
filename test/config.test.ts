// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { readConfig, readDataset } from '../src/browser/config'

const warnings = () => vi.mocked(console.warn).mock.calls.map((call) => call.join(' '))

describe('readConfig', () => {
  afterEach(() => vi.restoreAllMocks())

  it('uses the given options and fills the defaults', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    expect(readConfig({ endpoint: '/rum', app: 'shop', release: '1.2.3', env: 'prod' })).toEqual({
      endpoint: `${location.origin}/rum`, app: 'shop', release: '1.2.3', env: 'prod', sampleRate: 1, errorSampleRate: 1,
      sessionTimeout: 30 * 60_000, maxSessionDuration: 4 * 3_600_000, flushInterval: 5000,
      trackErrors: true, trackClicks: true, rageClicks: 3, rageDistance: 100, frustrationWindow: 1000, trackVitals: true, trackPageViews: true, spa: true, consent: 'granted', debug: false,
    })
    expect(warnings()).toEqual([])
  })

  it('warns once per unknown or invalid option, naming it, and keeps the rest', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const config = readConfig({ endpoint: '/rum', endpont: 'typo', sampleRate: 2, flushInterval: 'soon', app: 'shop' })
    expect(config).toMatchObject({ endpoint: `${location.origin}/rum`, app: 'shop', sampleRate: 1, flushInterval: 5000 })
    expect(warnings()).toHaveLength(3)
    expect(warnings()[0]).toContain('"endpont"')
    expect(warnings()[1]).toContain('"sampleRate"')
    expect(warnings()[2]).toContain('"flushInterval"')
  })

  it('reads a relative endpoint against the page\'s address, not the document\'s base URL (a <base href> at a CDN)', () => {
    const base = document.createElement('base')
    base.href = 'https://cdn.example.com/assets/'
    document.head.append(base)
    try {
      expect(document.baseURI).toBe('https://cdn.example.com/assets/')
      expect(readConfig({ endpoint: '/rum' })!.endpoint).toBe(new URL('/rum', location.href).href)
      expect(readConfig({ endpoint: 'rum' })!.endpoint).toBe(new URL('rum', location.href).href)
      expect(readConfig({ endpoint: 'https://rum.example.com/rum' })!.endpoint).toBe('https://rum.example.com/rum')
    } finally {
      base.remove()
    }
  })

  it('without an endpoint gives no config and one warning that says why', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    // A port out of range does not parse as a URL: nothing could ever be sent there.
    for (const options of [undefined, null, 'x', {}, { endpoint: '' }, { endpoint: 'https://rum.example.com:99999/rum' }]) {
      vi.mocked(console.warn).mockClear()
      expect(readConfig(options)).toBeUndefined()
      expect(warnings().filter((line) => line.includes('endpoint'))).toHaveLength(1)
    }
  })
})

describe('readConfig, option by option', () => {
  afterEach(() => vi.restoreAllMocks())
  const beforeSend = (event: unknown) => event
  const scrub = (url: string) => url

  it.each([
    ['sampleRate', 0, [-0.1, 1.5, '0.5', NaN]],
    ['errorSampleRate', 0.5, [2, null]],
    ['sessionTimeout', 60_000, [0, -1, Infinity, '60000']],
    ['maxSessionDuration', 3_600_000, [50, 1e12]],
    ['flushInterval', 1000, [10, '1s']],
    ['trackErrors', false, ['false', 0]],
    ['trackClicks', false, ['off']],
    ['rageClicks', 5, [0, '3']],
    ['frustrationWindow', 2000, [50]],
    ['modules', [() => ({ stop() {} })], [() => {}, [1], ['network']]],
    ['propagateTraceTo', ['https://api.shop.test'], ['https://api.shop.test', [1], ['api.shop.test']]],
    ['trackVitals', false, [1]],
    ['trackPageViews', false, [null]],
    ['spa', false, ['no']],
    ['route', (url: string) => url, ['/product/[id]']],
    ['consent', 'pending', ['yes', true, 'GRANTED']],
    ['beforeSend', beforeSend, ['drop', {}]],
    ['scrubUrl', scrub, ['token', [1, 2]]],
    ['scrubUrl', ['ssn', 'pin'], [[{}]]],
    ['app', 'a'.repeat(128), ['a'.repeat(129), '', 7]],
    ['debug', true, ['true']],
  ])('%s accepts %o and warns about each invalid value', (key, good, bad) => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    expect(readConfig({ endpoint: '/rum', [key]: good })).toMatchObject({ [key]: good })
    expect(warnings()).toEqual([])
    for (const value of bad as unknown[]) {
      vi.mocked(console.warn).mockClear()
      const config = readConfig({ endpoint: '/rum', [key]: value })!
      expect(config[key as keyof typeof config]).not.toBe(value)
      expect(warnings()).toEqual([expect.stringContaining(`"${key}"`)])
    }
  })
})

describe('readDataset', () => {
  it('reads every option type of issue 4 from its kebab-case attribute', () => {
    expect(
      readDataset({ errorSampleRate: '0', sessionTimeout: '600000', trackVitals: 'false', consent: 'pending', scrubUrl: 'ssn, pin' }),
    ).toEqual({ errorSampleRate: 0, sessionTimeout: 600000, trackVitals: false, consent: 'pending', scrubUrl: ['ssn', 'pin'] })
  })

  it('reads numbers and booleans of data-* attributes as their option types', () => {
    // <script data-endpoint="/rum" data-sample-rate="0.25" data-debug data-app="shop">
    expect(readDataset({ endpoint: '/rum', sampleRate: '0.25', debug: '', app: 'shop', flushInterval: '2000' })).toEqual({
      endpoint: '/rum', sampleRate: 0.25, debug: true, app: 'shop', flushInterval: 2000,
    })
    expect(readDataset({ debug: 'false' })).toEqual({ debug: false })
  })

  it('reads an empty number as invalid (warned, not 0), 0/no/off as false, and lists without stray spaces or empty names', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const options = readDataset({ endpoint: '/rum', sampleRate: '', trackClicks: '0', trackVitals: 'No', trackErrors: 'off', scrubUrl: 'ssn, pin ,', propagateTraceTo: 'https://api.shop.test, ' })
    expect(options).toMatchObject({ trackClicks: false, trackVitals: false, trackErrors: false, scrubUrl: ['ssn', 'pin'], propagateTraceTo: ['https://api.shop.test'] })
    const config = readConfig(options)!
    expect(config.sampleRate).toBe(1)
    expect(warnings().map((line) => line.includes('"sampleRate"'))).toEqual([true])
    vi.restoreAllMocks()
  })

  it('passes unknown attributes on, for readConfig to name in its warning', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    expect(readConfig(readDataset({ endpoint: '/rum', colour: 'blue' }))).toBeDefined()
    expect(warnings()[0]).toContain('"colour"')
    vi.restoreAllMocks()
  })
})
