import { createHash, timingSafeEqual } from 'node:crypto'
import { isIP } from 'node:net'

/** Whether an address or host name is this machine's loopback: 127.0.0.0/8, ::1 or localhost. */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase()
  return bare === 'localhost' || bare === '::1' || /^(::ffff:)?127\.\d+\.\d+\.\d+$/.test(bare)
}

/**
 * A check of the `Host` header against DNS rebinding: a page of evil.example whose name is made to
 * resolve to 127.0.0.1 reaches the collector with `Host: evil.example`. Accepted: an IP address
 * (rebinding needs a name), `localhost`, and the names in `allowHosts` (the name the dashboard is
 * reached by, behind a proxy: `--allow-host rum.example.com`). Any port.
 */
export function createHostCheck(allowHosts: string[]) {
  const names = new Set(allowHosts.map((name) => name.toLowerCase()))
  return (hostHeader: string | undefined): boolean => {
    if (!hostHeader) return false
    const host = hostHeader.toLowerCase().replace(/:\d+$/, '')
    return isIP(host.replace(/^\[|\]$/g, '')) !== 0 || host === 'localhost' || names.has(host)
  }
}

const digest = (text: string) => createHash('sha256').update(text).digest()

/**
 * A check of the read token, in constant time. The token may come as `Authorization: Bearer T`
 * (scripts), the `rumlet_token` cookie (the dashboard, set when it is opened as `/?token=T`), or
 * the `token` query parameter.
 */
export function createTokenCheck(token: string) {
  const expected = digest(token)
  return (given: string | undefined | null): boolean => !!given && timingSafeEqual(digest(given), expected)
}

/** The token a request carries, by the means createTokenCheck lists. */
export function tokenOf(headers: { authorization?: string | null; cookie?: string | null }, query: string | undefined): string | undefined {
  const bearer = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '')?.[1]
  const cookie = /(?:^|;\s*)rumlet_token=([^;]+)/.exec(headers.cookie ?? '')?.[1]
  return bearer ?? query ?? (cookie && decodeURIComponent(cookie))
}
