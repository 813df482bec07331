import type { Page } from '@playwright/test'

/**
 * Counts the pixels of a chart's canvas (`selector`) that are of one kind, worked out in the page:
 * - `series`: in the colour of a vital trend's p75 or p95 line (#2f6fde, #9db7e8): a series was
 *   drawn, not only the axes and grid (grey) and the thresholds (green, red) an empty chart has;
 * - `marker`: purple, more red than green and more blue than red (#7a56d6 lines and #5b3cc4
 *   labels, even blended with white by anti-aliasing): the release markers.
 */
export function chartPixels(page: Page, selector: string, kind: 'series' | 'marker'): Promise<number> {
  return page.locator(selector).evaluate((canvas: HTMLCanvasElement, kind) => {
    // Read from a copy made for reading: repeated reads of the chart's own canvas make Chromium
    // warn in the console, which the tests keep clean.
    const copy = document.createElement('canvas')
    copy.width = canvas.width
    copy.height = canvas.height
    const context = copy.getContext('2d', { willReadFrequently: true })!
    context.drawImage(canvas, 0, 0)
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height)
    const near = (i: number, rgb: number[]) => rgb.every((c, k) => Math.abs(data[i + k] - c) < 24) && data[i + 3] > 200
    const purple = (i: number) => data[i] - data[i + 1] > 10 && data[i + 2] - data[i] > 10 && data[i + 3] > 100
    let count = 0
    for (let i = 0; i < data.length; i += 4) {
      if (kind === 'series' ? near(i, [0x2f, 0x6f, 0xde]) || near(i, [0x9d, 0xb7, 0xe8]) : purple(i)) count++
    }
    return count
  }, kind)
}
