import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping'
import { describe, expect, it } from 'vitest'

// The script-tag builds begin with V8's explicit compile hint (rollup.config.mjs, COMPILE_HINT):
// the minifier must keep it as the file's first line, and the source map must still point into
// src/ (the hint adds a line before the code).
const SCRIPTS = ['dist/rumlet.js', 'dist/rumlet.debug.js', 'dist/rumlet.attribution.js', 'dist/rumlet.network.js', 'dist/rumlet.console.js']

describe('script-tag builds: V8 compile hint', () => {
  for (const file of SCRIPTS) {
    it(`${file} starts with //# allFunctionsCalledOnLoad and its source map still maps`, () => {
      const lines = readFileSync(file, 'utf8').split('\n')
      expect(lines[0]).toBe('//# allFunctionsCalledOnLoad')
      const map = new TraceMap(readFileSync(`${file}.map`, 'utf8'))
      // The code's first `try` maps to a `try` in its source (the map shifted by the hint's line).
      const column = lines[1].indexOf('try{')
      expect(column).toBeGreaterThan(0)
      const { source, line, column: at } = originalPositionFor(map, { line: 2, column })
      const text = readFileSync(resolve(dirname(file), source!), 'utf8').split('\n')[line! - 1]
      expect(text.slice(at!)).toMatch(/^try\b/)
    })
  }
})
