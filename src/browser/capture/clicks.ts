import type { ActionEvent } from '../../wire'
import type { Config } from '../config'
import { guard } from '../lib/guard'
import { listen } from '../lib/listen'
import { selectorOf } from '../lib/selectorOf'
import type { Emit } from '../types'
import { ACTIONABLE, closest, CONTROLS, nameOf } from './nameOf'

/** Elements a click is expected to do something on: nothing happening makes it a dead click. */
const LIVE = `a[href],input[type=submit],input[type=button],${CONTROLS}`
const WATCHED = { subtree: true, childList: true, attributes: true, characterData: true }

interface Pending {
  _event: ActionEvent & { frustration?: string[] }
  _time: number
  _x: number
  _y: number
  /** The element looks interactive: no reaction makes it a dead click. */
  _live?: boolean | null
  _reacted?: boolean
}

/**
 * Records each click as an `action` named by `nameOf`, with the clicked element's selector,
 * once `frustrationWindow` ms have shown whether it was a sign of frustration: `rage` (with the
 * clicks before it, `rageClicks` within the window and `rageDistance` px), `dead` (an element
 * that looks interactive, and no reaction followed), `error` (an uncaught error followed).
 * The element is the one clicked (`composedPath()[0]`: inside open shadow roots at any depth;
 * a closed root shows its host). Reactions: a DOM change (in the document, or in a shadow root
 * the click passed through), a navigation, a request (not rumlet's own, to `endpoint`), a focus
 * change the page makes (not the one a mouse press makes, at `mousedown`), a selection it
 * leaves (not a click collapsing one). One press makes one action: the click a label forwards to
 * its control, and a click the page dispatches from a click's own handler, record nothing. Not rage: clicks in fields one types in or ticks (an
 * input that is not a submit or button, a textarea, contenteditable), nor the clicks of a double-
 * or triple-click that selected text where it was clicked (in Chromium the selection is made at
 * the press, before the click event: verified by e2e/frustration.spec.ts).
 * Clicks are recorded together once the newest one's window has ended (a click waits two windows
 * at most), each marked by what happened within its own window. `flush` records the clicks still
 * waiting (the page may be leaving). `onClick` hears of each click at once.
 */
