import { uid } from './lib/uid'

/** Storing the session is a transaction: agree with the other tabs at most this often (ms). */
const SYNC_MS = 5000

/** A session as stored: its id, and when it started and last saw an event (epoch ms). */
export interface Session {
  id: string
  start: number
  last: number
}

/** Reads the stored session and stores what `update` makes of it, atomically across tabs. */
export type SyncSession = (update: (stored: Session | undefined) => Session) => Promise<Session>

/**
 * The session shared by every tab of the origin, stored in rumlet's IndexedDB database beside
 * the events (no cookie; not localStorage, whose first read blocks the page on the browser
 * process, and whose read-then-write lets tabs that start together pick a session each). It ends
 * after `idle` ms without an event or `max` ms in all (the options `sessionTimeout` and
 * `maxSessionDuration`).
 *
 * `ready(time)` gives a promise while the session of `time` is not known yet (the first time, a
 * session that ended, or every 5 s of activity, when this tab stores its activity and learns of
 * the other tabs'); `id(time)` is then the session of an event at `time`. At a page exit, when
 * nothing can wait, `id` starts a session in memory if it must. Where IndexedDB fails the
 * session lives in this tab's memory.
 */
export function createSession(idle: number, max: number, sync: SyncSession) {
  let current: Session | undefined
  let synced = -Infinity
  let waiting: Promise<unknown> | undefined
  // This tab's last event, and its session: storage hears of activity at most every 5 s, and a
  // session must not end earlier than `idle` after it.
  let seen: [id: string, time: number] = ['', 0]

  const over = (session: Session, time: number) =>
    time - Math.max(session.last, session.id === seen[0] ? seen[1] : 0) > idle || time - session.start > max
  const start = (time: number): Session => ({ id: uid(), start: time, last: time })
  const mine = (time: number) => (current && !over(current, time) ? current : start(time))

  return {
    /** Undefined when the session of an event at `time` is known; else what to wait for. */
    _ready(time: number): Promise<unknown> | undefined {
      if (current && !over(current, time) && time - synced < SYNC_MS) return
      synced = time
      return (waiting ||= sync((stored) => {
        // Another tab's session that has not ended wins; this tab's activity goes with it.
        const next = stored && !over(stored, time) ? stored : mine(time)
        if (current && current.id === next.id) next.last = Math.max(next.last, current.last)
        return next
      })
        .then(
          (session) => (current = session),
          () => (current = mine(time)),
        )
        .finally(() => (waiting = undefined)))
    },

    /** The session of an event at `time`, which is activity; in memory if none is known. */
    _id(time: number): string {
      const session = (current = mine(time))
      session.last = Math.max(session.last, time)
      seen = [session.id, time]
      return session.id
    },

    /** The session of `time` as known, without counting as activity (`getSessionId`). */
    _peek: (time: number): string | undefined => (current && !over(current, time) ? current.id : undefined),
  }
}

export type Sessions = ReturnType<typeof createSession>
