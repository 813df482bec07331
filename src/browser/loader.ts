// The inline loader (dist/loader.js, at most 600 bytes): pasted into a page's <head> as
//   <script data-src="https://cdn.example.com/rumlet.js" data-endpoint="https://rum.example.com/rum">…</script>
// It defines `window.rum` with stub methods that queue each call in `rum.q` with its time,
// queues the page's errors and unhandled rejections until the bundle arrives, and inserts the
// bundle as an async script carrying the same `data-*` options. The bundle replays `rum.q` in
// order (see global.ts) and then replaces `window.rum`.
type Handle = Record<string, unknown>

const w = window as unknown as { rum?: Handle & { q?: unknown[] } }
const me = document.currentScript as HTMLScriptElement
const rum = (w.rum = w.rum || {})
const q = (rum.q = rum.q || [])

// An entry is [method, arguments, time, handle]: the handle a call made, or the one it ended.
// A stub answers as the real function would before init: flush a resolved promise;
// startAction (and the others after "h", whose answer nobody reads) a handle whose `end` and
// `fail` queue too; getSessionId its `owner`, which is undefined (and `end` and `fail` theirs,
// which nobody reads either).
const queue = (name: string, owner?: Handle) =>
  function (): unknown {
    const handle: Handle = {}
    handle.end = queue('end', handle)
    handle.fail = queue('fail', handle)
    q.push([name, arguments, Date.now(), owner || handle])
    return name == 'flush' ? Promise.resolve() : name > 'h' ? handle : owner
  }
'init trackAction startAction trackError trackPageView setUser setAttributes setConsent flush getSessionId'
  .split(' ')
  .map((name) => (rum[name] = rum[name] || queue(name)))

// Errors before the bundle: the events themselves, queued while `window.rum` is this stub.
const early = (event: Event) => w.rum === rum && q.push(['_early', [event], Date.now()])
;['error', 'unhandledrejection'].map((type) => addEventListener(type, early))

// A script made by createElement is async already. It takes the loader's `data-*` options
// (the bundle ignores `data-src`), and its address from `data-src`.
const script = document.createElement('script')
script.src = Object.assign(script.dataset, me.dataset).src!
me.after(script)
