import { median } from './median.mjs'

/** A number of ms with its sign, one decimal: `+4.4`, `−3.5`; `—` for undefined. */
export const signed = (v) => (v === undefined ? '—' : `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(1)}`)

/**
 * Per-round differences (ms) as the benches print them: their median, then the smallest and
 * largest when there are several: `+4.4 (−3.5 … +15.0)`.
 */
export const deltaText = (values) =>
  `${signed(median(values))}${values.length > 1 ? ` (${signed(Math.min(...values))} … ${signed(Math.max(...values))})` : ''}`
