import { guard } from '../lib/guard'
import type { Emit } from '../types'
import { errorEvent } from './errorEvent'

/** What an `error` or `unhandledrejection` event carries: the value the page threw or rejected with. */
export function thrown(event: ErrorEvent | PromiseRejectionEvent): unknown {
  // A cross-origin script's error arrives as "Script error." without an error object.
  return 'reason' in event ? event.reason : event.error || { name: 'Error', message: event.message }
}

/** Records uncaught errors and unhandled promise rejections of the page. */
export function startErrors(emit: Emit): void {
  const listener = guard((event: ErrorEvent | PromiseRejectionEvent) => emit(errorEvent(thrown(event), event.type)))
  addEventListener('error', listener)
  addEventListener('unhandledrejection', listener)
}
