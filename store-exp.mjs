import { DuckDBInstance } from '@duckdb/node-api'
import { rmSync } from 'node:fs'
const mode = process.argv[2], group = Number(process.argv[3] || 800), pk = process.argv[4] !== 'nopk'
rmSync('/tmp/exp/t.duckdb', { force: true }); rmSync('/tmp/exp/t.duckdb.wal', { force: true })
const inst = await DuckDBInstance.create(process.env.DB || '/tmp/exp/t.duckdb')
const c = await inst.connect(); if (process.env.CK) await c.run(`SET checkpoint_threshold='${process.env.CK}'`)
const COLS = [['id','VARCHAR'],['type','VARCHAR'],['time','TIMESTAMP'],['skew_ms','BIGINT'],['session_id','VARCHAR'],['view_id','VARCHAR'],['url','VARCHAR'],['route','VARCHAR'],['app','VARCHAR'],['release','VARCHAR'],['env','VARCHAR'],['name','VARCHAR'],['value','DOUBLE'],['rating','VARCHAR'],['duration','DOUBLE'],['ok','BOOLEAN'],['browser','VARCHAR'],['os','VARCHAR'],['device','VARCHAR'],['fingerprint','VARCHAR'],['received_at','TIMESTAMP'],['attributes','VARCHAR'],['body','VARCHAR']]
await c.run(`CREATE TABLE events (${COLS.map(([n,t],i)=>`${n} ${t}${i===0&&pk?' PRIMARY KEY':''}`).join(', ')})`)
let n = 0
const ev = () => { const i = n++; return { id: 'id' + i.toString(36) + 'x' + Math.random().toString(36).slice(2, 10), type: 'vital', time: 1.7e12 + i, sessionId: 's' + (i % 1000), viewId: 'v' + (i % 5000), url: 'https://shop.example/product/' + (i % 100), route: '/product/[id]', app: 'shop', release: '1.2.3', env: 'prod', name: 'LCP', value: 1000 + (i % 3000), delta: 1, rating: 'good', metricId: 'm' + i, attributes: { a: 1, b: 'x' } } }
const total = 200_000
const struct = '[{' + COLS.map(([n,t]) => `"${n}":"${t==='TIMESTAMP'?'BIGINT':t==='JSON'?'VARCHAR':t}"`).join(',') + '}]'
const sel = COLS.map(([n,t]) => t==='TIMESTAMP' ? `make_timestamp(r.${n}*1000)` : `r.${n}`).join(', ')
const SQL = mode==='cols' ? `INSERT INTO events SELECT ${COLS.map((_,i)=>`unnest($${i+1})`).join(', ')} ${pk?'ON CONFLICT DO NOTHING':''}` : `INSERT INTO events SELECT ${sel} FROM (SELECT unnest(from_json($1, '${struct}')) AS r) ${pk?'ON CONFLICT DO NOTHING':''}`
const { listValue, DuckDBListType, VARCHAR, BIGINT, DOUBLE, BOOLEAN, TIMESTAMP, DuckDBTimestampValue } = await import('@duckdb/node-api')
const prep = mode === 'cols' ? await c.prepare(SQL.replace(/unnest\(\$(\d+)\)/g, (m, k) => { const t = COLS[k-1][1]; return t==='TIMESTAMP' ? `make_timestamp(unnest($${k}::BIGINT[])*1000)` : `unnest($${k}::${t==='JSON'?'VARCHAR':t}[])` })) : null
const t0 = performance.now()
let lat = [], js = 0
while (n < total) {
  const events = Array.from({ length: group }, ev)
  const s = performance.now()
  const now = Date.now()
  const rows = events.map(e => ({ id: e.id, type: e.type, time: e.time, skew_ms: 0, session_id: e.sessionId, view_id: e.viewId, url: e.url, route: e.route, app: e.app, release: e.release, env: e.env, name: e.name, value: e.value, rating: e.rating, duration: null, ok: null, browser: 'Chrome', os: 'Linux', device: 'desktop', fingerprint: null, received_at: now, attributes: JSON.stringify(e.attributes), body: JSON.stringify(e) }))
  if (mode === 'cols') {
    COLS.forEach(([name, t], i) => prep.bindList(i + 1, rows.map(r => r[name] === null ? null : t==='TIMESTAMP' ? BigInt(r[name]) : t==='BIGINT' ? BigInt(r[name]) : r[name]), new DuckDBListType(t==='TIMESTAMP'||t==='BIGINT'?BIGINT:t==='DOUBLE'?DOUBLE:t==='BOOLEAN'?BOOLEAN:VARCHAR)))
    js += performance.now() - s
    await prep.run()
  } else {
    const text = JSON.stringify(rows)
    js += performance.now() - s
    await c.run(SQL, [text])
  }
  lat.push(performance.now() - s)
}
const secs = (performance.now() - t0) / 1000
lat.sort((a, b) => a - b)
console.log(mode, group, pk, Math.round(total / secs), 'ev/s', 'js ms', Math.round(js), 'p50', lat[lat.length >> 1].toFixed(1), 'p99', lat[Math.floor(lat.length * .99)].toFixed(1))
