import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startServer } from '../src/collector/server/startServer'
import { openStore } from '../src/collector/store/openStore'

/**
 * The real collector on 127.0.0.1, a free port, an in-memory DuckDB and an empty root folder
 * named after `name` (no built dashboard or snippet in it). `stop` closes the server, then the
 * database, and removes the folder.
 */
export async function startTestServer(name: string) {
  const root = mkdtempSync(join(tmpdir(), `rumlet-${name}-`))
  const store = await openStore(':memory:')
  const { url, close } = await startServer(store, { port: 0, host: '127.0.0.1', root })
  return {
    store,
    url,
    root,
    async stop() {
      await close()
      await store.close()
      rmSync(root, { recursive: true, force: true })
    },
  }
}
