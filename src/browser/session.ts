import { uid } from './lib/uid'

/** Writing localStorage is synchronous: refresh the activity time at most this often. */
const TOUCH_MS = 5000
/** The localStorage key of the session, removed when consent is denied. */
export const SESSION_KEY = 'rumlet.session'

interface Stored {
  id: string
  start: number
  last: number
}

/**
 * The session shared by every tab of the origin, kept in localStorage (no cookies). It ends
 * after `idle` ms without an event or `max` ms in all (the options `sessionTimeout` and
 * `maxSessionDuration`). Where storage is blocked (sandboxed frames, some privacy modes) the
 * session lives in memory.
 */
export function createSession(idle: number, max: number, now: () => number = Date.now, storage?: Storage) {
  let current: Stored | undefined

  const read = (): Stored | undefined => {
    try {
      const value = JSON.parse((storage || localStorage).getItem(SESSION_KEY) || 'null')
      if (value && typeof value.id === 'string') return value
    } catch {}
  }
  const write = (value: Stored) => {
    try {
      ;(storage || localStorage).setItem(SESSION_KEY, JSON.stringify(value))
    } catch {}
  }

  // This tab's last event, and its session: localStorage hears of activity at most every 5 s,
  // and a session must not end earlier than 30 minutes after it.
  let seen: [id: string, time: number] = ['', 0]

  const over = (session: Stored, time: number) =>
    time - Math.max(session.last, session.id === seen[0] ? seen[1] : 0) > idle || time - session.start > max

  /**
   * The id of the session at `time`, starting a new one when the old one has ended. An event
   * is activity and extends the session; a `touch` of false only looks (`getSessionId`).
   */
  return (time = now(), touch = true): string => {
    // Another tab may have started or extended the session since this tab last looked.
    if (!current || time - current.last > TOUCH_MS) current = read() || current
    if (!current || over(current, time)) {
      // Another tab may have started the next session already: every tab joins that one.
      const stored = read()
      if (stored && !over(stored, time)) current = stored
      else write((current = { id: uid(), start: time, last: time }))
    } else if (touch && time - current.last > TOUCH_MS) {
      current.last = time
      write(current)
    }
    if (touch) seen = [current.id, time]
    return current.id
  }
}
