/** Controls whose text names them, and that a click is expected to act on. */
export const CONTROLS = 'button,summary,[role=button],[role=link],[role=menuitem],[role=tab]'
/** What a click means: the element a user meant to press, not the icon inside it. */
export const ACTIONABLE = `a,input,select,textarea,label,[role=checkbox],[role=option],[data-rum-action],${CONTROLS}`
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
  const attribute = (name: string) => element.getAttribute(name)
  return (
    by('data-rum-action', named && named.getAttribute('data-rum-action')) ||
    (element.closest('[data-rum-private]')
      ? { name: '[private]', rule: 'private' as const }
      : by('aria-label', attribute('aria-label')) ||
        by(
          'aria-labelledby',
          (attribute('aria-labelledby') || '')
            .split(/\s+/)
            .map((id) => id && document.getElementById(id)?.textContent)
            .join(' '),
        ) ||
        by('label', (element as HTMLInputElement).labels?.[0]?.textContent) ||
        by('text', element.matches('a,' + CONTROLS) ? element.textContent : '') ||
        by('title', attribute('title')) ||
        by('alt', attribute('alt') || element.querySelector('img[alt]')?.getAttribute('alt')) || {
          name: element.nodeName.toLowerCase() + (element.id ? `#${element.id}` : ''),
          rule: 'tag' as const,
        })
  )
}
