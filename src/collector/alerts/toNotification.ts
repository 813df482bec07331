/**
 * What a webhook receives when an alert fires or resolves: the alert as JSON fields, and `text`,
 * the shape of a Slack incoming webhook (https://api.slack.com/messaging/webhooks), which
 * Slack-compatible receivers (Mattermost, Rocket.Chat, Discord's /slack endpoint) post as a message.
 */
export interface Notification {
  /** One line for a chat: `[FIRING] Checkout LCP: p75 LCP is 3,100 ms over 15 min… <dashboard>`. */
  text: string
  /** `firing` when it started, `resolved` when it ended. */
  status: 'firing' | 'resolved'
  /** The rule's name in the alert file. */
  rule: string
  /** '' for rules with one alert at a time; a new error group's fingerprint. */
  key: string
  /** The measured value that fired it (ms, a share, a count, a burn rate). */
  value: number
  message: string
  /** Epoch ms of the evaluation that saw the change. */
  time: number
  /** The dashboard's alerts view, when the file names the dashboard. */
  dashboard?: string
}

// Slack reads &, < and > as markup (<!channel>, <url|label>): text that came from a page
// (an error message) must not mention a channel or forge a link.
const escapeSlack = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** The webhook's payload for one transition of a rule. */
export function toNotification(
  transition: { time: number; name: string; key: string; state: 'firing' | 'resolved'; value: number; message: string },
  dashboard?: string,
): Notification {
  const link = dashboard ? new URL('/?view=alerts', dashboard).href : undefined
  const label = transition.state === 'firing' ? '[FIRING]' : '[RESOLVED]'
  const text = `${label} ${escapeSlack(transition.name)}: ${escapeSlack(transition.message)}${link ? ` <${link}|dashboard>` : ''}`
  return { text, status: transition.state, rule: transition.name, key: transition.key, value: transition.value, message: transition.message, time: transition.time, ...(link && { dashboard: link }) }
}
