import type { BaseEvent, RumEvent } from '../wire'
import type { Config } from './config'

/**
 * What a capture module hands over: an event without the fields every event shares, except the
 * view, URL and attributes, which it may set itself.
 */
export type Captured<E extends RumEvent> = Omit<E, keyof BaseEvent> & { type: E['type'] } & Partial<Pick<BaseEvent, 'viewId' | 'url' | 'attributes'>>

/** Records one event; `time` (epoch ms) defaults to now. */
export type Emit = <E extends RumEvent>(event: Captured<E>, time?: number) => void

/** What a started capture module gives back. */
export interface Capture {
  /** Stops listening and restores what it wrapped (where nobody wrapped it after rumlet). */
  stop(): void
  /** Records now what waits (the page may be leaving): rumlet's own capture modules. */
  _flush?(): void
  /** The W3C trace id of a request under way, for the errors it may cause (network timing). */
  traceId?(): string | undefined
}

/**
 * An opt-in module (`rumlet/network`, …): started with the page's checked options, the function
 * that records events, and `skip`, to call with the name of an instrumentation it could not
 * install (a read-only global: counted as `not_instrumented`, named in debug mode), once rumlet
 * runs with consent; stopped when consent is denied. The names are public ones: a script-tag
 * add-on is a bundle of its own.
 */
export type RumModule = (context: { emit: Emit; config: Config; skip: (label: string) => void }) => Capture
