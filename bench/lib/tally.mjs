/**
 * What arrived at the sink in a list of requests, decoded by the SDK's own `decode(request)`,
 * which returns one record per event: `{ action: i }` for the scenario's custom action number i,
 * `{ error: n }` for its uncaught error n, `{}` for anything else (a view, a vital, a span…).
 * Actions and errors are counted once per number, so a retried batch does not count twice.
 */
export function tally(sdk, requests) {
  const actions = new Set()
  const errors = new Set()
  let events = 0
  let undecoded = 0
  for (const request of requests) {
    if (request.method !== 'POST') continue
    let records
    try {
      records = sdk.decode(request)
    } catch {
      undecoded++
      continue
    }
    events += records.length
    for (const record of records) {
      if (record.action !== undefined) actions.add(Number(record.action))
      if (record.error !== undefined) errors.add(Number(record.error))
    }
  }
  return { actions: actions.size, errors: errors.size, events, undecoded }
}

/** The scenario's error number in a message ('bench error 7: …' → 7), or undefined. */
export const errorNumber = (message) => /bench error (\d+)/.exec(String(message))?.[1]
