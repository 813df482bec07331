import { selectorOf } from '../lib/selectorOf'

/** Controls whose text names them (their accessible name comes from their content), and that a click is expected to act on. */
export const CONTROLS = 'button,summary,[role=button],[role=link],[role=menuitem],[role=tab]'
/** What a click means: the element a user meant to press, not the icon inside it. */
export const ACTIONABLE = `a,input,select,textarea,label,[role=checkbox],[role=option],[data-rum-action],${CONTROLS}`
const MAX = 64

/** How an action got its name: the rule of the chain that produced it. */
export interface ActionName {
  name: string
  rule: 'data-rum-action' | 'aria-label' | 'aria-labelledby' | 'label' | 'text' | 'title' | 'alt' | 'selector' | 'private'
}

const clean = (text: string | null | undefined) => (text || '').replace(/\s+/g, ' ').trim().slice(0, MAX)

/**
 * `element.closest(selector)`, continued from each shadow root to its host: `closest` alone stops
 * at the root, and what a page puts around a web component (`data-rum-private`, a link) holds
 * for what is inside it too.
 */
export const closest = (element: Element | undefined, selector: string): Element | null | undefined =>
  element && (element.closest(selector) || closest((element.getRootNode() as ShadowRoot).host, selector))

/**
 * Names a clicked element (the one clicked, inside open shadow roots too), by the first rule
 * that gives a name: `data-rum-action` on it or an ancestor; then, of the element meant (the
 * link, button or field around what was clicked, else the element itself): `aria-label`;
 * `aria-labelledby`; the label of a form control; the text of a link or button; `title`; `alt`,
 * its own, or of an image inside a link or button; at last its selector (`selectorOf`, the same
 * as the click's `target`). Only a link's or button's content names it (that is how it is named
 * to a screen reader): the text or an image's alt found inside a container is page content, not
 * the name of what was clicked. Never an input's value. Inside `data-rum-private` only
 * `data-rum-action` is used (else the name is `[private]`); inside `data-rum-ignore` there is no
 * name, and no action. Ancestors are looked for across shadow roots.
 */
export function nameOf(target: Element): ActionName | undefined {
  if (closest(target, '[data-rum-ignore]')) return
  const element = closest(target, ACTIONABLE) || target
  const named = closest(target, '[data-rum-action]')
  const content = element.matches('a,' + CONTROLS)
  const by = (rule: ActionName['rule'], text: string | null | undefined) => {
    const name = clean(text)
    return name ? { name, rule } : undefined
  }
  const attribute = (name: string) => element.getAttribute(name)
  // aria-labelledby names ids of the element's own tree (its shadow root, or the document).
  const root = element.getRootNode() as Document
  return (
    by('data-rum-action', named && named.getAttribute('data-rum-action')) ||
    (closest(element, '[data-rum-private]')
      ? { name: '[private]', rule: 'private' as const }
      : by('aria-label', attribute('aria-label')) ||
        by(
          'aria-labelledby',
          (attribute('aria-labelledby') || '')
            .split(/\s+/)
            .map((id) => id && root.getElementById?.(id)?.textContent)
            .join(' '),
        ) ||
        by('label', (element as HTMLInputElement).labels?.[0]?.textContent) ||
        by('text', content ? element.textContent : '') ||
        by('title', attribute('title')) ||
        by('alt', attribute('alt') || (content ? element.querySelector<HTMLImageElement>('img[alt]')?.alt : '')) || {
          name: selectorOf(element),
          rule: 'selector' as const,
        })
  )
}
