import type { ErrorEvent as RumError } from '../../wire'
import { describe, errorEvent } from '../capture/errorEvent'
import { guard } from '../lib/guard'
import { wrap } from '../lib/wrap'
import type { RumModule } from '../types'

/**
 * Opt-in module (`rumlet/console`, or `dist/rumlet.console.js`): records what the page logs with
 * `console.error` as errors (`source: "console"`), then logs it as the page asked.
 *
 * @example
 * init({ endpoint: '/rum', modules: [consoleErrors] })
 */
// An Error of any realm (a same-origin iframe's is no `instanceof` this one's): anything with a
// string `message`, as errorEvent takes it; false where reading it throws.
const isError = (arg: unknown): arg is Error => {
  try {
    return typeof (arg as Error).message === 'string'
  } catch {
    return false
  }
}

export const consoleErrors: RumModule = ({ emit, skip }) => ({
  stop: wrap(console, 'error', (original, on) =>
    function (this: Console, ...args: unknown[]) {
      if (on())
        guard(() => {
          const error = args.find(isError)
          const message = args.map((arg) => (isError(arg) ? arg.message : describe(arg))).join(' ')
          emit<RumError>({ ...errorEvent(error || { name: 'console.error', message }, 'console'), message: message.slice(0, 1024) })
        })()
      return original.apply(this, args)
    },
    skip,
    'console.error',
  ),
})
