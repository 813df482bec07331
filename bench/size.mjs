// Where the bytes of dist/rumlet.js go: the script-tag build, built again with each dependency,
// then each capture module that could leave the default build, replaced by an empty one, gzip -9.
// The difference is what that part costs inside the bundle (minified with the rest, so a little
// less than on its own).
//   node bench/size.mjs
import { gzipSync } from 'node:zlib'
import { rollup } from 'rollup'
import nodeResolve from '@rollup/plugin-node-resolve'
import replace from '@rollup/plugin-replace'
import terser from '@rollup/plugin-terser'
import typescript from '@rollup/plugin-typescript'

const EMPTY = {
  'web-vitals': 'export const onLCP = () => {}, onINP = () => {}, onCLS = () => {}, onFCP = () => {}, onTTFB = () => {}',
  'idb-keyval': 'export const createStore = () => {}, promisifyRequest = () => {}',
  // Our own modules, by the path they are imported with.
  './capture/network': 'export const startNetwork = () => undefined',
  './capture/clicks': 'export const startClicks = () => () => {}, nameOf = () => undefined',
  './capture/errors': 'export const startErrors = () => {}, startConsole = () => {}, thrown = (e) => e',
}

async function build(without = []) {
  const stub = {
    name: 'empty',
    resolveId: (id) => (without.includes(id) ? `\0empty:${id}` : null),
    load: (id) => (id.startsWith('\0empty:') ? EMPTY[id.slice(7)] : null),
  }
  const bundle = await rollup({
    input: 'src/browser/global.ts',
    onwarn: () => {},
    plugins: [
      stub,
      replace({ preventAssignment: true, values: { __VERSION__: '"0.0.0"' } }),
      nodeResolve({ browser: true }),
      typescript({ tsconfig: './tsconfig.json', compilerOptions: { noEmit: false, declaration: false } }),
    ],
  })
  const { output } = await bundle.generate({
    format: 'iife',
    plugins: [terser({ ecma: 2020, module: true, compress: { passes: 2 }, mangle: { properties: { regex: /^_/ } } })],
  })
  return gzipSync(output[0].code, { level: 9 }).length
}

const all = await build()
const noVitals = await build(['web-vitals'])
const noIdb = await build(['idb-keyval'])
const own = await build(['web-vitals', 'idb-keyval'])
console.log('| part | bytes, gzip -9 |')
console.log('| --- | ---: |')
console.log(`| dist/rumlet.js, all of it | ${all.toLocaleString('en')} |`)
console.log(`| web-vitals (onLCP, onINP, onCLS, onFCP, onTTFB) | ${(all - noVitals).toLocaleString('en')} |`)
console.log(`| idb-keyval (createStore, promisifyRequest) | ${(all - noIdb).toLocaleString('en')} |`)
console.log(`| rumlet's own code | ${own.toLocaleString('en')} |`)
// Parts of our own code a smaller default build could leave to an entry of its own.
const parts = {
  './capture/network': 'of which network timing and trace propagation (`trackNetwork`, off by default)',
  './capture/clicks': 'of which click actions: naming and frustration signals',
  './capture/errors': 'of which capturing uncaught errors and `console.error`',
}
for (const [module, what] of Object.entries(parts)) console.log(`| ${what} | ${(all - (await build([module]))).toLocaleString('en')} |`)
