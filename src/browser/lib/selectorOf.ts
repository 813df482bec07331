/** Selectors longer than this are cut at an ancestor: enough to find the element, not a path. */
const MAX = 100

// An id or class as a selector needs it (`w-1/2`, `md:flex`, `1hero`).
const escape = (name: string) => (typeof CSS === 'object' && CSS.escape ? CSS.escape(name) : name)

/**
 * A short CSS selector of an element, for attributing a vital to it: `tag.class` parts joined
 * with `>`, from the element up to the nearest ancestor with an id (`tag#id`) or until it would
 * pass 100 characters. Empty for no element (it may have left the DOM).
 *
 * The id and classes are read as attributes: a form's fields shadow its properties (with
 * `<input name="id">`, the everyday edit form, `form.id` is that input; HTML's
 * [LegacyOverrideBuiltIns]), and a page may replace `Array.from` (Prototype.js sets it to its
 * own `$A`, which ignores a map function). Classes are split at HTML's ASCII whitespace only (a
 * no-break space belongs to the class name).
 */
export function selectorOf(node: Node | null | undefined): string {
  let selector = ''
  while (node && node.nodeType === 1) {
    const element = node as Element
    const name = element.nodeName.toLowerCase()
    const id = element.getAttribute('id')
    let part = name
    if (id) part += `#${escape(id)}`
    else for (const token of (element.getAttribute('class') || '').split(/[ \t\n\f\r]+/)) if (token) part += `.${escape(token)}`
    if (selector && selector.length + part.length + 1 > MAX) break
    selector = selector ? `${part}>${selector}` : part.slice(0, MAX)
    if (id || name === 'html') break
    node = element.parentNode
  }
  return selector
}
