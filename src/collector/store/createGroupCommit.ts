import type { EventRow } from './eventColumns'

/** How many rows one statement takes at most: bigger groups wait for the next. */
const MAX_GROUP_ROWS = 5000

interface Pending {
  rows: EventRow[]
  done: (stored: number) => void
  fail: (error: unknown) => void
}

/**
 * Group commit: batches that arrive while a statement runs wait, and then go in together as one
 * statement (one commit, one WAL sync) instead of one each. `write(rows)` must insert the rows in
 * one transaction and resolve with the ids it stored. Each caller's promise resolves once its
 * rows are committed, with those of its ids that were new. When a group fails, each of its
 * batches is tried alone, so one bad batch fails only itself (and stores nothing).
 */
export function createGroupCommit(write: (rows: EventRow[]) => Promise<string[]>) {
  const queue: Pending[] = []
  let running: Promise<void> | undefined

  async function run(group: Pending[]) {
    const rows = group.flatMap((pending) => pending.rows)
    try {
      // An id sent twice (in one batch or two of the group) is stored once: the first claims it.
      const unclaimed = new Set(await write(rows))
      for (const pending of group) pending.done(pending.rows.filter((row) => unclaimed.delete(row.id)).length)
    } catch (error) {
      if (group.length === 1) return group[0].fail(error)
      for (const pending of group) await run([pending])
    }
  }

  async function drain() {
    while (queue.length) {
      let size = queue[0].rows.length
      let take = 1
      while (take < queue.length && size + queue[take].rows.length <= MAX_GROUP_ROWS) size += queue[take++].rows.length
      await run(queue.splice(0, take))
    }
    running = undefined
  }

  return {
    /** Queues rows for the next commit; resolves, once committed, with how many of them were new. */
    add(rows: EventRow[]): Promise<number> {
      return new Promise((done, fail) => {
        queue.push({ rows, done, fail })
        running ??= drain()
      })
    },
    /** Resolves once everything queued so far is committed (or failed). */
    async idle(): Promise<void> {
      while (running) await running
    },
  }
}
