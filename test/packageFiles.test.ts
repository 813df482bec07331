// @vitest-environment node
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

// What `npm install rumlet` downloads: the snippet's builds, types and sources only (README, *npm*
// and *Collector*); the collector, its dashboard and demo are the rumlet-collector package's.
describe('the rumlet package', () => {
  it('holds the snippet only: no collector, dashboard or demo file', () => {
    expect(existsSync('dist/rumlet.js'), 'run npm run build first').toBe(true)
    const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' })) as [{ files: { path: string }[] }]
    const paths = pack.files.map((file) => file.path)
    expect(paths).toContain('dist/rumlet.js')
    expect(paths).toContain('dist/rumlet.mjs')
    expect(paths.filter((path) => /collector|dashboard|demo/.test(path))).toEqual([])
    expect(paths.filter((path) => !/^(dist\/(rumlet[.a-z]*\.m?js(\.map)?|loader\.js|types\/.+\.d\.ts)|src\/browser\/.+\.ts|src\/wire\.ts|README\.md|package\.json|LICENSE)$/.test(path))).toEqual([])
  })
})
