/** What h() takes as children: nodes, text (always as text, never parsed as HTML), or nothing. */
export type Child = Node | string | number | null | undefined | false

/**
 * Makes an element: `h('td', { class: 'n' }, 'text', node)`. Attributes go through
 * setAttribute and children in as text nodes, so text from pages (an error message holding
 * `<img onerror>`) stays text; no `style` attribute (the page's CSP refuses inline styles: set
 * `element.style` properties instead).
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes?: Record<string, string | undefined> | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes ?? {})) if (value !== undefined) element.setAttribute(name, value)
  for (const child of children) if (child != null && child !== false) element.append(child instanceof Node ? child : String(child))
  return element
}
