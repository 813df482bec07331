// One stored event as one OpenTelemetry log record, named after OpenTelemetry's semantic
// conventions where they have a name (https://opentelemetry.io/docs/specs/semconv/): the
// README's *OpenTelemetry forwarding* has the whole table.
import { resourceFromAttributes, type Resource } from '@opentelemetry/resources'
import type { ReadableLogRecord } from '@opentelemetry/sdk-logs'

import { ATTR_EXCEPTION_MESSAGE, ATTR_EXCEPTION_STACKTRACE, ATTR_EXCEPTION_TYPE, ATTR_HTTP_REQUEST_METHOD, ATTR_HTTP_RESPONSE_STATUS_CODE, ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION, ATTR_TELEMETRY_SDK_LANGUAGE, ATTR_TELEMETRY_SDK_NAME, ATTR_URL_FULL, ATTR_USER_AGENT_ORIGINAL } from '@opentelemetry/semantic-conventions'
// Incubating names may change in a minor release of the package: packages/collector pins its minor version (~).
import {
  ATTR_BROWSER_DOCUMENT_URL_FULL, ATTR_BROWSER_WEB_VITAL_DELTA, ATTR_BROWSER_WEB_VITAL_ID, ATTR_BROWSER_WEB_VITAL_NAME, ATTR_BROWSER_WEB_VITAL_NAVIGATION_TYPE,
  ATTR_BROWSER_WEB_VITAL_RATING, ATTR_BROWSER_WEB_VITAL_VALUE, ATTR_DEPLOYMENT_ENVIRONMENT_NAME, ATTR_LOG_RECORD_UID, ATTR_SESSION_ID, ATTR_URL_TEMPLATE, ATTR_USER_AGENT_NAME, ATTR_USER_AGENT_OS_NAME, ATTR_USER_AGENT_VERSION, ATTR_USER_ID,
  EVENT_BROWSER_WEB_VITAL,
} from '@opentelemetry/semantic-conventions/incubating'
import type { RumEvent } from '../../wire'
import type { EventRow } from '../store/eventColumns'

type LogAttributes = ReadableLogRecord['attributes']
type LogAttributeValue = LogAttributes[string]

/** What a log record is made from: a stored row's enrichment and the event as it came (`body`). */
export type ForwardedRow = Pick<EventRow, 'time' | 'received_at' | 'skew_ms' | 'page' | 'fingerprint' | 'frames' | 'browser' | 'browser_version' | 'os' | 'device' | 'sdk' | 'user_agent' | 'body'>

declare const __VERSION__: string

/** The instrumentation scope of every record: this collector. */
const SCOPE = { name: 'rumlet-collector', version: __VERSION__ }
// OpenTelemetry's SeverityNumber: INFO is 9, ERROR 17.
const INFO = 9
const ERROR = 17
/** A service with no `app`: the name OpenTelemetry gives a service that did not say. */
const UNKNOWN_SERVICE = 'unknown_service:browser'

/** Fields mapped to a named attribute (or to the resource), not repeated as `rumlet.<field>`. */
const MAPPED = new Set(['id', 'type', 'time', 'sessionId', 'viewId', 'url', 'app', 'release', 'env', 'userId', 'route', 'attributes'])
const MAPPED_BY_TYPE: Record<string, Set<string>> = {
  vital: new Set(['name', 'value', 'delta', 'rating', 'metricId', 'navigationType']),
  error: new Set(['message', 'errorType', 'stack', 'fingerprint']),
  resource: new Set(['method', 'status', 'resource']),
}

/** Epoch ms as OpenTelemetry's HrTime: [seconds, nanoseconds]. */
const hrTime = (ms: number): [number, number] => [Math.floor(ms / 1000), Math.round((ms % 1000) * 1e6)]

/** An attribute value OTLP carries: strings, numbers and booleans as they are, anything else as JSON text. */
const attribute = (value: unknown): LogAttributeValue => (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : JSON.stringify(value))

/**
 * Builds log records from stored rows. Resources are kept one per (app, release, env), so the
 * OTLP serializer groups each service's records under one `ResourceLogs` (it groups by identity).
 */
