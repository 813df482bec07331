import type { BaseEvent, RumEvent } from '../wire'

/** What a capture module hands over: an event without the fields every event shares. */
export type Captured<E extends RumEvent> = Omit<E, keyof BaseEvent> & { type: E['type'] }

/** Records one event; `time` defaults to now. */
export type Emit = <E extends RumEvent>(event: Captured<E>, time?: number) => void
