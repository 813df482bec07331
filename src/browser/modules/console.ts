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
export const consoleErrors: RumModule = ({ emit, skip }) => ({
  stop: wrap(console, 'error', (original, on) =>
    function (this: Console, ...args: unknown[]) {
      if (on())
        guard(() => {
          const error = args.find((arg) => arg instanceof Error)
          const message = args.map((arg) => (arg instanceof Error ? arg.message : describe(arg))).join(' ')
          emit<RumError>({ ...errorEvent(error || { name: 'console.error', message }, 'console'), message: message.slice(0, 1024) })
        })()
      return original.apply(this, args)
    },
    skip,
    'console.error',
  ),
})
