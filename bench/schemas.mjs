// µs per event for valibot (the collector's schema), zod 4, TypeBox
// (compiled) and the hand-written validator of commit 9627755.
//   npm install --no-save zod@4 @sinclair/typebox@0.34 && node bench/schemas.mjs
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { rollup } from 'rollup'
import typescript from '@rollup/plugin-typescript'

// Outside node_modules, where the TypeScript plugin would not compile the old validator.
const cache = join('bench', 'cache')
mkdirSync(cache, { recursive: true })
const old = execFileSync('git', ['show', '9627755:src/collector/validateBatch.ts'], { encoding: 'utf8' }).replace("from '../wire'", "from '../../src/wire'")
writeFileSync(join(cache, 'oldValidate.ts'), old)
const bundle = await rollup({
  input: { validateBatch: 'src/collector/ingest/validateBatch.ts', oldValidate: join(cache, 'oldValidate.ts') },
  external: (id) => /^(node:|@?[a-z])/.test(id),
  onwarn: () => {},
  plugins: [typescript({ tsconfig: './tsconfig.json', include: ['src/**/*.ts', `${cache}/*.ts`], compilerOptions: { noEmit: false, declaration: false, noUnusedLocals: false } })],
})
await bundle.write({ dir: cache, format: 'es', entryFileNames: '[name].mjs' })
const { validateBatch } = await import(join(process.cwd(), cache, 'validateBatch.mjs'))
const { validateBatch: oldValidate } = await import(join(process.cwd(), cache, 'oldValidate.mjs'))
const { z } = await import('zod')
const { Type } = await import('@sinclair/typebox')
const { TypeCompiler } = await import('@sinclair/typebox/compiler')

let n = 0
function body() {
  const time = Date.now(); const events = []
  for (let i = 0; i < 100; i++) {
    const common = { id: `b${n++}`, time: time - i, sessionId: `s${n % 5000}`, viewId: `v${n % 20000}`, url: `https://shop.example/product/${n % 100}?ref=x`, route: '/product/[id]', app: 'shop', env: 'prod', release: '1.4.2' }
    const kind = i % 10
    if (kind < 5) events.push({ ...common, type: 'vital', name: ['LCP', 'INP', 'CLS', 'FCP', 'TTFB'][kind], value: 1000 + (n % 3000), delta: 10, rating: 'good', metricId: `m${n}` })
    else if (kind < 8) events.push({ ...common, type: 'action', name: 'add_to_cart', duration: 40, ok: true, source: 'click', attributes: { sku: 'TEA-01', qty: 2 } })
    else events.push({ ...common, type: 'page_view', referrer: 'https://search.example/', navigationType: 'navigate', ttfb: 120, fcp: 800 })
  }
  return { schema: 1, sdk: '0.1.0', sentAt: time, events }
}
const batches = Array.from({ length: 300 }, body)

// The same rules for the three types in these batches, in zod 4 and TypeBox.
const zs = (max) => z.string().max(max)
const zid = z.string().regex(/^[\w-]{1,64}$/)
const zBase = { id: zid, type: z.string(), time: z.number().gt(0).lt(253402300800000), sessionId: zid, viewId: zid, url: zs(8192), app: zs(128).optional(), release: zs(128).optional(), env: zs(128).optional(), userId: zs(256).optional(), attributes: z.record(zs(64), z.union([zs(1024), z.boolean(), z.number()])).optional(), route: zs(256).optional() }
const zByType = {
  vital: z.object({ ...zBase, name: z.enum(['LCP', 'INP', 'CLS', 'FCP', 'TTFB']), value: z.number(), delta: z.number(), rating: z.enum(['good', 'needs-improvement', 'poor']), metricId: zs(128) }),
  action: z.object({ ...zBase, name: zs(1024), duration: z.number().min(0), ok: z.boolean(), source: zs(32) }),
  page_view: z.object({ ...zBase, referrer: zs(8192), navigationType: zs(32), ttfb: z.number().min(0).optional(), fcp: z.number().min(0).optional() }),
}
const ts = (max) => Type.String({ maxLength: max })
const tid = Type.String({ pattern: '^[\\w-]{1,64}$' })
const tBase = { id: tid, type: Type.String(), time: Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 253402300800000 }), sessionId: tid, viewId: tid, url: ts(8192), app: Type.Optional(ts(128)), release: Type.Optional(ts(128)), env: Type.Optional(ts(128)), userId: Type.Optional(ts(256)), attributes: Type.Optional(Type.Record(Type.String(), Type.Union([ts(1024), Type.Boolean(), Type.Number()]))), route: Type.Optional(ts(256)) }
const tByType = {
  vital: TypeCompiler.Compile(Type.Object({ ...tBase, name: Type.Union(['LCP', 'INP', 'CLS', 'FCP', 'TTFB'].map((x) => Type.Literal(x))), value: Type.Number(), delta: Type.Number(), rating: Type.Union(['good', 'needs-improvement', 'poor'].map((x) => Type.Literal(x))), metricId: ts(128) })),
  action: TypeCompiler.Compile(Type.Object({ ...tBase, name: ts(1024), duration: Type.Number({ minimum: 0 }), ok: Type.Boolean(), source: ts(32) })),
  page_view: TypeCompiler.Compile(Type.Object({ ...tBase, referrer: ts(8192), navigationType: ts(32), ttfb: Type.Optional(Type.Number({ minimum: 0 })), fcp: Type.Optional(Type.Number({ minimum: 0 })) })),
}

function time(name, check) {
  for (const b of batches.slice(0, 50)) check(b) // warm up
  const rounds = 5
  const start = performance.now()
  for (let r = 0; r < rounds; r++) for (const b of batches) check(b)
  const perEvent = ((performance.now() - start) * 1000) / (rounds * batches.length * 100)
  console.log(`| ${name} | ${perEvent.toFixed(2)} |`)
}
console.log('| validator | µs per event |\n| --- | ---: |')
time('hand-written (before)', (b) => oldValidate(b))
time('valibot 1.5 (safeParse, abortEarly)', (b) => validateBatch(b, 30000))
time('zod 4.x (safeParse)', (b) => { for (const e of b.events) if (!zByType[e.type].safeParse(e).success) throw new Error('bad') })
time('TypeBox 0.34 (TypeCompiler)', (b) => { for (const e of b.events) if (!tByType[e.type].Check(e)) throw new Error('bad') })
