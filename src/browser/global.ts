// The script-tag build: the one module that runs when it loads. It defines `window.rum`, replays
// the calls the page queued in `rum.q` before the bundle came (see loader.ts), and, when its own
// <script> element carries `data-endpoint`, starts from that element's `data-*` options.
import * as api from './index'
import { thrown } from './capture/errors'
import { readDataset } from './config'
import type { RumOptions } from './config'
import { guard } from './lib/guard'
import { at } from './lib/now'

type Method = (...args: unknown[]) => unknown
/**
 * One queued call: a method name, its arguments, when it was made (epoch ms), and the handle
 * the loader's stub returned (startAction's, which gets the real `end` and `fail`) or the handle
 * an `end` or `fail` belongs to.
 */
type Queued = [name: string, args: ArrayLike<unknown>, time?: number, handle?: Record<string, Method>]

const script = document.currentScript as HTMLScriptElement | null
const stub = (window as unknown as { rum?: { q?: unknown } }).rum
;(window as unknown as { rum: typeof api }).rum = { ...api }

const replay = guard(([name, args, time, handle]: Queued) =>
  at(time, () => {
    const list = Array.from(args)
    const method = (api as unknown as Record<string, Method>)[name]
    // An error the loader caught before the bundle came.
    if (name === '_early') api.trackError(thrown(list[0] as ErrorEvent), undefined, (list[0] as Event).type)
    else if (method) {
      const result = method(...list)
      if (name === 'startAction') Object.assign(handle!, result)
    } else if (name === 'end' || name === 'fail') handle![name](...list)
  }),
)
// A copy: a stub handle whose action never started would push onto the queue being read.
if (stub && Array.isArray(stub.q)) stub.q.slice().forEach(replay)
if (script && script.dataset.endpoint) api.init(readDataset(script.dataset) as unknown as RumOptions)
