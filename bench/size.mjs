// Where the bytes of dist/rumlet.js go: every source module's share of the gzip -9 size.
//   npm run build && node bench/size.mjs [dist/rumlet.js]
// The minified bundle's source map says which module each byte comes from. gzip is not additive
// (a module compresses better next to the others), so each module's bytes are gzipped on their
// own and scaled so that the shares sum to the size of the whole file.
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { TraceMap, eachMapping } from '@jridgewell/trace-mapping'

const file = process.argv[2] || 'dist/rumlet.js'
const code = readFileSync(file, 'utf8')
const map = new TraceMap(readFileSync(`${file}.map`, 'utf8'))
const gzip = (text) => gzipSync(text, { level: 9 }).length

// Offsets in the file of each mapped segment, and the module it comes from.
const lineStarts = [0]
for (let i = 0; i < code.length; i++) if (code[i] === '\n') lineStarts.push(i + 1)
const segments = []
eachMapping(map, (m) => segments.push([lineStarts[m.generatedLine - 1] + m.generatedColumn, m.source]))
segments.sort((a, b) => a[0] - b[0])

const text = new Map()
for (let i = 0; i < segments.length; i++) {
  const [start, source] = segments[i]
  const end = i + 1 < segments.length ? segments[i + 1][0] : code.length
  const name = (source || '(glue)').replace(/^.*node_modules\//, '').replace(/^.*src\/browser\//, '')
  text.set(name, (text.get(name) || '') + code.slice(start, end))
}
const total = gzip(code)
const alone = [...text].map(([name, part]) => [name, part.length, gzip(part)])
const scale = total / alone.reduce((sum, [, , bytes]) => sum + bytes, 0)

console.log(`| module | minified bytes | share of ${file} (gzip -9) |`)
console.log('| --- | ---: | ---: |')
for (const [name, raw, bytes] of alone.sort((a, b) => b[2] - a[2])) console.log(`| ${name} | ${raw.toLocaleString('en')} | ${Math.round(bytes * scale).toLocaleString('en')} |`)
console.log(`| **all** | ${code.length.toLocaleString('en')} | ${total.toLocaleString('en')} |`)
