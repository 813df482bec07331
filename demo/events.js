// The "what the collector stored" panel of the demo pages: every 2 s it reads the last hour's
// events of your session from /api/events (nothing until rumlet has read the session), and
// shows the newest 15. Events of the page you are on arrive when rumlet sends them: every 5 s,
// on "Send now", and when you leave the page.
const body = document.querySelector('#stored tbody')
async function refresh() {
  try {
    const session = window.rum && typeof rum.getSessionId === 'function' && rum.getSessionId()
    if (!session) return
    const query = new URLSearchParams({ sessionId: session, since: String(Date.now() - 3600e3), limit: '100000' })
    const response = await fetch(`/api/events?${query}`)
    const { events } = await response.json()
    body.replaceChildren(
      ...events.slice(-15).reverse().map((event) => {
        const row = document.createElement('tr')
        const detail = event.type === 'vital' ? `${event.value.toFixed(event.name === 'CLS' ? 3 : 0)} (${event.rating})` : ''
        for (const text of [new Date(event.time).toLocaleTimeString(), event.type, event.name || event.navigationType || '', detail, new URL(event.url).pathname]) {
          const cell = document.createElement('td')
          cell.textContent = text
          row.append(cell)
        }
        return row
      }),
    )
  } catch {}
}
refresh()
setInterval(refresh, 2000)
