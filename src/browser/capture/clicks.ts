import type { ActionEvent } from '../../wire'
import { guard } from '../lib/guard'
import { selectorOf } from '../lib/selectorOf'
import type { Emit } from '../types'

/** What a click means: the element a user meant to press, not the icon inside it. */
const ACTIONABLE =
  'a,button,input,select,textarea,label,summary,[role=button],[role=link],[role=menuitem],[role=tab],[role=checkbox],[role=option],[data-rum-action]'
const MAX = 64
/** Elements a click is expected to do something on: nothing happening makes it a dead click. */
const LIVE = 'a[href],button,summary,[role=button],[role=link],[role=menuitem],[role=tab],input[type=submit],input[type=button]'

/** How an action got its name: the rule of the chain that produced it. */
export interface ActionName {
  name: string
  rule: 'data-rum-action' | 'aria-label' | 'aria-labelledby' | 'label' | 'text' | 'title' | 'alt' | 'tag' | 'private'
}

const clean = (text: string | null | undefined) => (text || '').replace(/\s+/g, ' ').trim().slice(0, MAX)

/**
 * Names a clicked element, by the first rule that gives a name: `data-rum-action` on it or an
 * ancestor; `aria-label`; `aria-labelledby`; the label of a form control; the text of a button
 * or link; `title` or `alt`; then `tag#id`. Never an input's value. Inside `data-rum-private`
 * only `data-rum-action` is used (else the name is `[private]`); inside `data-rum-ignore`
 * there is no name, and no action.
 */
export function nameOf(target: Element): ActionName | undefined {
  if (target.closest('[data-rum-ignore]')) return
  const element = target.closest(ACTIONABLE) || target
  const named = target.closest('[data-rum-action]')
  const by = (rule: ActionName['rule'], text: string | null | undefined) => {
    const name = clean(text)
    return name ? { name, rule } : undefined
  }
  const tag = element.nodeName.toLowerCase()
  return (
    by('data-rum-action', named && named.getAttribute('data-rum-action')) ||
    (element.closest('[data-rum-private]')
      ? { name: '[private]', rule: 'private' as const }
      : by('aria-label', element.getAttribute('aria-label')) ||
        by(
          'aria-labelledby',
          (element.getAttribute('aria-labelledby') || '')
            .split(/\s+/)
            .map((id) => id && document.getElementById(id)?.textContent)
            .join(' '),
        ) ||
        by('label', (element as HTMLInputElement).labels?.[0]?.textContent) ||
        by('text', /^(a|button|summary)$/.test(tag) || /^(button|link|tab|menuitem)$/.test(element.getAttribute('role') || '') ? element.textContent : '') ||
        by('title', element.getAttribute('title')) ||
        by('alt', element.getAttribute('alt') || element.querySelector('img[alt]')?.getAttribute('alt')) || {
          name: tag + (element.id ? `#${element.id}` : ''),
          rule: 'tag' as const,
        })
  )
}

/** When a click is a sign of frustration (the options `rageClicks`, `frustrationWindow`, `rageDistance`). */
export interface Frustration {
  /** This many clicks… */
  rageClicks: number
  /** …within this many ms, and a dead or error click's wait. */
  window: number
  /** …within this many px of each other: a rage click. */
  distance: number
}

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
 * once `window` ms have shown whether it was a sign of frustration: `rage` (with the clicks
 * before it, `rageClicks` within `window` ms and `distance` px), `dead` (an element that looks
 * interactive, and no DOM change, navigation or request followed), `error` (an uncaught error
 * followed; requests to `endpoint`, rumlet's own, do not count). The wait ends early when the
 * page is hidden. `onClick` hears of each click at once.
 */
export function startClicks(emit: Emit, limits: Frustration, onClick: (name: string, time: number) => void, endpoint = '', now = Date.now) {
  // rumlet's own sends are not the page reacting.
  const own = endpoint && new URL(endpoint, document.baseURI).href
  const pending: Pending[] = []
  const recent: { time: number; x: number; y: number; click: Pending }[] = []
  const mark = (click: Pending, kind: string) => {
    const kinds = (click.event.frustration ||= [])
    if (!kinds.includes(kind)) kinds.push(kind)
  }
  // Anything the page does in reply counts as a reaction to the clicks waiting.
  const react = () => pending.forEach((click) => (click.reacted = true))
  const fail = () => pending.forEach((click) => mark(click, 'error'))
  // The DOM is watched only while clicks wait: pages that change it all the time pay nothing else.
  const dom = typeof MutationObserver === 'function' ? new MutationObserver(react) : undefined
  const settle = (click: Pending) => {
    clearTimeout(click.timer)
    pending.splice(pending.indexOf(click), 1)
    if (!pending.length && dom) dom.disconnect()
    if (click.live && !click.reacted) mark(click, 'dead')
    emit(click.event, click.time)
  }
  if (typeof PerformanceObserver === 'function')
    try {
      new PerformanceObserver((list) => list.getEntries().some((entry) => !own || !entry.name.startsWith(own)) && react()).observe({
        type: 'resource',
      })
    } catch {}
  for (const type of ['popstate', 'hashchange', 'pagehide']) addEventListener(type, react, true)
  // Bubbling only: a failed image or script load is not an uncaught error.
  addEventListener('error', fail)
  addEventListener('unhandledrejection', fail)

  addEventListener(
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
      while (recent.length && time - recent[0].time >= limits.window) recent.shift()
      recent.push({ time, x: click.x, y: click.y, click })
      const near = recent.filter((other) => Math.hypot(other.x - click.x, other.y - click.y) <= limits.distance)
      pending.push(click)
      if (near.length >= limits.rageClicks) near.forEach((other) => pending.includes(other.click) && mark(other.click, 'rage'))
      if (dom && pending.length === 1) dom.observe(document, { subtree: true, childList: true, attributes: true, characterData: true })
      click.timer = setTimeout(guard(() => settle(click)), limits.window)
    }),
    // Capture: a page's stopPropagation does not hide its clicks.
    true,
  )

  /** Records the clicks still waiting (the page is being hidden). */
  return () => pending.slice().forEach(settle)
}
