import { h, type Child } from '../lib/h'

/** A column: its header, how a row shows in it, and the value it sorts by (numbers sort numerically). */
export interface Column<T> {
  key: string
  label: string
  numeric?: boolean
  value: (row: T) => number | string | null
  cell?: (row: T) => Child
  /** A class for the cell, from the row (a rating colour). */
  className?: (row: T) => string | undefined
}

/**
 * A table sorted by `sort` (a column key) in `dir` (`asc`/`desc`); clicking a header calls
 * `onSort` with the new order (the dashboard puts it in the URL). Nulls sort last either way.
 */
export function sortableTable<T>(columns: Column<T>[], rows: T[], order: { sort?: string; dir?: string }, onSort: (sort: string, dir: string) => void, empty = 'Nothing recorded in this range.'): HTMLElement {
  if (!rows.length) return h('p', { class: 'empty' }, empty)
  const column = columns.find((c) => c.key === order.sort)
  const dir = order.dir === 'asc' ? 1 : -1
  const sorted = column
    ? [...rows].sort((a, b) => {
        const x = column.value(a)
        const y = column.value(b)
        if (x === y) return 0
        if (x === null) return 1
        if (y === null) return -1
        return (x < y ? -1 : 1) * dir
      })
    : rows
  const head = columns.map((c) => {
    const current = c.key === column?.key
    const button = h('button', { type: 'button' }, c.label)
    button.addEventListener('click', () => onSort(c.key, current && dir === -1 ? 'asc' : 'desc'))
    return h('th', { class: c.numeric ? 'n' : undefined, 'aria-sort': current ? (dir === 1 ? 'ascending' : 'descending') : undefined, 'data-column': c.key }, button)
  })
  const body = sorted.map((row) =>
    h('tr', null, ...columns.map((c) => h('td', { class: [c.numeric ? 'n' : '', c.className?.(row) ?? ''].join(' ').trim() || undefined }, c.cell ? c.cell(row) : String(c.value(row) ?? '–')))),
  )
  return h('table', null, h('thead', null, h('tr', null, ...head)), h('tbody', null, ...body))
}
