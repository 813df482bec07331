/** Query (and fragment) parameters whose values are redacted by default. */
export const SECRET_PARAMS = ['token', 'key', 'secret', 'password', 'auth', 'session', 'code', 'email']

/**
 * Redacts the values of secret parameters in a URL's query and, when it looks like one (OAuth
 * puts `access_token` there), its fragment. A parameter is secret when its name, decoded and in
 * lower case, or one of the parts of it split at `_`, `-` or `.`, is in `names` (lower case):
 * `access_token`, `api_key` and `%74oken` are, `keyword` and `author` are not. Other parameters
 * are left exactly as they were written.
 */
export function scrubUrl(url: string, names: string[] = SECRET_PARAMS): string {
  return url.replace(/([?#&])([^=&#]+)=([^&#]*)/g, (match, before: string, name: string) => {
    let plain = name
    try {
      // As the server reads it: `access%5Ftoken` is `access_token`.
      plain = decodeURIComponent(name)
    } catch {}
    plain = plain.toLowerCase()
    return names.includes(plain) || plain.split(/[-_.]/).some((part) => names.includes(part)) ? `${before}${name}=redacted` : match
  })
}
