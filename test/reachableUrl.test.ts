// @vitest-environment node
import type { NetworkInterfaceInfo } from 'node:os'
import { describe, expect, it } from 'vitest'
import { reachableUrl } from '../src/collector/cli/reachableUrl'

const address = (address: string, family: 'IPv4' | 'IPv6', internal: boolean) => ({ address, family, internal }) as NetworkInterfaceInfo

const interfaces = {
  lo: [address('127.0.0.1', 'IPv4', true), address('::1', 'IPv6', true)],
  eth0: [address('fe80::1', 'IPv6', false), address('10.0.0.7', 'IPv4', false)],
}

describe('reachableUrl', () => {
  it('gives a server on every address by this machine\'s first external IPv4 address', () => {
    expect(reachableUrl('http://0.0.0.0:8080', interfaces)).toBe('http://10.0.0.7:8080')
    expect(reachableUrl('http://[::]:8080', interfaces)).toBe('http://10.0.0.7:8080')
  })

  it('falls back to localhost on a machine with loopback only', () => {
    expect(reachableUrl('http://0.0.0.0:9000', { lo: interfaces.lo })).toBe('http://localhost:9000')
  })

  it('keeps any other address as it is', () => {
    expect(reachableUrl('http://192.168.1.5:8080', interfaces)).toBe('http://192.168.1.5:8080')
    expect(reachableUrl('http://127.0.0.1:8080', interfaces)).toBe('http://127.0.0.1:8080')
  })
})
