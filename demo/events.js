// The "what the collector stored" panel of the demo pages: it reads /api/events every 2 s.
// Events of the page you are on arrive when rumlet sends them: every 5 s, on "Send now",
// and when you leave the page.
const body = document.querySelector('#stored tbody')
async function refresh() {
  try {
    const response = await fetch('/api/events?limit=100000')
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
