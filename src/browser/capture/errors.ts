import type { ErrorEvent as RumError } from '../../wire'
import { guard } from '../lib/guard'
import { hashToUnit } from '../lib/hashToUnit'
import { listen } from '../lib/listen'
import type { Emit } from '../types'
import { errorEvent, urlOf } from './errorEvent'

/** What an `error` or `unhandledrejection` event carries: the value the page threw or rejected with. */
export function thrown(event: ErrorEvent | PromiseRejectionEvent): unknown {
  // A cross-origin script's error arrives as "Script error." without an error object; `throw 0`
  // (or false, or '') gives that value.
  return 'reason' in event ? event.reason : event.error ?? { name: 'Error', message: event.message }
}

/**
 * Records uncaught errors, unhandled promise rejections, and failed loads of images, scripts,
 * stylesheets and media (`source: "resource"`, with the URL as `resource`; such errors do not
 * bubble, so the listener is in the capture phase).
 */
export function startErrors(emit: Emit) {
  const listener = guard((event: ErrorEvent | PromiseRejectionEvent) => {
    const target = event.target as Element | null
    if (event.type === 'error' && target && target !== (window as unknown) && target.nodeType === 1) {
      const tag = target.nodeName.toLowerCase()
      const resource = urlOf(target)
      return emit<RumError>({
        type: 'error',
        message: `${tag} failed to load`,
        errorType: 'ResourceError',
        source: 'resource',
        resource,
        count: 1,
        fingerprint: (hashToUnit(tag + resource) * 2 ** 32).toString(36),
      })
    }
    const error = errorEvent(thrown(event), event.type)
    // A script of another origin, loaded without CORS: the browser hides what it threw.
    if (!('reason' in event) && !event.error && event.message === 'Script error.') (error as RumError).crossOrigin = true
    emit(error)
  })
  const stops = [listen('error', listener, true), listen('unhandledrejection', listener)]
  return { stop: () => stops.map((stop) => stop()) }
}
