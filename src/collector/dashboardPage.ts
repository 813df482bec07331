/** The page at `/` until the dashboard lands: where the data is and how to look at it. */
export const dashboardPage = `<!doctype html>
<meta charset="utf-8">
<title>rumlet collector</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem}</style>
<h1>rumlet collector</h1>
<p>The dashboard is not built yet. Meanwhile:</p>
<ul>
  <li><a href="/demo/">the demo pages</a> record events into this collector;</li>
  <li><a href="/api/events">/api/events</a> lists what it stored
    (filters: <code>type</code>, <code>sessionId</code>, <code>since</code>, <code>limit</code>);</li>
  <li><a href="/rumlet.js">/rumlet.js</a> is the snippet to load with a script tag.</li>
</ul>`
