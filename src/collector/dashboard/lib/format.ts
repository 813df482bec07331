// How numbers, times and durations read on the dashboard (English number formatting).

/** A count: `12,480`; `–` for none. */
export const formatCount = (n: number | null | undefined) => (n == null ? '–' : Math.round(n).toLocaleString('en'))

/** A share (0–1) as a percentage: `2.5 %`. */
export const formatPercent = (share: number | null | undefined, digits = 1) => (share == null ? '–' : `${+(share * 100).toFixed(digits)} %`)

/** A duration in ms: `850 ms`, `4.2 s`, `3 min 5 s`, `2 h 10 min`. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms == null) return '–'
  if (ms < 1000) return `${Math.round(ms)} ms`
  if (ms < 60_000) return `${+(ms / 1000).toFixed(1)} s`
  if (ms < 3_600_000) return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`
  return `${Math.floor(ms / 3_600_000)} h ${Math.round((ms % 3_600_000) / 60_000)} min`
}

/** An epoch-ms time in the viewer's time zone: `2026-12-01 14:05:09`. */
export function formatTime(ms: number | null | undefined): string {
  if (ms == null) return '–'
  const d = new Date(ms)
  const two = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`
}

/** A time span written as the alert file writes it: `15 min`, `6 h`, `28 d`. */
export function formatSpan(ms: number): string {
  if (ms % 86_400_000 === 0) return `${ms / 86_400_000} d`
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000} h`
  if (ms % 60_000 === 0) return `${ms / 60_000} min`
  return `${ms / 1000} s`
}
