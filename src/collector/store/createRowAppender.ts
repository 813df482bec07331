import type { DuckDBAppender, DuckDBTimestampValue } from '@duckdb/node-api'
import type { EventRow } from './eventColumns'

/** Appends one value of a row (never null or undefined) to the appender's current row. */
type Append = (appender: DuckDBAppender, value: never) => void

/**
 * A number rounded as DuckDB casts a DOUBLE to an integer type (C's nearbyint): to the nearest,
 * halves to the even neighbour (`CAST(2.5::DOUBLE AS BIGINT)` is 2, of 3.5 it is 4; Math.round
 * takes halves up). Measured against DuckDB in test/createRowAppender.test.ts.
 */
export function roundAsDuckDB(x: number): number {
  const nearest = Math.round(x)
  return nearest - x === 0.5 && nearest % 2 !== 0 ? nearest - 1 : nearest
}

/** Whole numbers in [−2^(bits−1), 2^(bits−1)), as DuckDB's signed integer types hold them. */
const fits = (x: number, bits: number) => x >= -(2 ** (bits - 1)) && x < 2 ** (bits - 1)

/**
 * `appendRow(appender, row, seq)`: one row of `events`, its values in the order of `columns` (the
 * table's own, `[name, DuckDB type]`: a file upgraded by `ADD COLUMN` has them in another order
 * than EVENT_COLUMNS, and the appender fills columns by position; a column the row lacks is NULL),
 * `seq` given, converted the way the earlier staging table's `INSERT … SELECT` did:
 * times in epoch ms become TIMESTAMPs (µs, rounded as DuckDB casts a DOUBLE; out of the 64-bit range
 * throws, as that cast failed the statement), and a BIGINT or INTEGER that does not fit is NULL
 * (as `TRY_CAST`). `Timestamp` is @duckdb/node-api's DuckDBTimestampValue, passed in so that this
 * module does not load DuckDB's native code (`--db none` never does).
 */
export function createRowAppender(Timestamp: typeof DuckDBTimestampValue, columns: readonly (readonly [string, string])[]) {
  const timestamp = (epochMs: number) => {
    const micros = roundAsDuckDB(epochMs * 1000)
    if (!fits(micros, 64)) throw new RangeError(`time ${epochMs} is out of range`)
    return new Timestamp(BigInt(micros))
  }
  // A batch's rows share received_at: its TIMESTAMP is made once (a cache per column).
  const cachedTimestamp = (): Append => {
    let lastMs = NaN
    let last: DuckDBTimestampValue | undefined
    return (appender, value: number) => {
      if (value !== lastMs) {
        last = timestamp(value)
        lastMs = value
      }
      appender.appendTimestamp(last!)
    }
  }
  const APPEND: Record<string, () => Append> = {
    VARCHAR: () => (appender, value: string) => appender.appendVarchar(value),
    DOUBLE: () => (appender, value: number) => appender.appendDouble(value),
    BOOLEAN: () => (appender, value: boolean) => appender.appendBoolean(value),
    INTEGER: () => (appender, value: number) => {
      const whole = roundAsDuckDB(value)
      if (fits(whole, 32)) appender.appendInteger(whole)
      else appender.appendNull()
    },
    BIGINT: () => (appender, value: number) => {
      const whole = roundAsDuckDB(value)
      if (fits(whole, 64)) appender.appendBigInt(BigInt(whole))
      else appender.appendNull()
    },
    TIMESTAMP: cachedTimestamp,
  }
  const appenders = columns.map(([name, type]) => {
    if (!APPEND[type]) throw new Error(`events.${name}: no appender for ${type}`)
    return [name as keyof EventRow, APPEND[type]()] as const
  })
  return function appendRow(appender: DuckDBAppender, row: EventRow, seq: number): void {
    for (const [name, append] of appenders) {
      const value = name === 'seq' ? seq : row[name]
      if (value === null || value === undefined) appender.appendNull()
      else append(appender, value as never)
    }
    appender.endRow()
  }
}
