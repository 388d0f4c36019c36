/** The dashboard's HTML shell; the script fills it in. */
export function dashboardPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Linkgraph dashboard</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/dashboard/app.css">
<script type="module" src="/dashboard/app.js"></script>
</head>
<body>
<header>
  <h1>Linkgraph</h1>
  <span id="live-status" class="status" data-state="idle">Signed out</span>
  <button id="sign-out" type="button" hidden>Sign out</button>
</header>
<main>
  <form id="sign-in" autocomplete="on">
    <h2>Sign in</h2>
    <label>Email <input name="email" type="email" autocomplete="username" required></label>
    <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
    <button type="submit">Sign in</button>
    <p id="sign-in-error" class="error" role="alert"></p>
  </form>
  <section id="links-view" hidden>
    <h2>Your links <small>clicks, live · last 24 hours</small></h2>
    <p id="links-error" class="error" role="alert"></p>
    <table id="links">
      <thead><tr><th>Short link</th><th>Destination</th><th class="num">Clicks</th><th>Last 24 h</th></tr></thead>
      <tbody></tbody>
    </table>
    <p id="no-links" hidden>No links yet: create one with the createLink mutation.</p>
  </section>
</main>
</body>
</html>`;
}

export const DASHBOARD_CSS = `
:root { color-scheme: light dark; --accent: #3b6ef5; --muted: #6b7280; --line: #d1d5db; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; }
header { display: flex; align-items: center; gap: 1rem; padding: .75rem 1.5rem; border-bottom: 1px solid var(--line); }
header h1 { font-size: 1.15rem; margin: 0; flex: 1; }
main { max-width: 64rem; margin: 0 auto; padding: 1.5rem; }
h2 small { color: var(--muted); font-weight: normal; font-size: .8rem; margin-left: .5rem; }
form#sign-in { display: grid; gap: .75rem; max-width: 22rem; }
label { display: grid; gap: .25rem; }
input, button { font: inherit; padding: .45rem .6rem; border-radius: 6px; border: 1px solid var(--line); }
button { cursor: pointer; background: var(--accent); color: white; border-color: var(--accent); }
.status { font-size: .85rem; color: var(--muted); }
.status[data-state="live"]::before { content: "●"; color: #16a34a; margin-right: .3rem; }
.status[data-state="connecting"]::before { content: "●"; color: #d97706; margin-right: .3rem; }
.error { color: #dc2626; min-height: 1.2em; margin: 0; }
table { width: 100%; border-collapse: collapse; }
th, td { text-align: left; padding: .5rem .6rem; border-bottom: 1px solid var(--line); vertical-align: middle; }
th { font-size: .8rem; color: var(--muted); font-weight: 600; }
td.destination { max-width: 22rem; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; color: var(--muted); }
.num, td.count { text-align: right; font-variant-numeric: tabular-nums; }
td.count { font-size: 1.1rem; font-weight: 600; transition: color .6s; }
td.count.bumped { color: var(--accent); }
svg.sparkline { display: block; }
svg.sparkline polyline { fill: none; stroke: var(--accent); stroke-width: 1.5; }
svg.sparkline path { fill: var(--accent); opacity: .15; stroke: none; }
a { color: var(--accent); }
`;
