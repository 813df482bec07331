const QUOTE = 34 // "
const BACKSLASH = 92
const COLON = 58
const COMMA = 44
/** A number longer than this may not be a finite double: re-stringified, never stored as sent. */
const MAX_NUMBER_CHARS = 20

/** Where the string starting at `text[open]` (a quote) ends: the index of its closing quote. */
function stringEnd(text: string, open: number): number {
  let close = open
  for (;;) {
    close = text.indexOf('"', close + 1)
    // Unterminated (not JSON.parse's text): the string runs to the end, and so does the scan.
    if (close < 0) return text.length
    let slashes = 0
    while (text.charCodeAt(close - 1 - slashes) === BACKSLASH) slashes++
    if (slashes % 2 === 0) return close
  }
}

/**
 * A `\uD800`–`\uDFFF` escape (a backslash not itself escaped, then u): a surrogate in JSON text,
 * which JSON.parse may turn into a lone one (DuckDB's JSON reader refuses those).
 */
const SURROGATE_ESCAPE = /(?:^|[^\\])(?:\\\\)*\\u[dD][89a-fA-F]/

/**
 * The text of each event of a batch as it came over the wire: the elements of the top-level
 * `events` array of `text` that are objects (or arrays; others are skipped, so the caller compares
 * the count with the parsed events), in a text JSON.parse has accepted (so this only finds boundaries: strings,
 * brackets, numbers). The store keeps these as each event's `body` instead of JSON.stringify of
 * the parsed event, which cost ~5 µs an event (bench/RESULTS.md, *Collector ingest, 2026-12-01
 * (branch collector4)*). An element is `undefined` where its text is not safe to keep as sent:
 * it holds a lone-surrogate escape, or a number with an exponent or over 20 characters (`1e999`
 * parses to Infinity; DuckDB's JSON reader refuses both). Returns undefined (re-stringify all)
 * when a top-level key is written with escapes, since JSON.parse might then read another
 * `events` than the one found here; with `events` repeated, the last one counts, as in JSON.parse.
 */
export function eventTexts(text: string): (string | undefined)[] | undefined {
  let found: (string | undefined)[] | undefined
  let events: (string | undefined)[] | undefined
  let depth = 0
  let keyStart = -1
  let keyEnd = -1
  let nextIsEvents = false
  let start = -1
  let safe = true
  // The first backslash at or after where the scan is: moves forward only, so finding whether a
  // string holds an escape costs O(1) per string and one pass over the text in all.
  let slash = -1
  const escaped = (from: number, to: number) => {
    if (slash < from) {
      const at = text.indexOf('\\', from)
      slash = at < 0 ? Infinity : at
    }
    return slash < to
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === QUOTE) {
      const end = stringEnd(text, i)
      if (depth === 1) {
        keyStart = i + 1
        keyEnd = end
      } else if (events && safe && escaped(i, end) && SURROGATE_ESCAPE.test(text.slice(i, end))) safe = false
      i = end
    } else if (c === 123 || c === 91) {
      // { [
      depth++
      if (depth === 2 && nextIsEvents && c === 91) events = []
      else if (depth === 3 && events) {
        start = i
        safe = true
      }
    } else if (c === 125 || c === 93) {
      // } ]
      if (depth === 3 && events) events.push(safe ? text.slice(start, i + 1) : undefined)
      else if (depth === 2 && events) {
        found = events
        events = undefined
      }
      depth--
    } else if (depth === 1 && c === COLON) {
      if (escaped(keyStart, keyEnd)) return undefined
      nextIsEvents = keyEnd - keyStart === 6 && text.startsWith('events', keyStart)
    } else if (depth === 1 && c === COMMA) {
      nextIsEvents = false
    } else if (events && depth >= 3 && (c === 45 || (c >= 48 && c <= 57))) {
      // - 0-9: a number runs to the next delimiter.
      let end = i + 1
      for (let d = text.charCodeAt(end); (d >= 48 && d <= 57) || d === 46; d = text.charCodeAt(++end));
      const e = text.charCodeAt(end)
      if (e === 101 || e === 69 || end - i > MAX_NUMBER_CHARS) safe = false
      i = end - 1
    }
  }
  return found
}
