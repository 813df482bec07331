// rumlet-collector: the command that starts the collector.
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openStore } from './openStore'
import { parseArgs, USAGE } from './parseArgs'
import { startServer } from './startServer'

async function main(): Promise<number | undefined> {
  const args = parseArgs(process.argv.slice(2))
  if ('error' in args) {
    console.error(`rumlet-collector: ${args.error}\n\n${USAGE}`)
    return 2
  }
  if (args.help) {
    console.log(USAGE)
    return 0
  }
  let store
  try {
    store = await openStore(args.db)
  } catch (e) {
    const message = (e as Error).message
    console.error(
      /Cannot find (package|module) '@duckdb/.test(message)
        ? 'rumlet-collector: the collector needs DuckDB: npm install @duckdb/node-api'
        : `rumlet-collector: cannot open the database ${args.db}: ${message}`,
    )
    return 1
  }
  // dist/collector.js → the package folder, which holds dist/ and demo/.
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
  let server
  try {
    server = await startServer(store, { port: args.port, host: args.host, root })
  } catch (e) {
    console.error(`rumlet-collector: cannot listen on ${args.host}:${args.port}: ${(e as Error).message}`)
    await store.close()
    return 1
  }
  console.log(`rumlet collector listening on ${server.url}`)
  const stop = async () => {
    await server.close()
    await store.close()
    process.exit(0)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().then((code) => {
  if (code !== undefined) process.exitCode = code
})
