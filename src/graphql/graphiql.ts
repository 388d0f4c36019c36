import type { IncomingMessage, ServerResponse } from "node:http";
import type { GraphiQLOptions } from "graphql-yoga";
import type { StaticAssets } from "../platform/static-assets.js";

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
// Inside a <script>: JSON, with "</script>" and friends made harmless.
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");

/** What GraphiQL opens with: how to authenticate, where a developer needs it. */
export const GRAPHIQL_DEFAULTS: GraphiQLOptions = {
  title: "Linkgraph GraphiQL",
  // An empty Authorization is ignored by the server (a placeholder token would be refused).
  headers: JSON.stringify({ Authorization: "" }, null, 2),
  defaultQuery: `# Welcome to Linkgraph's GraphQL API.
#
# To call it as yourself: run LogIn below (or SignUp), copy accessToken, and set
# Headers (bottom panel) to:   { "Authorization": "Bearer <accessToken>" }
# An API key works the same way: { "Authorization": "Bearer lgk_…" }

mutation LogIn {
  logIn(input: { email: "you@example.com", password: "your password" }) {
    accessToken
    accessTokenExpiresAt
  }
}

query Me {
  me { id email }
}
`,
};

/**
 * GraphiQL from the local @graphql-yoga/render-graphiql bundle, served as separate static assets
 * (about 9 MB of script, styles and editor workers: compressed, and cached for a year under
 * content-hashed names) behind a small HTML page, instead of Yoga's page that inlines all of it.
 */
export async function createGraphiQLRenderer(assets: StaticAssets) {
  const { css, js, editorWorkerService, jsonWorker, graphqlWorker, favicon } = await import("@graphql-yoga/render-graphiql/graphiql");
  const script = "text/javascript; charset=utf-8";
  const urls = {
    css: assets.add("graphiql.css", "text/css; charset=utf-8", css),
    js: assets.add("graphiql.js", script, js),
    favicon: assets.add("graphiql.ico", "image/x-icon", Buffer.from(favicon.replace(/^data:[^,]*;base64,/, ""), "base64")),
    workers: {
      editorWorkerService: assets.add("graphiql-editor.worker.js", script, editorWorkerService),
      json: assets.add("graphiql-json.worker.js", script, jsonWorker),
      graphql: assets.add("graphiql-graphql.worker.js", script, graphqlWorker),
    },
  };
  const boot = assets.add(
    "graphiql-boot.js",
    script,
    `self.MonacoEnvironment = { globalAPI: false, getWorkerUrl: (moduleId, label) => ${scriptJson(urls.workers)}[label] };`,
  );

  return (options?: GraphiQLOptions) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(options?.title ?? "GraphiQL")}</title>
<link rel="icon" href="${urls.favicon}">
<link rel="stylesheet" href="${urls.css}">
</head>
<body id="body" class="no-focus-outline">
<noscript>You need to enable JavaScript to run GraphiQL.</noscript>
<div id="root"></div>
<script src="${boot}"></script>
<script src="${urls.js}"></script>
<script>YogaGraphiQL.renderYogaGraphiQL(document.querySelector("#root"), ${scriptJson(options ?? {})});</script>
</body>
</html>`;
}

/** A browser opening /graphql (GET, Accept: text/html, no query): where GraphiQL would be. */
export function isGraphiQLPageRequest(req: IncomingMessage) {
  return req.method === "GET" && (req.headers.accept ?? "").includes("text/html") && !(req.url ?? "").includes("?");
}

/** What that browser sees when GraphiQL is off (production): how to use the API instead of a CSRF error. */
export function sendGraphiQLDisabled(res: ServerResponse, publicBaseUrl: string) {
  const example = `curl -s ${publicBaseUrl}/graphql -H 'content-type: application/json' \\
  -H 'authorization: Bearer lgk_…' -d '{"query": "{ me { email } }"}'`;
  res.writeHead(406, {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
  });
  res.end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Linkgraph GraphQL API</title>
<style>body{font:16px system-ui,sans-serif;max-width:42rem;margin:10vh auto;padding:0 1rem}code,pre{background:#f4f4f4;padding:.1rem .3rem}</style></head>
<body><h1>This is Linkgraph's GraphQL API</h1>
<p>GraphiQL, the in-browser explorer, is turned off on this server (production; <code>GRAPHIQL=true</code> turns it on).</p>
<p>Send GraphQL requests with <code>POST /graphql</code> and <code>Content-Type: application/json</code>, authenticated with
<code>Authorization: Bearer &lt;access token or API key&gt;</code>. A <code>GET</code> request must carry an <code>x-graphql-csrf</code> header.</p>
<pre>${escapeHtml(example)}</pre>
</body></html>`);
}
