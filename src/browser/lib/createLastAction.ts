/** An error this soon after an action (ms) names that action: what the user was doing. */
const WITHIN_MS = 1000

/**
 * The latest action of the page (a click the moment it happens, or a `trackAction`), for the
 * errors that follow it: `at(time)` names it when `time` is within a second after it.
 */
export function createLastAction() {
  let name = ''
  let since = -Infinity
  return {
    _note(action: string, time: number): void {
      if (time >= since) (name = action), (since = time)
    },
    _at: (time: number): string | undefined => (time - since <= WITHIN_MS ? name : undefined),
  }
}

export type LastAction = ReturnType<typeof createLastAction>
