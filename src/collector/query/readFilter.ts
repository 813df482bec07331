import { HttpError } from '../server/HttpError'
import { BUCKET_ORIGIN } from './BUCKET_ORIGIN'

/** Latest epoch ms a JavaScript Date holds (and DuckDB's TIMESTAMP well past it). */
const MAX_TIME = 8.64e15

/**
 * What every query of the API filters on: a time range (epoch ms, corrected times), and one app,
 * env, release, browser (bowser's name, `Chrome`), device type (`desktop`, `mobile`, `tablet`…)
 * and page (the route, else the URL's path), each when given.
 */
export interface Filter {
  /** Events at or after this time; default 0. */
  since: number
  /** Events before this time; default: no end. */
  until: number
  app: string | null
  env: string | null
  release: string | null
  browser: string | null
  device: string | null
  page: string | null
}

/** A query parameter that must be a whole number from min to max, if given (HttpError 400 naming it otherwise). */
export function whole(params: URLSearchParams, name: string, min: number, max: number): number | undefined {
  const text = params.get(name)
  if (text === null) return undefined
  const value = Number(text)
  if (!/^\d+$/.test(text) || value < min || value > max) throw new HttpError(400, `${name} must be a whole number from ${min} to ${max}`)
  return value
}

/** A query parameter that must be one of `allowed`, if given. */
export function oneOf<T extends string>(params: URLSearchParams, name: string, allowed: readonly T[]): T | undefined {
  const text = params.get(name)
  if (text === null || text === '') return undefined
  if (!allowed.includes(text as T)) throw new HttpError(400, `${name} must be one of ${allowed.join(', ')}`)
  return text as T
}

/** The common filter from `since`, `until`, `app`, `env`, `release`, `browser`, `device` and `page`. */
export function readFilter(params: URLSearchParams): Filter {
  return {
    since: whole(params, 'since', 0, MAX_TIME) ?? 0,
    until: whole(params, 'until', 0, MAX_TIME) ?? MAX_TIME,
    app: params.get('app') || null,
    env: params.get('env') || null,
    release: params.get('release') || null,
    browser: params.get('browser') || null,
    device: params.get('device') || null,
    page: params.get('page') || null,
  }
}

/** The filter's SQL over `events` ($1 to $8); queries add their own parameters from $9 on. */
export const WHERE = `time >= epoch_ms(CAST($1 AS BIGINT)) AND time < epoch_ms(CAST($2 AS BIGINT)) AND ($3 IS NULL OR app = $3) AND ($4 IS NULL OR env = $4)
  AND ($5 IS NULL OR release = $5) AND ($6 IS NULL OR browser = $6) AND ($7 IS NULL OR device = $7) AND ($8 IS NULL OR page = $8)`

/** The parameters of WHERE, in order. */
export const filterParams = (filter: Filter) => [filter.since, filter.until, filter.app, filter.env, filter.release, filter.browser, filter.device, filter.page]

/**
 * The start (epoch ms) of the `bucket`-ms time bucket holding `time`, as DuckDB's time_bucket has it
 * (buckets counted from BUCKET_ORIGIN, Monday 2000-01-03 00:00 UTC), in integer arithmetic on epoch ms:
 * time_bucket on an INTERVAL cost 1.5–2× as much per row at 1,000,000 events (bench/RESULTS.md).
 */
export const bucketStart = (bucket: string, time = 'time') => `((epoch_ms(${time}) - ${BUCKET_ORIGIN}) // ${bucket} * ${bucket} + ${BUCKET_ORIGIN})`