export function createLogRecords() {
  const resources = new Map<string, Resource>()
  const resourceOf = (event: RumEvent) => {
    const key = JSON.stringify([event.app, event.release, event.env])
    let resource = resources.get(key)
    if (!resource) {
      if (resources.size >= 10_000) resources.clear()
      resource = resourceFromAttributes({
        [ATTR_SERVICE_NAME]: event.app ?? UNKNOWN_SERVICE,
        ...(event.release === undefined ? {} : { [ATTR_SERVICE_VERSION]: event.release }),
        ...(event.env === undefined ? {} : { [ATTR_DEPLOYMENT_ENVIRONMENT_NAME]: event.env }),
        [ATTR_TELEMETRY_SDK_NAME]: 'rumlet',
        [ATTR_TELEMETRY_SDK_LANGUAGE]: 'webjs',
      })
      resources.set(key, resource)
    }
    return resource
  }

  /** The log record of one row: see the README's mapping table. */
  return function toLogRecord(row: ForwardedRow): ReadableLogRecord {
    const event = JSON.parse(row.body) as RumEvent & Record<string, unknown>
    const attributes: LogAttributes = {
      [ATTR_LOG_RECORD_UID]: event.id,
      [ATTR_SESSION_ID]: event.sessionId,
      'rumlet.view.id': event.viewId,
      [ATTR_BROWSER_DOCUMENT_URL_FULL]: event.url,
      [ATTR_URL_FULL]: event.url,
      'rumlet.page': row.page,
      'rumlet.skew_ms': row.skew_ms,
    }
    const set = (name: string, value: unknown) => {
      if (value !== undefined && value !== null) attributes[name] = attribute(value)
    }
    set(ATTR_URL_TEMPLATE, event.route)
    set(ATTR_USER_ID, event.userId)
    set(ATTR_USER_AGENT_ORIGINAL, row.user_agent)
    set(ATTR_USER_AGENT_NAME, row.browser)
    set(ATTR_USER_AGENT_VERSION, row.browser_version)
    set(ATTR_USER_AGENT_OS_NAME, row.os)
    set('rumlet.device.type', row.device)
    set('rumlet.sdk.version', row.sdk)
    let eventName = `rumlet.${event.type}`
    let body: string | undefined
    if (event.type === 'vital') {
      eventName = EVENT_BROWSER_WEB_VITAL
      set(ATTR_BROWSER_WEB_VITAL_NAME, event.name.toLowerCase())
      set(ATTR_BROWSER_WEB_VITAL_VALUE, event.value)
      set(ATTR_BROWSER_WEB_VITAL_DELTA, event.delta)
      set(ATTR_BROWSER_WEB_VITAL_ID, event.metricId)
      set(ATTR_BROWSER_WEB_VITAL_RATING, event.rating)
      set(ATTR_BROWSER_WEB_VITAL_NAVIGATION_TYPE, event.navigationType)
    } else if (event.type === 'error') {
      eventName = 'exception'
      body = event.message
      set(ATTR_EXCEPTION_TYPE, event.errorType)
      set(ATTR_EXCEPTION_MESSAGE, event.message)
      set(ATTR_EXCEPTION_STACKTRACE, event.stack)
      set('rumlet.error.fingerprint', row.fingerprint)
      set('rumlet.error.frames', row.frames)
    } else if (event.type === 'resource') {
      // The request's own URL: url.full is the request's on an HTTP client's record.
      set(ATTR_URL_FULL, event.resource)
      set(ATTR_HTTP_REQUEST_METHOD, event.method)
      if (event.status) set(ATTR_HTTP_RESPONSE_STATUS_CODE, event.status)
    }
    // Every other field of the event, so that nothing it carried is lost on the way.
    const own = MAPPED_BY_TYPE[event.type]
    for (const key in event) if (!MAPPED.has(key) && !own?.has(key)) set(`rumlet.${event.type}.${key}`, event[key])
    if (event.attributes) for (const key in event.attributes) set(`rumlet.attributes.${key}`, event.attributes[key])
    return {
      hrTime: hrTime(row.time),
      hrTimeObserved: hrTime(row.received_at),
      severityNumber: event.type === 'error' ? ERROR : INFO,
      severityText: event.type === 'error' ? 'ERROR' : 'INFO',
      eventName,
      body,
      resource: resourceOf(event),
      instrumentationScope: SCOPE,
      attributes,
      droppedAttributesCount: 0,
    }
  }
}
