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

  /**
   * The id of the session at `time`, starting a new one when the old one has ended. An event
   * is activity and extends the session; a `touch` of false only looks (`getSessionId`).
   */
  return (time = now(), touch = true): string => {
    // Another tab may have started or extended the session since this tab last looked.
    if (!current || time - current.last > TOUCH_MS) current = read() || current
    if (!current || time - current.last > idle || time - current.start > max) {
      current = { id: uid(), start: time, last: time }
      write(current)
    } else if (touch && time - current.last > TOUCH_MS) {
      current.last = time
      write(current)
    }
    return current.id
  }
}
