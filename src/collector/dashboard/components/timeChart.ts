import uPlot from 'uplot'
import { h } from '../lib/h'
import type { Mount } from './mount'

/** One line (or bars) of a chart: a value per bucket, null where nothing was measured. */
export interface Series {
  label: string
  values: (number | null)[]
  /** A CSS colour. */
  color: string
  bars?: boolean
}

/** A chart over time: bucket starts (epoch ms) on x, the series on y. */
export interface TimeChartOptions {
  title: string
  /** Bucket starts, epoch ms, ascending: one per value of each series. */
  times: number[]
  series: Series[]
  /** How a y value reads in the legend. */
  format: (value: number) => string
  /** How a y value reads on the axis (default: format). */
  axisFormat?: (value: number) => string
  /** Whether y values are counts: the axis then steps by whole numbers. */
  integer?: boolean
  /** Horizontal lines, such as a vital's good and poor thresholds. */
  thresholds?: { value: number; color: string }[]
  /** Vertical lines with a label, such as the first event of each release (epoch ms). */
  markers?: { time: number; label: string }[]
  /** The x range, epoch ms: the selected time range, so that gaps show as gaps. */
  range: [number, number]
}

/** Values of `rows` (each with `start`, epoch ms) on `times`, null for a bucket without a row. */
export function alignTo<T extends { start: number }>(times: number[], rows: T[], value: (row: T) => number | null): (number | null)[] {
  const byStart = new Map(rows.map((row) => [row.start, value(row)]))
  return times.map((time) => byStart.get(time) ?? null)
}

/**
 * Where uPlot hides a line's points (they are too dense), the indices of values with no value on
 * either side: a line has no segment there, and without a point they would not show at all
 * (a day of 96 buckets with traffic in one of them).
 */
function isolatedPoints(u: uPlot, seriesIndex: number, show: boolean): number[] | null {
  if (show) return null
  const values = u.data[seriesIndex] as (number | null | undefined)[]
  const alone = []
  for (let i = 0; i < values.length; i++) if (values[i] != null && values[i - 1] == null && values[i + 1] == null) alone.push(i)
  return alone
}

/** Axis steps of a count: 1, 2, 5, 10, 20, 50… */
const INTEGER_STEPS = Array.from({ length: 24 }, (_, i) => [1, 2, 5][i % 3] * 10 ** Math.floor(i / 3))

// Thresholds and release markers, drawn on uPlot's canvas after the series (its `draw` hook).
function drawOverlays(options: TimeChartOptions) {
  return (u: uPlot) => {
    const { ctx, bbox } = u
    const ratio = uPlot.pxRatio
    ctx.save()
    ctx.lineWidth = ratio
    ctx.setLineDash([5 * ratio, 4 * ratio])
    for (const { value, color } of options.thresholds ?? []) {
      const y = u.valToPos(value, 'y', true)
      if (y < bbox.top || y > bbox.top + bbox.height) continue
      ctx.strokeStyle = color
      ctx.beginPath()
      ctx.moveTo(bbox.left, y)
      ctx.lineTo(bbox.left + bbox.width, y)
      ctx.stroke()
    }
    ctx.strokeStyle = '#7a56d6'
    ctx.fillStyle = '#5b3cc4'
    ctx.font = `${11 * ratio}px system-ui, sans-serif`
    for (const { time, label } of options.markers ?? []) {
      const x = u.valToPos(time, 'x', true)
      if (x < bbox.left || x > bbox.left + bbox.width) continue
      ctx.beginPath()
      ctx.moveTo(x, bbox.top)
      ctx.lineTo(x, bbox.top + bbox.height)
      ctx.stroke()
      ctx.fillText(label, x + 3 * ratio, bbox.top + 11 * ratio)
    }
    ctx.restore()
  }
}

/**
 * A panel with a uPlot chart (https://github.com/leeoniya/uPlot), drawn once the panel is in the
 * page (its width is the panel's). Its canvas carries `data-chart` with the title.
 */
export function timeChart(mount: Mount, options: TimeChartOptions): HTMLElement {
  const target = h('div', { class: 'chart', 'data-chart': options.title })
  const panel = h('section', { class: 'panel' }, h('h3', null, options.title), target)
  mount((charts) => {
    const highest = Math.max(0, ...options.series.flatMap((s) => s.values.filter((v): v is number => v != null)), ...(options.thresholds ?? []).map((t) => t.value))
    const plot = new uPlot(
      {
        width: Math.max(280, target.clientWidth),
        height: 200,
        ms: 1,
        series: [
          {},
          ...options.series.map((s) => ({
            label: s.label,
            stroke: s.color,
            fill: s.bars ? s.color : undefined,
            width: s.bars ? 0 : 2,
            paths: s.bars ? uPlot.paths.bars!({ size: [0.7, 40] }) : undefined,
            points: s.bars ? { show: false } : { filter: isolatedPoints, size: 7, fill: s.color },
            value: (_u: uPlot, v: number | null) => (v == null ? '–' : options.format(v)),
          })),
        ],
        scales: { x: { time: true, range: () => options.range }, y: { range: () => [0, highest ? highest * 1.1 : 1] } },
        axes: [{}, { size: 64, values: (_u, splits) => splits.map(options.axisFormat ?? options.format), incrs: options.integer ? INTEGER_STEPS : undefined }],
        hooks: { draw: [drawOverlays(options)] },
      },
      [options.times, ...options.series.map((s) => s.values)] as uPlot.AlignedData,
      target,
    )
    charts.push(plot)
  })
  return panel
}
