import { readFile } from 'node:fs/promises'
import { resolve, sep } from 'node:path'
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping'
import { memoize } from './memoize'
import type { Frame } from './parseStack'

/** Source maps held in memory at once; the oldest loaded is let go first. */
const MAX_MAPS = 200

/**
 * Resolves minified stack frames with the source maps in `dir`, one folder per release:
 *
 *     DIR/<release>/<path of the script's URL>.map
 *
 * so `https://shop.example/assets/app.min.js` of release `1.4.2` is resolved with
 * `DIR/1.4.2/assets/app.min.js.map` (the origin and the query are not part of the path). A frame
 * without a map, or a release or path that would leave DIR, is kept as it is. Maps are read
 * asynchronously once and kept (MAX_MAPS at most); a missing map is remembered too.
 */
export function createSourceMaps(dir: string) {
  const root = resolve(dir)
  // Read once (a missing map too), whatever frame asks first.
  const read = memoize((path: string) => readFile(path, 'utf8').then((text) => new TraceMap(text), () => null), MAX_MAPS)

  const load = (release: string, file: string): Promise<TraceMap | null> => {
    // A release names one folder: no separators, not . or .. (it comes from the page).
    if (!/^[\w.+-]{1,128}$/.test(release) || /^\.+$/.test(release)) return Promise.resolve(null)
    const base = resolve(root, release) + sep
    let path: string
    try {
      path = resolve(base, '.' + decodeURIComponent(new URL(file).pathname) + '.map')
    } catch {
      return Promise.resolve(null)
    }
    if (!path.startsWith(base)) return Promise.resolve(null)
    return read(path)
  }

  /**
   * The frames with each one a map covers replaced by its original position. A frame's function
   * is named from the frame below it: a map names the identifier at a position, and at a call
   * site that is the function called (at the throw site it would be whatever was touched).
   */
  return async function resolveFrames(frames: Frame[], release: string | undefined): Promise<Frame[]> {
    if (!release || !frames.length) return frames
    const originals = await Promise.all(
      frames.map(async (frame) => {
        if (!frame.file || frame.line === undefined || frame.column === undefined) return undefined
        const map = await load(release, frame.file)
        // trace-mapping's lines are 1-based and its columns 0-based; browsers print both 1-based.
        const original = map && originalPositionFor(map, { line: frame.line, column: frame.column - 1 })
        return original?.source == null ? undefined : original
      }),
    )
    return frames.map((frame, i) => {
      const original = originals[i]
      if (!original) return frame
      return {
        function: originals[i + 1]?.name ?? frame.function,
        file: original.source!,
        line: original.line!,
        column: original.column! + 1,
        minified: { file: frame.file, line: frame.line, column: frame.column },
      }
    })
  }
}

export type ResolveFrames = ReturnType<typeof createSourceMaps>
