import type { ActionEvent } from '../../wire'
import { guard } from '../lib/guard'
import { selectorOf } from '../lib/selectorOf'
import type { Emit } from '../types'

/** What a click means: the element a user meant to press, not the icon inside it. */
const ACTIONABLE =
  'a,button,input,select,textarea,label,summary,[role=button],[role=link],[role=menuitem],[role=tab],[role=checkbox],[role=option],[data-rum-action]'
const MAX = 64

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

/** Records each click as an `action` named by `nameOf`, with the clicked element's selector. */
export function startClicks(emit: Emit): void {
  addEventListener(
    'click',
    guard((event: MouseEvent) => {
      const target = event.target
      if (!(target instanceof Element)) return
      const named = nameOf(target)
      if (named)
        emit<ActionEvent>({ type: 'action', name: named.name, duration: 0, ok: true, source: 'click', target: selectorOf(target.closest(ACTIONABLE) || target) })
    }),
    // Capture: a page's stopPropagation does not hide its clicks.
    true,
  )
}