export function startClicks(
  emit: Emit,
  { rageClicks, frustrationWindow, rageDistance }: Pick<Config, 'rageClicks' | 'frustrationWindow' | 'rageDistance'>,
  onClick: (name: string, time: number) => void,
  endpoint = '',
  now = Date.now,
) {
  const own = endpoint && new URL(endpoint, document.baseURI).href
  // Oldest first.
  let pending: Pending[] = []
  let timer: ReturnType<typeof setTimeout> | undefined
  // The clicks of the last window that count toward rage, and the last click.
  let recent: Pending[] = []
  let last: Pending | undefined
  // Between a mousedown and its click: the focus that moves then is the press's, not the page's.
  let pressed = false
  // The click event heard last, and the label it was on: to tell a click that is part of its press.
  let previous: MouseEvent | undefined
  let label: HTMLLabelElement | undefined
  const mark = (click: Pending, kind: string) => {
    const kinds = (click._event.frustration ||= [])
    if (!kinds.includes(kind)) kinds.push(kind)
  }
  // The clicks whose window is still open: what the page does now is about them.
  const open = () => pending.filter((click) => now() - click._time < frustrationWindow)
  // Anything the page does in reply counts as a reaction to the clicks waiting.
  const react = () => open().forEach((click) => (click._reacted = true))
  // The DOM and the network are watched only while clicks wait: pages that change the DOM all
  // the time, and rumlet's own sends, cost nothing else.
  const dom = new MutationObserver(react)
  let requests: PerformanceObserver | undefined
  try {
    requests = new PerformanceObserver((list) => list.getEntries().some((entry) => entry.name !== own) && react())
  } catch {}
  // Without resource timing (`requests` undefined, or no `resource` type) only the DOM is watched.
  const watch = (on: boolean) => {
    try {
      if (on) dom.observe(document, WATCHED), requests!.observe({ type: 'resource' })
      else dom.disconnect(), requests!.disconnect()
    } catch {}
  }
  // Records the clicks whose window has ended (all of them when the page may be leaving), in one
  // task: a burst of clicks is then one write and one send, not one per click. Each click's
  // marks come from its own window only (see `open`), however late it is recorded.
  const settle = (all?: boolean) => {
    const kept = all ? [] : open()
    const done = pending.filter((click) => !kept.includes(click))
    pending = kept
    if (!kept[0]) watch(false)
    for (const click of done) {
      if (click._live && !click._reacted) mark(click, 'dead')
      emit(click._event, click._time)
    }
    plan()
  }
  // Clicks wait until the newest one's window has ended, so that a burst is recorded at once;
  // the oldest waits two windows at most.
  const plan = () => {
    clearTimeout(timer)
    if (pending[0]) timer = setTimeout(guard(settle), Math.min(pending[pending.length - 1]._time + frustrationWindow, pending[0]._time + 2 * frustrationWindow) - now())
  }

  const stops = [
    listen('popstate hashchange pagehide', react, true),
    // Bubbling only: a failed image or script load is not an uncaught error.
    listen(
      'error unhandledrejection',
      () => open().forEach((click) => mark(click, 'error')),
    ),
    // Capture: a focus event does not bubble to the window, selectionchange is the document's.
    listen(
      'mousedown focusin selectionchange',
      guard((event: Event) => {
        if (event.type === 'mousedown') pressed = true
        else if (event.type === 'focusin' ? !pressed : !getSelection()!.isCollapsed) react()
      }),
      true,
    ),
    listen(
      'click',
      guard((event: MouseEvent) => {
        pressed = false
        const path = event.composedPath()
        const target = path[0] as HTMLElement
        // One press, one action: a click the page dispatches while the last one is still being
        // dispatched (a button's handler calling `fileInput.click()`), or the click a label
        // forwards to its control (trusted, with the press's own timeStamp in Chromium). The
        // timeStamp alone is not enough: the clicks of a synthetic triple-click (automation,
        // CDP's Input.dispatchMouseEvent) can share one, at its 0.1 ms resolution.
        const gesture = previous && (previous.eventPhase || (event.isTrusted && previous.timeStamp === event.timeStamp && label?.control === target))
        previous = event
        // The label clicked, unless this was its own control (a field inside its label).
        label = closest(path, 'label') as HTMLLabelElement | undefined
        if (label?.control === target) label = undefined
        if (gesture || !(target instanceof Element)) return
        const named = nameOf(target, path)
        if (!named) return
        const meant = closest(path, ACTIONABLE)
        const time = now()
        const click: Pending = {
          _event: { type: 'action', name: named.name, duration: 0, ok: true, source: 'click', target: selectorOf(meant || target) } as Pending['_event'],
          _time: time,
          _x: event.clientX,
          _y: event.clientY,
          _live: closest(path, LIVE) && !(meant as HTMLButtonElement).disabled,
          // A listener of the page's that ran before rumlet's already took it out of the document.
          _reacted: !target.isConnected,
        }
        onClick(named.name, time)
        if (pending.push(click) === 1) watch(true)
        // A MutationObserver of the document sees nothing inside a shadow root.
        path.forEach((node) => (node as Node).nodeType === 11 && dom.observe(node as Node, WATCHED))
        recent = recent.filter((other) => time - other._time < frustrationWindow)
        if (event.detail > 1 && getSelection()?.containsNode(target, true)) {
          // A double- or triple-click that selected text: its first click does not count either.
          if (recent[recent.length - 1] === last) recent.pop()
          // A field one types in or ticks (an input, not a live one like a submit, or a
          // textarea: they have `selectionStart`) is clicked to place the caret or to select.
        } else if (!target.isContentEditable && !('selectionStart' in target && !click._live)) {
          recent.push(click)
          const near = recent.filter((other) => Math.hypot(other._x - click._x, other._y - click._y) <= rageDistance)
          if (near.length >= rageClicks) near.forEach((other) => pending.includes(other) && mark(other, 'rage'))
        }
        last = click
        plan()
      }),
      // Capture: a page's stopPropagation does not hide its clicks.
      true,
    ),
  ]

  const flush = () => settle(true)
  return {
    _flush: flush,
    stop: () => (flush(), stops.map((stop) => stop())),
  }
}
