/** Selectors longer than this are cut at an ancestor: enough to find the element, not a path. */
const MAX = 100

// An id or class as a selector needs it (`w-1/2`, `md:flex`, `1hero`).
const escape = (name: string) => (typeof CSS === 'object' && CSS.escape ? CSS.escape(name) : name)

/**
 * A short CSS selector of an element, for attributing a vital to it: `tag.class` parts joined
 * with `>`, from the element up to the nearest ancestor with an id (`tag#id`) or until it would
 * pass 100 characters. Empty for no element (it may have left the DOM).
 */
export function selectorOf(node: Node | null | undefined): string {
  let selector = ''
  while (node && node.nodeType === 1) {
    const element = node as Element
    const name = element.nodeName.toLowerCase()
    const part = element.id
      ? `${name}#${escape(element.id)}`
      : name + Array.from(element.classList, (name) => `.${escape(name)}`).join('')
    if (selector && selector.length + part.length + 1 > MAX) break
    selector = selector ? `${part}>${selector}` : part.slice(0, MAX)
    if (element.id || name === 'html') break
    node = element.parentNode
  }
  return selector
}
