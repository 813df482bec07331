// rumlet-collector: the command that starts the collector.
import { randomBytes } from 'node:crypto'
import { statSync } from 'node:fs'
import { networkInterfaces } from 'node:os'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createAlerts } from './alerts/createAlerts'
import { postWebhook } from './alerts/postWebhook'
import { readAlertFile } from './alerts/readAlertFile'
import { parseArgs, USAGE } from './cli/parseArgs'
import { reachableUrl } from './cli/reachableUrl'
import { createSourceMaps } from './enrich/createSourceMaps'
import { createOtlpExport } from './export/createOtlpExport'
import { createOtlpSink } from './export/createOtlpSink'
import { startOtlpForwarding } from './export/startOtlpForwarding'
import { isLoopback } from './server/accessRules'
import { startServer } from './server/startServer'
import { openStore, type Store } from './store/openStore'
import { startRetention } from './store/startRetention'

/** Exit codes: 2 for what the user can fix on the command line, 1 for what went wrong after. */
async function main(): Promise<number | undefined> {
  const args = parseArgs(process.argv.slice(2), process.env)
  if ('error' in args) {
    console.error(`rumlet-collector: ${args.error}\n\n${USAGE}`)
    return 2
  }
  if (args.help) {
    console.log(USAGE)
    return 0
  }
  if (args.sourcemaps !== undefined) {
    let folder = false
    try {
      folder = statSync(args.sourcemaps).isDirectory()
    } catch {}
    if (!folder) {
      console.error(`rumlet-collector: --sourcemaps ${args.sourcemaps} is not a folder this process can read`)
      return 2
    }
  }
  let alertFile
  if (args.alerts !== undefined) {
    try {
      alertFile = readAlertFile(args.alerts)
    } catch (e) {
      console.error(`rumlet-collector: ${(e as Error).message}`)
      return 2
    }
    for (const warning of alertFile.warnings) console.error(`rumlet-collector: ${args.alerts}: ${warning}`)
  }
  let store: Store | undefined
  try {
    if (args.db !== 'none') store = await openStore(args.db)
  } catch (e) {
    console.error(`rumlet-collector: cannot open the database ${args.db}: ${(e as Error).message}`)
    return 2
  }
  const exporter = args.otlpEndpoint === undefined ? undefined : createOtlpExport(args.otlpEndpoint)
  // With a database, forwarding reads what was stored (the database is the outbox); without
  // one, each batch is acknowledged once the OpenTelemetry Collector took it.
  const forwarding = exporter && store ? await startOtlpForwarding(store, exporter) : undefined
  const sink = exporter && !store ? createOtlpSink(exporter) : undefined
  // Beyond loopback the stored events are readable from the network: never without a token.
  const generated = !args.readToken && !isLoopback(args.host) ? randomBytes(24).toString('base64url') : undefined
  // dist/collector.js → the package folder, which holds dist/ and demo/.
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
  // parseArgs refused --alerts with --db none: with a file there is a store to measure.
  const alerts = alertFile && store ? createAlerts({ store, rules: alertFile.rules, send: postWebhook }) : undefined
  let server
  try {
    server = await startServer(store, {
      ...args,
      alerts,
      readToken: args.readToken ?? generated,
      root,
      sink,
      resolveFrames: args.sourcemaps === undefined ? undefined : createSourceMaps(args.sourcemaps),
    })
  } catch (e) {
    console.error(`rumlet-collector: cannot listen on ${args.host}:${args.port}: ${(e as Error).message}`)
    await forwarding?.stop()
    if (!forwarding) await exporter?.shutdown()
    await store?.close()
    return 1
  }
  console.log(`rumlet collector listening on ${server.url}`)
  if (exporter) console.log(`forwarding to ${exporter.url}${store ? '' : ' (--db none: nothing stored)'}`)
  if (generated) console.log(`read token (generated; pass --read-token to choose one): ${generated}\ndashboard: ${reachableUrl(server.url, networkInterfaces())}/?token=${generated}`)
  const retention = store ? startRetention(store, args.retentionDays) : undefined
  const evaluating = alerts?.start()

  // SIGTERM: stop accepting, let the batches under way be stored and answered, stop evaluating
  // alerts, retention and forwarding (each ends what it had under way), close the database.
  let stopping = false
  const stop = async () => {
    if (stopping) return
    stopping = true
    await server.close()
    await evaluating?.stop()
    await retention?.stop()
    await forwarding?.stop()
    if (!forwarding) await exporter?.shutdown()
    await store?.close()
    process.exit(0)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().then((code) => {
  if (code !== undefined) process.exitCode = code
})
