import type { HttpBindings } from '@hono/node-server'
import type { Hono } from 'hono'
import type { Alerts } from './createAlerts'

/**
 * GET /api/alerts: `{interval, rules: [RuleStatus], history: [Transition]}` (createAlerts.ts),
 * each rule's state and the transitions since the collector started, newest first. Without
 * `--alerts`: `{interval: null, rules: [], history: []}`.
 */
export function addAlertRoutes(app: Hono<{ Bindings: HttpBindings }>, alerts: Alerts | undefined) {
  app.get('/api/alerts', (c) => c.json(alerts ? alerts.status() : { interval: null, rules: [], history: [] }))
}
