import { cpSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { builtinModules, createRequire } from 'node:module'
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

// `debug`: whether the build keeps rumlet's console messages (see src/browser/lib/warn.ts).
const plugins = (debug) => [
  replace({ preventAssignment: true, values: { __VERSION__: JSON.stringify(version), __DEBUG__: String(debug) } }),
  nodeResolve({ browser: true }),
  typescript({ tsconfig: './tsconfig.json', compilerOptions: { noEmit: false, declaration: false } }),
]

// What packages/collector serves besides its own code: the snippet builds (made by the configs
// above, which rollup runs first) and the demo pages.
const copyForPackage = {
  name: 'copy-for-package',
  writeBundle() {
    for (const file of readdirSync('dist')) if (/^rumlet(\.[a-z]+)?\.m?js(\.map)?$/.test(file)) cpSync(join('dist', file), join('packages/collector/dist', file))
    cpSync('demo', 'packages/collector/demo', { recursive: true })
  },
}

// Properties starting with `_` are private and get short names, as in web-vitals.
const minify = (preamble) =>
  terser({ ecma: 2020, module: true, compress: { passes: 2 }, mangle: { properties: { regex: /^_/ } }, format: { preamble } })

// V8's explicit compile hint (Chrome 136+, https://v8.dev/blog/explicit-compile-hints): with this
// comment first in the file, V8 compiles every function of the script eagerly, on the thread that
// streams the script in, instead of each on the main thread at its first call. Nearly all of a
// script-tag build runs during the load (the capture, the pipeline, web-vitals), and its lazy
// compiles were half of the script's evaluation task: 22 of 47 ms of CPU at 4× CPU throttling
// (bench/RESULTS.md). Other browsers read it as a comment.
const COMPILE_HINT = '//# allFunctionsCalledOnLoad'

// A script-tag file: minified, self-contained, with a source map.
const script = (input, file, { debug = false, extra = [] } = {}) => ({
  input,
  output: { file, format: 'iife', sourcemap: true, plugins: [minify(COMPILE_HINT)] },
  plugins: [...extra, ...plugins(debug)],
})

// The dashboard's files beside its script: the HTML shell, the favicon, and one stylesheet, uPlot's
// own rules first, then the dashboard's (src/collector/dashboard/dashboard.css).
const dashboardFolder = 'src/collector/dashboard'
const uplotCss = join(createRequire(import.meta.url).resolve('uplot'), '../uPlot.min.css')
const dashboardAssets = {
  name: 'dashboard-assets',
  buildStart() {
    for (const file of ['index.html', 'favicon.svg', 'dashboard.css']) this.addWatchFile(join(dashboardFolder, file))
  },
  generateBundle() {
    const css = `${readFileSync(uplotCss, 'utf8').trim()}\n${readFileSync(join(dashboardFolder, 'dashboard.css'), 'utf8')}`
    this.emitFile({ type: 'asset', fileName: 'dashboard.css', source: css })
    for (const file of ['index.html', 'favicon.svg']) this.emitFile({ type: 'asset', fileName: file, source: readFileSync(join(dashboardFolder, file)) })
  },
}
// The dashboard's script: its own code and uPlot in one minified file. No property mangling:
// uPlot's option objects are read by name.
const dashboardScript = (file) => ({ file, format: 'iife', sourcemap: true, plugins: [terser({ ecma: 2020, compress: { passes: 2 } })] })

export default [
  // Script-tag builds: define window.rum and start from data-* attributes. No message text.
  script('src/browser/global.ts', 'dist/rumlet.js'),
  // The same with every message, for integrating (`debug: true` on rumlet.js points here).
  script('src/browser/global.ts', 'dist/rumlet.debug.js', { debug: true }),
  // With web-vitals' attribution breakdowns.
  script('src/browser/globalAttribution.ts', 'dist/rumlet.attribution.js', { extra: [attribution] }),
  // Opt-in modules as add-ons, loaded next to one of the above.
  script('src/browser/globalNetwork.ts', 'dist/rumlet.network.js'),
  script('src/browser/globalConsole.ts', 'dist/rumlet.console.js'),
  // The inline loader: pasted into pages, so no source map comment and as small as it gets.
  {
    input: 'src/browser/loader.ts',
    output: { file: 'dist/loader.js', format: 'iife', plugins: [minify()] },
    plugins: plugins(false),
  },
  // ESM for bundlers: named exports, nothing runs at import, every message kept and the code left
  // readable for the app's minifier. Each file stands alone (one file to copy, no relative import
  // to serve beside it): a module is a plugin that gets what it needs from `init`/`use`, so the
  // few helpers it shares with rumlet (guard, wrap) may be in two files without two rumlets.
  ...[
    ['src/browser/index.ts', 'dist/rumlet.mjs'],
    ['src/browser/network.ts', 'dist/rumlet.network.mjs'],
    ['src/browser/console.ts', 'dist/rumlet.console.mjs'],
  ].map(([input, file]) => ({ input, output: { file, format: 'es', sourcemap: true }, plugins: plugins(true) })),
  {
    input: 'src/browser/attribution.ts',
    output: { file: 'dist/rumlet.attribution.mjs', format: 'es', sourcemap: true },
    plugins: [attribution, ...plugins(true)],
  },
  // The dashboard the collector serves at / (dist/dashboard/, and the same in the package).
  {
    input: join(dashboardFolder, 'main.ts'),
    output: [dashboardScript('dist/dashboard/dashboard.js'), dashboardScript('packages/collector/dist/dashboard/dashboard.js')],
    plugins: [dashboardAssets, nodeResolve({ browser: true }), typescript({ tsconfig: './tsconfig.json', compilerOptions: { noEmit: false, declaration: false } })],
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
