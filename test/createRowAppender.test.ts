import { DuckDBInstance, DuckDBTimestampValue, type DuckDBConnection } from '@duckdb/node-api'
import { afterEach, describe, expect, it } from 'vitest'
import { createRowAppender, roundAsDuckDB } from '../src/collector/store/createRowAppender'
import type { EventRow } from '../src/collector/store/eventColumns'

// Against a real DuckDB: what the appender stores must equal what the staging table's casts made
// of the same numbers (`make_timestamp(CAST(ms * 1000 AS BIGINT))`, `TRY_CAST(x AS BIGINT)`, …).

const COLUMNS = [['id', 'VARCHAR'], ['time', 'TIMESTAMP'], ['skew_ms', 'BIGINT'], ['status', 'INTEGER'], ['value', 'DOUBLE'], ['ok', 'BOOLEAN'], ['seq', 'BIGINT']] as const
const closers: (() => void)[] = []
afterEach(() => closers.splice(0).reverse().forEach((close) => close()))

async function table(columns: readonly (readonly [string, string])[]): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(':memory:')
  const connection = await instance.connect()
  closers.push(() => instance.closeSync(), () => connection.closeSync())
  await connection.run(`CREATE TABLE events (${columns.map(([name, type]) => `${name} ${type}`).join(', ')})`)
  return connection
}

const row = (values: Partial<Record<keyof EventRow, unknown>>) => values as unknown as EventRow

describe('createRowAppender', () => {
  it('rounds halves to the even neighbour, as DuckDB casts a DOUBLE to an integer', () => {
    expect([2.5, 3.5, -2.5, -1.5, 0.5, 1.4999, 1.5001, 3, 2 ** 53 + 2].map(roundAsDuckDB)).toEqual([2, 4, -2, -2, 0, 1, 2, 3, 2 ** 53 + 2])
  })

  it('stores times, whole numbers and the rest exactly as the casts of the staging table did', async () => {
    const connection = await table(COLUMNS)
    const appender = await connection.createAppender('events')
    const appendRow = createRowAppender(DuckDBTimestampValue, COLUMNS)
    // Times with half a microsecond (1.0005 ms), halves, negative skews, an INTEGER too large.
    const cases = [
      { id: 'a', time: 1_700_000_000_000.5, skew_ms: -2.5, status: 200, value: 0.1 + 0.2, ok: true },
      { id: 'b', time: 1.0005, skew_ms: 2.5, status: 3e9, value: -1, ok: false },
      { id: 'c', time: 1_764_547_200_123.0004, skew_ms: 0, status: -2.5, value: 1e300, ok: null },
      { id: 'd', time: 253_402_300_799_999.9, skew_ms: 1e19, status: null, value: null, ok: true },
    ]
    cases.forEach((values, i) => appendRow(appender, row(values), i + 1))
    appender.flushSync()
    const stored = (await connection.runAndReadAll(`SELECT id, epoch_us(time)::VARCHAR, skew_ms::VARCHAR, status, value, ok, seq::INTEGER FROM events ORDER BY id`)).getRows()
    // The same numbers as DOUBLE literals (String() of a number reads back as the same double).
    const double = (x: number | null) => (x === null ? 'NULL' : `${String(x)}::DOUBLE`)
    const values = cases.map((c, i) => `(${i}, ${[c.time, c.skew_ms, c.status, c.value].map(double).join(', ')})`).join(', ')
    const cast = (await connection.runAndReadAll(
      `SELECT epoch_us(make_timestamp(CAST(t * 1000 AS BIGINT)))::VARCHAR, TRY_CAST(s AS BIGINT)::VARCHAR, TRY_CAST(st AS INTEGER), v FROM (VALUES ${values}) AS x(k, t, s, st, v) ORDER BY k`,
    )).getRows()
    expect(stored).toEqual(cases.map((c, i) => [c.id, ...cast[i], c.ok, i + 1]))
    // The half microsecond and the INTEGER out of range, spelled out.
    expect(stored[1].slice(1, 4)).toEqual(['1000', '2', null])
  })

  it('throws for a time a TIMESTAMP cannot hold, as the cast failed the statement', async () => {
    const connection = await table(COLUMNS)
    const appender = await connection.createAppender('events')
    expect(() => createRowAppender(DuckDBTimestampValue, COLUMNS)(appender, row({ id: 'x', time: 1e19 }), 1)).toThrow(RangeError)
  })

  it("fills the table's columns in the table's order, not EVENT_COLUMNS'", async () => {
    const reordered = [COLUMNS[6], COLUMNS[0], COLUMNS[4], COLUMNS[1]] as const
    const connection = await table(reordered)
    const appender = await connection.createAppender('events')
    createRowAppender(DuckDBTimestampValue, reordered)(appender, row({ id: 'a', value: 7, time: 1000 }), 42)
    appender.flushSync()
    expect((await connection.runAndReadAll(`SELECT seq::INTEGER, id, value, epoch_ms(time)::INTEGER FROM events`)).getRows()).toEqual([[42, 'a', 7, 1000]])
  })
})
