import type { NetworkInterfaceInfo } from 'node:os'

/**
 * The collector's URL as a browser on another machine can open it: a server listening on every
 * address (`0.0.0.0`, `::`) is given by the first external IPv4 address of this machine
 * (`os.networkInterfaces()`), else by `localhost`; any other URL is returned as it is.
 * `0.0.0.0` means "every address" to a server, but no machine can be reached at it, and browsers
 * may refuse to open it.
 */
export function reachableUrl(url: string, interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>): string {
  const parsed = new URL(url)
  if (parsed.hostname !== '0.0.0.0' && parsed.hostname !== '[::]') return url
  const external = Object.values(interfaces)
    .flat()
    .find((address) => address && address.family === 'IPv4' && !address.internal)
  parsed.hostname = external ? external.address : 'localhost'
  return parsed.origin
}
