import { selectorOf } from '../lib/selectorOf'

/** Controls whose text names them (their accessible name comes from their content), and that a click is expected to act on. */
export const CONTROLS = 'button,summary,[role=button],[role=link],[role=menuitem],[role=tab]'
/** What a click means: the element a user meant to press, not the icon inside it. */
export const ACTIONABLE = `a,input,select,textarea,label,[role=checkbox],[role=option],[data-rum-action],${CONTROLS}`
const MAX = 64
// Content that is not read out as a name (WAI-ARIA's accessible name computation skips hidden
// nodes; a style sheet is not text) or that the page marked personal.
const UNREAD = 'style,script,noscript,[hidden],[aria-hidden=true],[data-rum-private]'

/** How an action got its name: the rule of the chain that produced it. */
export interface ActionName {
  name: string
  rule: 'data-rum-action' | 'aria-label' | 'aria-labelledby' | 'label' | 'text' | 'title' | 'alt' | 'selector' | 'private'
}

const clean = (text: string | null | undefined) => (text || '').replace(/\s+/g, ' ').trim().slice(0, MAX)

/**
 * The text of `element`'s content as it is rendered, enough of it for a name: through open
 * shadow roots and the light-DOM content slotted in them, without the content of `UNREAD`
 * elements. Bounded, as a click must not wait for it: at most 1,000 nodes, each text cut at
 * 1,024 characters, and no more once 1,024 are found (a name keeps 64; `textContent` of a button
 * with megabytes of text took 574 ms in Chromium).
 */
const textOf = (element: Element | null | undefined) => {
  let text = ''
  let nodes = 1000
  const walk = (node: Node) => {
    if (node.nodeType === 3) text += (node as Text).data.slice(0, 1024)
    const assigned = (node as HTMLSlotElement).assignedNodes?.()
    const children = assigned && assigned.length ? assigned : ((node as Element).shadowRoot || node).childNodes
    for (let i = 0; i < children.length && text.length < 1024 && nodes-- > 0; i++)
      if (!(children[i] as Element).matches?.(UNREAD)) walk(children[i])
  }
  if (element) walk(element)
  return text
}

/**
 * The node and its ancestors, from each shadow root on to its host: the elements a click on
 * `node` passes through (what its `composedPath()` holds, for open roots).
 */
const pathOf = (node: Node | null | undefined): Node[] => (node ? [node, ...pathOf(node.parentNode || (node as ShadowRoot).host)] : [])

/** The first element of `path` (an element, then its ancestors) that matches `selector`. */
export const closest = (path: EventTarget[], selector: string) => path.find((node) => (node as Element).matches?.(selector)) as Element | undefined

/**
 * Names a clicked element (the one clicked, inside open shadow roots too), by the first rule
 * that gives a name: `data-rum-action` on it or an ancestor; then, of the element meant (the
 * link, button, label or field around what was clicked, else the element itself): `aria-label`;
 * `aria-labelledby`; the label of a form control; the text of a link, button or label; `title`;
 * `alt`, its own, or of an image inside a link or button; at last its selector (`selectorOf`,
 * the same as the click's `target`). Only a link's, button's or label's content names it (that
 * is how it is named to a screen reader): the text or an image's alt found inside a container
 * is page content, not the name of what was clicked. Text is read as rendered (`textOf`). Never
 * an input's value. Inside `data-rum-private` only `data-rum-action` is used (else the name is
 * `[private]`); inside `data-rum-ignore` there is no name, and no action. Ancestors are those of
 * `path` (default: the element's, across shadow roots): a click's `composedPath()`, which still
 * holds them when the page's own listener took the element out of the document before rumlet's.
 */
export function nameOf(target: Element, path: EventTarget[] = pathOf(target)): ActionName | undefined {
  if (closest(path, '[data-rum-ignore]')) return
  const element = closest(path, ACTIONABLE) || target
  const named = closest(path, '[data-rum-action]')
  const content = element.matches('a,label,' + CONTROLS)
  const by = (rule: ActionName['rule'], text: string | null | undefined) => {
    const name = clean(text)
    return name ? { name, rule } : undefined
  }
  const attribute = (name: string) => element.getAttribute(name)
  // aria-labelledby names ids of the element's own tree (its shadow root, or the document).
  const root = element.getRootNode() as Document
  return (
    by('data-rum-action', named && named.getAttribute('data-rum-action')) ||
    (closest(path, '[data-rum-private]')
      ? { name: '[private]', rule: 'private' as const }
      : by('aria-label', attribute('aria-label')) ||
        by(
          'aria-labelledby',
          (attribute('aria-labelledby') || '')
            .split(/\s+/)
            .map((id) => id && textOf(root.getElementById?.(id)))
            .join(' '),
        ) ||
        by('label', textOf((element as HTMLInputElement).labels?.[0])) ||
        by('text', content ? textOf(element) : '') ||
        by('title', attribute('title')) ||
        by('alt', attribute('alt') || (content ? element.querySelector<HTMLImageElement>('img[alt]')?.alt : '')) || {
          name: selectorOf(element),
          rule: 'selector' as const,
        })
  )
}
