/** Query (and fragment) parameters whose values are redacted by default. */
export const SECRET_PARAMS = ['token', 'key', 'secret', 'password', 'auth', 'session', 'code', 'email']

/**
 * Redacts the values of secret parameters in a URL's query and, when it looks like one (OAuth
 * puts `access_token` there), its fragment. A parameter is secret when its name, or one of the
 * parts of its name split at `_`, `-` or `.`, is in `names`: `access_token` and `api_key` are,
 * `keyword` and `author` are not. Other parameters are left exactly as they were written.
 */
export function scrubUrl(url: string, names: string[] = SECRET_PARAMS): string {
  return url.replace(/([?#&])([^=&#]+)=([^&#]*)/g, (match, before: string, name: string) =>
    name.toLowerCase().split(/[-_.]/).some((part) => names.includes(part)) || names.includes(name.toLowerCase())
      ? `${before}${name}=redacted`
      : match,
  )
}
