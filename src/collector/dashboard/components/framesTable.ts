import type { Frame } from '../lib/apiTypes'
import { h } from '../lib/h'

const place = (file?: string, line?: number, column?: number) => [file ?? '?', line, column].filter((part) => part !== undefined).join(':')

/** A stack's frames after source-map resolution, innermost first, each with the minified place it came from. */
export function framesTable(frames: Frame[] | null): HTMLElement {
  if (!frames?.length) return h('p', { class: 'empty' }, 'No frame could be read from this stack.')
  const rows = frames.map((f) =>
    h('tr', null,
      h('td', { class: 'text' }, f.function ?? h('span', { class: 'muted' }, 'anonymous')),
      h('td', { class: 'text' }, place(f.file, f.line, f.column)),
      h('td', { class: 'text muted' }, f.minified ? place(f.minified.file, f.minified.line, f.minified.column) : '')),
  )
  return h('table', { class: 'frames' }, h('thead', null, h('tr', null, h('th', null, 'Function'), h('th', null, 'Source'), h('th', null, 'Minified'))), h('tbody', null, ...rows))
}
