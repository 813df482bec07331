/** The baseline: the same page and scenario without any SDK (benchAction stays a no-op). */
export const none = {
  id: 'none',
  name: 'no SDK (baseline)',
  files: {},
  head: () => '',
  decode: () => [],
}
