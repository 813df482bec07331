import type { RumEvent } from '../src/wire'

/** The stored events of one type, typed as such. */
export const ofType = <T extends RumEvent['type']>(events: RumEvent[], type: T) =>
  events.filter((event): event is Extract<RumEvent, { type: T }> => event.type === type)
