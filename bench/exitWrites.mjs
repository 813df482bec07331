// Whether an IndexedDB write begun in a page's pagehide handler survives the page: the
// measurement behind createBuffer's `commit()` and the README's known limit of the exit path.
// No rumlet in it: a page of its own opens a database, and at pagehide writes 300 records of
// about 250 bytes in one readwrite transaction, in one of these ways (MODES, comma-separated):
//
//   plain           without commit(): the transaction commits once it has nothing left to do
//   one             with commit() right after the puts
//   two             a transaction of 3 records, then (another listener) the one of 300, both committed
//   twoBusy         as two, with a third transaction between them that waits for a read (not committed)
//   oneRelaxed, twoRelaxed   as one and two, with { durability: 'relaxed' }
//
// The page then leaves (HOW, comma-separated): `link` follows a link to another origin (another
// port of 127.0.0.1), `reload` reloads it, `close` closes the tab. A page of the first origin then counts what the
// database holds ("a" the small transactions' records, "b" the big one's; 300 when it
// survived, 0 when it was lost; 600 after a reload, whose page wrote again as it left for the
// counting page) and clears it. R rounds, every mode and way once a round, each in
// a fresh browser context.
//
//   R=20 MODES=plain,one HOW=link,close node bench/exitWrites.mjs
import http from 'node:http'
import { chromium } from '@playwright/test'
import { findChromium } from '../e2e/findChromium.mjs'
import { CHROMIUM_ARGS } from './lib/chromiumArgs.mjs'

const WRITES = {
  plain: `addEventListener('pagehide', () => write(300, 'b', false))`,
  one: `addEventListener('pagehide', () => write(300, 'b'))`,
  two: `addEventListener('pagehide', () => write(3, 'a')); addEventListener('pagehide', () => write(300, 'b'))`,
  twoBusy: `addEventListener('pagehide', () => { write(3, 'a'); db.transaction('s', 'readwrite').objectStore('s').get('x').onsuccess = () => {} })
    addEventListener('pagehide', () => write(300, 'b'))`,
  oneRelaxed: `addEventListener('pagehide', () => write(300, 'b', true, 'relaxed'))`,
  twoRelaxed: `addEventListener('pagehide', () => write(3, 'a', true, 'relaxed')); addEventListener('pagehide', () => write(300, 'b', true, 'relaxed'))`,
}
const R = Number(process.env.R || 10)
const MODES = (process.env.MODES || 'plain,one,two,twoBusy').split(',')
const HOWS = (process.env.HOW || 'link,close').split(',')
for (const name of MODES) if (!WRITES[name]) throw new Error(`MODES: no write named ${name} (${Object.keys(WRITES).join(', ')})`)
for (const how of HOWS) if (!['link', 'reload', 'close'].includes(how)) throw new Error(`HOW: link, reload or close, not ${how}`)

const open = `let db; const r = indexedDB.open('probe', 1); r.onupgradeneeded = () => r.result.createObjectStore('s')`
const page = (mode, other) => `<!doctype html><title>loading</title><script>${open}
r.onsuccess = () => { db = r.result; document.title = 'open' }
function write(n, tag, commit = true, durability) {
  const tx = db.transaction('s', 'readwrite', durability ? { durability } : undefined)
  for (let i = 0; i < n; i++) tx.objectStore('s').put('x'.repeat(250) + i, tag + Math.random())
  if (commit) tx.commit()
}
${WRITES[mode]}</script><a id="leave" href="${other}/">leave</a>`
const count = `<!doctype html><script>${open}
r.onsuccess = () => { const keys = r.result.transaction('s').objectStore('s').getAllKeys(); keys.onsuccess = () => {
  const of = (tag) => keys.result.filter((key) => key[0] === tag).length
  document.title = 'a' + of('a') + ' b' + of('b'); r.result.transaction('s', 'readwrite').objectStore('s').clear() } }</script>`

const listen = (handle) => new Promise((resolve) => { const server = http.createServer(handle).listen(0, '127.0.0.1', () => resolve(server)) })
const elsewhere = await listen((_, response) => response.end('<!doctype html><title>elsewhere</title>'))
const other = `http://127.0.0.1:${elsewhere.address().port}`
const site = await listen((request, response) => {
  response.setHeader('Content-Type', 'text/html')
  response.end(request.url === '/count' ? count : page(request.url.slice(1), other))
})
const origin = `http://127.0.0.1:${site.address().port}`
const browser = await chromium.launch({ executablePath: await findChromium({ install: false }), args: CHROMIUM_ARGS })
const results = {}
try {
  for (let round = 0; round < R; round++)
    for (const mode of MODES)
      for (const how of HOWS) {
        const context = await browser.newContext()
        let tab = await context.newPage()
        await tab.goto(`${origin}/${mode}`)
        await tab.waitForFunction(() => document.title === 'open')
        if (how === 'close') (await tab.close(), (tab = await context.newPage()))
        else if (how === 'reload') await tab.reload()
        else await Promise.all([tab.waitForURL(`${other}/`), tab.click('#leave')])
        await tab.waitForTimeout(200)
        await tab.goto(`${origin}/count`)
        await tab.waitForFunction(() => document.title.startsWith('a'))
        ;(results[`${mode} ${how}`] ||= []).push(await tab.title())
        await context.close()
      }
} finally {
  await browser.close()
  site.close()
  elsewhere.close()
}
for (const [key, titles] of Object.entries(results)) {
  const lost = titles.filter((title) => title.endsWith(' b0')).length
  console.log(`${key.padEnd(20)} big write lost ${lost} of ${titles.length}   ${titles.join(' | ')}`)
}
