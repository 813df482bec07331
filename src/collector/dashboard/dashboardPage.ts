/**
 * The dashboard at `/`: p75 of each web vital (overall and by page), error groups, and recent
 * sessions, read from `/api/summary` and refreshed every 10 s. One page, no build step; every
 * value from the data goes into the page as text, never as HTML.
 */
export const dashboardPage = `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>rumlet dashboard</title>
<style>
  body { font: 14px/1.45 system-ui, sans-serif; margin: 0; color: #1d2430; background: #f6f7f9 }
  header { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; padding: .8rem 1.5rem; background: #1d2430; color: #fff }
  header h1 { font-size: 1.1rem; margin: 0 1rem 0 0 }
  header label { display: flex; gap: .4rem; align-items: center }
  header input, header select { font: inherit; padding: .15rem .3rem }
  header a { color: #cfe0ff }
  main { padding: 1rem 1.5rem 3rem; max-width: 80rem }
  h2 { font-size: 1rem; margin: 1.6rem 0 .6rem }
  .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr)); gap: .8rem }
  .card { background: #fff; border-radius: 6px; padding: .7rem .9rem; border-top: 4px solid #aab }
  .card .name { font-weight: 600 } .card .value { font-size: 1.6rem; font-weight: 600 }
  .card .bar { display: flex; height: 6px; border-radius: 3px; overflow: hidden; margin: .4rem 0 .2rem; background: #eee }
  .good { color: #0a7b3e; border-color: #0cce6b } .needs-improvement { color: #a35b00; border-color: #ffa400 } .poor { color: #c5221f; border-color: #ff4e42 }
  td.good, td.needs-improvement, td.poor { border-color: #eceef2 }
  .bar .g { background: #0cce6b } .bar .n { background: #ffa400 } .bar .p { background: #ff4e42 }
  table { border-collapse: collapse; width: 100%; background: #fff; border-radius: 6px; overflow: hidden }
  th, td { text-align: left; padding: .35rem .6rem; border-bottom: 1px solid #eceef2; vertical-align: top }
  th { background: #eceef2; font-weight: 600 } td.n, th.n { text-align: right; font-variant-numeric: tabular-nums }
  td.url { max-width: 28rem; overflow-wrap: anywhere } pre { white-space: pre-wrap; margin: .3rem 0 0; font-size: 12px }
  .muted { color: #667 } .empty { color: #667; padding: .6rem 0 }
</style>
<header>
  <h1>rumlet</h1>
  <label>Period <select id="period">
    <option value="3600000">last hour</option>
    <option value="86400000" selected>last 24 hours</option>
    <option value="604800000">last 7 days</option>
    <option value="0">all time</option>
  </select></label>
  <label>App <input id="app" size="10" placeholder="any"></label>
  <label>Env <input id="env" size="10" placeholder="any"></label>
  <span id="status" class="muted"></span>
  <a href="/demo/">demo</a> <a href="/api/events">/api/events</a>
</header>
<main>
  <h2>Core Web Vitals, p75</h2>
  <div id="vitals" class="cards"></div>
  <h2>By page</h2>
  <div id="pages"></div>
  <h2>Errors, grouped</h2>
  <div id="errors"></div>
  <h2>Recent sessions</h2>
  <div id="sessions"></div>
</main>
<script>
// Good up to the first number, poor from the second (web.dev's thresholds, as web-vitals rates).
const THRESHOLDS = { LCP: [2500, 4000], INP: [200, 500], CLS: [0.1, 0.25], FCP: [1800, 3000], TTFB: [800, 1800] }
const NAMES = ['LCP', 'INP', 'CLS', 'FCP', 'TTFB']
const $ = (id) => document.getElementById(id)

function el(tag, attributes, ...children) {
  const node = document.createElement(tag)
  for (const [key, value] of Object.entries(attributes || {})) node.setAttribute(key, value)
  for (const child of children) if (child != null) node.append(child instanceof Node ? child : String(child))
  return node
}
const rating = (name, value) => {
  const [good, poor] = THRESHOLDS[name]
  return value <= good ? 'good' : value <= poor ? 'needs-improvement' : 'poor'
}
const format = (name, value) => (value == null ? '–' : name === 'CLS' ? value.toFixed(3) : Math.round(value).toLocaleString('en') + ' ms')
const when = (ms) => new Date(ms).toLocaleString()
const duration = (ms) => (ms < 60000 ? Math.round(ms / 1000) + ' s' : Math.round(ms / 60000) + ' min')
const percent = (share) => Math.round(share * 100) + '%'

function table(headers, rows, numeric = []) {
  if (!rows.length) return el('p', { class: 'empty' }, 'Nothing recorded in this period.')
  const head = el('tr', null, ...headers.map((h, i) => el('th', numeric.includes(i) ? { class: 'n' } : null, h)))
  return el('table', null, el('thead', null, head), el('tbody', null, ...rows))
}

function showVitals(vitals) {
  const byName = Object.fromEntries(vitals.map((v) => [v.name, v]))
  $('vitals').replaceChildren(...NAMES.map((name) => {
    const v = byName[name]
    if (!v) return el('div', { class: 'card', 'data-vital': name }, el('div', { class: 'name' }, name), el('div', { class: 'value muted' }, '–'), el('div', { class: 'muted' }, 'no samples'))
    const bar = el('div', { class: 'bar', title: 'good ' + percent(v.good) + ', needs improvement ' + percent(v.needsImprovement) + ', poor ' + percent(v.poor) },
      el('span', { class: 'g', style: 'width:' + v.good * 100 + '%' }), el('span', { class: 'n', style: 'width:' + v.needsImprovement * 100 + '%' }), el('span', { class: 'p', style: 'width:' + v.poor * 100 + '%' }))
    return el('div', { class: 'card ' + rating(name, v.p75), 'data-vital': name },
      el('div', { class: 'name' }, name), el('div', { class: 'value' }, format(name, v.p75)), bar,
      el('div', { class: 'muted' }, v.samples.toLocaleString('en') + (v.samples === 1 ? ' sample · ' : ' samples · ') + percent(v.good) + ' good'))
  }))
}

function showPages(byPage) {
  const pages = new Map()
  for (const row of byPage) {
    if (!pages.has(row.group)) pages.set(row.group, { samples: 0, p75: {} })
    const page = pages.get(row.group)
    page.samples = Math.max(page.samples, row.samples)
    page.p75[row.name] = row.p75
  }
  const rows = [...pages].map(([page, { samples, p75 }]) =>
    el('tr', null, el('td', { class: 'url' }, page), el('td', { class: 'n' }, samples),
      ...NAMES.map((name) => el('td', { class: 'n' + (p75[name] == null ? '' : ' ' + rating(name, p75[name])) }, format(name, p75[name])))))
  $('pages').replaceChildren(table(['Page', 'Views measured', ...NAMES], rows, [1, 2, 3, 4, 5, 6]))
}

function showErrors(errors) {
  const rows = errors.map((e) =>
    el('tr', null,
      el('td', { class: 'n' }, e.count.toLocaleString('en')),
      el('td', { class: 'n' }, e.sessions),
      el('td', null, el('details', null, el('summary', null, e.errorType + ': ' + e.message), e.stack ? el('pre', null, e.stack) : el('p', { class: 'muted' }, 'no stack'))),
      el('td', { class: 'url' }, e.url),
      el('td', null, e.release || '–'),
      el('td', null, when(e.lastSeen))))
  $('errors').replaceChildren(table(['Count', 'Sessions', 'Error', 'Last page', 'Release', 'Last seen'], rows, [0, 1]))
}

function showSessions(sessions) {
  const rows = sessions.map((s) =>
    el('tr', null,
      el('td', null, el('a', { href: '/api/events?sessionId=' + encodeURIComponent(s.sessionId) }, s.sessionId.slice(0, 12))),
      el('td', null, when(s.start)),
      el('td', { class: 'n' }, duration(s.end - s.start)),
      el('td', null, s.userId || '–'),
      el('td', { class: 'url' }, s.entryUrl),
      el('td', { class: 'n' }, s.pageViews), el('td', { class: 'n' }, s.actions), el('td', { class: 'n' }, s.errors), el('td', { class: 'n' }, s.events)))
  $('sessions').replaceChildren(table(['Session', 'Started', 'Length', 'User', 'Entry page', 'Page views', 'Actions', 'Errors', 'Events'], rows, [2, 5, 6, 7, 8]))
}

async function refresh() {
  const period = Number($('period').value)
  const query = new URLSearchParams({ since: String(period ? Date.now() - period : 0) })
  for (const key of ['app', 'env']) if ($(key).value.trim()) query.set(key, $(key).value.trim())
  try {
    const response = await fetch('/api/summary?' + query)
    if (!response.ok) throw new Error((await response.json()).error || response.statusText)
    const summary = await response.json()
    showVitals(summary.vitals)
    showPages(summary.byPage)
    showErrors(summary.errors)
    showSessions(summary.sessions)
    $('status').textContent = 'updated ' + new Date().toLocaleTimeString()
  } catch (e) {
    $('status').textContent = 'could not load: ' + e.message
  }
}
for (const id of ['period', 'app', 'env']) $(id).addEventListener('change', refresh)
refresh()
setInterval(refresh, 10000)
</script>
</html>`
