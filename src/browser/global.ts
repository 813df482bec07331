// The script-tag build: the one module that runs when it loads. It defines `window.rum` and, when
// its own <script> element carries `data-endpoint`, starts from that element's `data-*` options.
import * as api from './index'
import { readDataset } from './config'
import type { RumOptions } from './config'

const script = document.currentScript as HTMLScriptElement | null
;(window as unknown as { rum: typeof api }).rum = { ...api }
if (script && script.dataset.endpoint) api.init(readDataset(script.dataset) as unknown as RumOptions)
