import type { BaseEvent, RumEvent } from '../wire'

/**
 * What a capture module hands over: an event without the fields every event shares, except the
 * view, URL and attributes, which it may set itself.
 */
export type Captured<E extends RumEvent> = Omit<E, keyof BaseEvent> & { type: E['type'] } & Partial<Pick<BaseEvent, 'viewId' | 'url' | 'attributes'>>

/** Records one event; `time` defaults to now. */
export type Emit = <E extends RumEvent>(event: Captured<E>, time?: number) => void
