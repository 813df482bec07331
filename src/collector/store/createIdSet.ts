// Why not DuckDB's PRIMARY KEY: its index holds every stored id and each group commit probes it
// for every row (`ON CONFLICT`). DuckDB alone took 136–210 ms to insert 800 rows with the key and
// 44–89 ms without (bench/RESULTS.md, 2026-11-30); in the whole collector over a 20-s run on a
// new file this set made ingest 5–25% faster than the key (2026-12-01). An id is mostly new: what
// is needed is a cheap, certain "new" and a rare "maybe stored" that the database then settles.

/** Slots at most this full: linear probing stays short (~1.5 probes a lookup). */
const MAX_LOAD = 0.5

/**
 * Two independent 32-bit hashes of a string (FNV-1a with different offsets, each finished with
 * murmur3's fmix32 so that ids differing in their last character spread over the whole table).
 */
function fingerprint(id: string): [number, number] {
  let a = 0x811c9dc5
  let b = 0x9747b28c
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i)
    a = Math.imul(a ^ c, 0x01000193)
    b = Math.imul(b ^ c, 0x5bd1e995)
  }
  return [fmix(a), fmix(b ^ id.length)]
}

function fmix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}

/**
 * The ids the store holds, as 64-bit fingerprints in an open-addressing table: 8 bytes a slot,
 * at most half full, so ≤ 16 bytes an id (a Set of the strings costs ~70 and the garbage
 * collector's time). `mayHave(id)` is never false for an id added; it is true for an id never
 * added only when their fingerprints collide (about one lookup in 2^64 / ids held), so the caller
 * confirms a true against the database. Ids are never removed one by one: after deleting rows,
 * `clear()` and add back what remains.
 */
export function createIdSet(capacity = 1 << 16) {
  let high = new Uint32Array(capacity)
  let low = new Uint32Array(capacity)
  let size = 0

  /** The slot holding (h, l), or the empty slot where it would go. (0, 0) marks an empty slot. */
  const slotOf = (h: number, l: number, highs: Uint32Array, lows: Uint32Array) => {
    const mask = highs.length - 1
    let slot = l & mask
    while ((highs[slot] !== 0 || lows[slot] !== 0) && (highs[slot] !== h || lows[slot] !== l)) slot = (slot + 1) & mask
    return slot
  }
  // (0, 0) is the empty mark: a fingerprint that hashes to it is stored as (0, 1).
  const key = (id: string): [number, number] => {
    const [h, l] = fingerprint(id)
    return h === 0 && l === 0 ? [0, 1] : [h, l]
  }

  function grow() {
    const highs = new Uint32Array(high.length * 2)
    const lows = new Uint32Array(high.length * 2)
    for (let i = 0; i < high.length; i++) {
      if (high[i] === 0 && low[i] === 0) continue
      const slot = slotOf(high[i], low[i], highs, lows)
      highs[slot] = high[i]
      lows[slot] = low[i]
    }
    high = highs
    low = lows
  }

  return {
    /** False: the id was never added. True: it was, or (rarely) another id shares its fingerprint. */
    mayHave(id: string): boolean {
      const [h, l] = key(id)
      const slot = slotOf(h, l, high, low)
      return high[slot] === h && low[slot] === l
    },
    /** Remembers an id (adding one twice keeps one). */
    add(id: string): void {
      const [h, l] = key(id)
      const slot = slotOf(h, l, high, low)
      if (high[slot] === h && low[slot] === l) return
      high[slot] = h
      low[slot] = l
      if (++size > high.length * MAX_LOAD) grow()
    },
    /** Forgets every id (the table keeps its size). */
    clear(): void {
      high.fill(0)
      low.fill(0)
      size = 0
    },
    /** How many distinct fingerprints are held. */
    get size() {
      return size
    },
  }
}

export type IdSet = ReturnType<typeof createIdSet>
