import type { ActionEvent } from '../../wire'
import type { Config } from '../config'
import { guard } from '../lib/guard'
import { listen } from '../lib/listen'
import { selectorOf } from '../lib/selectorOf'
import type { Emit } from '../types'
import { ACTIONABLE, CONTROLS, nameOf } from './nameOf'

/** Elements a click is expected to do something on: nothing happening makes it a dead click. */
const LIVE = `a[href],input[type=submit],input[type=button],${CONTROLS}`

interface Pending {
  event: ActionEvent & { frustration?: string[] }
  time: number
  x: number
  y: number
  /** The element looks interactive: no reaction makes it a dead click. */
  live: boolean
  reacted: boolean
  timer?: ReturnType<typeof setTimeout>
}

/**
 * Records each click as an `action` named by `nameOf`, with the clicked element's selector,
 * once `frustrationWindow` ms have shown whether it was a sign of frustration: `rage` (with the
 * clicks before it, `rageClicks` within the window and `rageDistance` px), `dead` (an element
 * that looks interactive, and no DOM change, navigation or request followed), `error` (an
 * uncaught error followed). Requests to `endpoint`, rumlet's own, are not the page reacting.
 * `flush` records the clicks still waiting (the page may be leaving). `onClick` hears of each
 * click at once.
 */
export function startClicks(
  emit: Emit,
  { rageClicks, frustrationWindow, rageDistance }: Pick<Config, 'rageClicks' | 'frustrationWindow' | 'rageDistance'>,
  onClick: (name: string, time: number) => void,
  endpoint = '',
  now = Date.now,
) {
  const own = endpoint && new URL(endpoint, document.baseURI).href
  const pending: Pending[] = []
  const recent: { time: number; x: number; y: number; click: Pending }[] = []
  const mark = (click: Pending, kind: string) => {
    const kinds = (click.event.frustration ||= [])
    if (!kinds.includes(kind)) kinds.push(kind)
  }
  // Anything the page does in reply counts as a reaction to the clicks waiting.
  const react = () => pending.forEach((click) => (click.reacted = true))
  // The DOM and the network are watched only while clicks wait: pages that change the DOM all
  // the time, and rumlet's own sends, cost nothing else.
  const dom = typeof MutationObserver === 'function' ? new MutationObserver(react) : undefined
  let requests: PerformanceObserver | undefined
  try {
    requests = new PerformanceObserver((list) => list.getEntries().some((entry) => entry.name !== own) && react())
  } catch {}
  const watch = (on: boolean) => {
    try {
      if (!on) dom && dom.disconnect(), requests && requests.disconnect()
      else {
        if (dom) dom.observe(document, { subtree: true, childList: true, attributes: true, characterData: true })
        if (requests) requests.observe({ type: 'resource' })
      }
    } catch {}
  }
  const settle = (click: Pending) => {
    clearTimeout(click.timer)
    pending.splice(pending.indexOf(click), 1)
    if (!pending.length) watch(false)
    if (click.live && !click.reacted) mark(click, 'dead')
    emit(click.event, click.time)
  }

  const stops = [
    listen('popstate hashchange pagehide', react, true),
    // Bubbling only: a failed image or script load is not an uncaught error.
    listen(
      'error unhandledrejection',
      () => pending.forEach((click) => mark(click, 'error')),
    ),
    listen(
      'click',
      guard((event: MouseEvent) => {
        const target = event.target
        if (!(target instanceof Element)) return
        const named = nameOf(target)
        if (!named) return
        const meant = target.closest(ACTIONABLE)
        const time = now()
        const click: Pending = {
          event: { type: 'action', name: named.name, duration: 0, ok: true, source: 'click', target: selectorOf(meant || target) } as Pending['event'],
          time,
          x: event.clientX,
          y: event.clientY,
          live: !!target.closest(LIVE) && !(meant as HTMLButtonElement).disabled,
          reacted: false,
        }
        onClick(named.name, time)
        while (recent.length && time - recent[0].time >= frustrationWindow) recent.shift()
        recent.push({ time, x: click.x, y: click.y, click })
        const near = recent.filter((other) => Math.hypot(other.x - click.x, other.y - click.y) <= rageDistance)
        if (pending.push(click) === 1) watch(true)
        if (near.length >= rageClicks) near.forEach((other) => pending.includes(other.click) && mark(other.click, 'rage'))
        click.timer = setTimeout(guard(() => settle(click)), frustrationWindow)
      }),
      // Capture: a page's stopPropagation does not hide its clicks.
      true,
    ),
  ]

  const flush = () => pending.slice().forEach(settle)
  return {
    _flush: flush,
    stop: () => (flush(), stops.map((stop) => stop())),
  }
}
