// Where the bytes of dist/rumlet.js go: the script-tag build, built again with each dependency
// replaced by an empty module, gzip -9. The difference is what that dependency costs inside the
// bundle (minified with the rest, so a little less than on its own).
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
