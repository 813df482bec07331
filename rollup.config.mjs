import { cpSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { builtinModules } from 'node:module'
import nodeResolve from '@rollup/plugin-node-resolve'
import replace from '@rollup/plugin-replace'
import terser from '@rollup/plugin-terser'
import typescript from '@rollup/plugin-typescript'

const { version } = JSON.parse(readFileSync('package.json', 'utf8'))

// The attribution builds take web-vitals' attribution build wherever the code says 'web-vitals'.
const attribution = {
  name: 'web-vitals-attribution',
  resolveId(id, importer) {
    if (id === 'web-vitals') return this.resolve('web-vitals/attribution', importer, { skipSelf: true })
  },
}

const plugins = () => [
  replace({ preventAssignment: true, values: { __VERSION__: JSON.stringify(version) } }),
  nodeResolve({ browser: true }),
  typescript({ tsconfig: './tsconfig.json', compilerOptions: { noEmit: false, declaration: false } }),
]

// What packages/collector serves besides its own code: the snippet builds (made by the configs
// above, which rollup runs first) and the demo pages.
const copyForPackage = {
  name: 'copy-for-package',
  writeBundle() {
    for (const file of readdirSync('dist')) if (/^rumlet(\.attribution)?\.m?js(\.map)?$/.test(file)) cpSync(join('dist', file), join('packages/collector/dist', file))
    cpSync('demo', 'packages/collector/demo', { recursive: true })
  },
}

// Properties starting with `_` are private and get short names, as in web-vitals.
const minify = () =>
  terser({ ecma: 2020, module: true, compress: { passes: 2 }, mangle: { properties: { regex: /^_/ } } })

export default [
  // Script-tag build: defines window.rum and starts itself from data-* attributes.
  {
    input: 'src/browser/global.ts',
    output: { file: 'dist/rumlet.js', format: 'iife', sourcemap: true, plugins: [minify()] },
    plugins: plugins(),
  },
  // Both again with web-vitals' attribution breakdowns (`rumlet/attribution`).
  {
    input: 'src/browser/globalAttribution.ts',
    output: { file: 'dist/rumlet.attribution.js', format: 'iife', sourcemap: true, plugins: [minify()] },
    plugins: [attribution, ...plugins()],
  },
  {
    input: 'src/browser/attribution.ts',
    output: { file: 'dist/rumlet.attribution.mjs', format: 'es', sourcemap: true },
    plugins: [attribution, ...plugins()],
  },
  // The inline loader: pasted into pages, so no source map comment and as small as it gets.
  {
    input: 'src/browser/loader.ts',
    output: { file: 'dist/loader.js', format: 'iife', plugins: [minify()] },
    plugins: plugins(),
  },
  // ESM for bundlers: named exports, nothing runs at import, left readable for the app's minifier.
  {
    input: 'src/browser/index.ts',
    output: { file: 'dist/rumlet.mjs', format: 'es', sourcemap: true },
    plugins: plugins(),
  },
  // The collector: Node. Its dependencies (DuckDB, Hono, valibot…) stay packages of their own,
  // installed with the rumlet-collector package (packages/collector). Built twice: dist/collector.js
  // runs from this checkout, packages/collector/dist/collector.js is what that package publishes,
  // beside copies of the snippet it serves and the demo.
  {
    input: 'src/collector/cli.ts',
    output: [
      { file: 'dist/collector.js', format: 'es', sourcemap: true, banner: '#!/usr/bin/env node' },
      { file: 'packages/collector/dist/collector.js', format: 'es', sourcemap: true, banner: '#!/usr/bin/env node', plugins: [copyForPackage] },
    ],
    external: (id) => builtinModules.includes(id) || /^(node:|@?[a-z])/.test(id),
    plugins: [
      replace({ preventAssignment: true, values: { __VERSION__: JSON.stringify(version) } }),
      typescript({ tsconfig: './tsconfig.json', compilerOptions: { noEmit: false, declaration: false } }),
    ],
  },
]
