// The compose stack seen from the host, as a user and a partner would: health, sign-up, a link created on
// app1 and followed on app2, and a signed webhook delivered by the worker container to a receiver here.
// The apps run in production mode (persisted operations only), so this uses the shipped manifests.
import { readFileSync, writeFileSync } from "node:fs";
import https from "node:https";
import { Webhook } from "standardwebhooks";

const { APP1, APP2, RECEIVER_HOST, RECEIVER_PORT, RECEIVER_KEY, RECEIVER_CERT } = process.env;
const failures = [];
let passed = 0;
const check = (name, ok, detail = "") => {
  if (ok) passed++;
  else failures.push(name);
  console.log(`${ok ? "ok  " : "FAIL"} ${name}${ok || !detail ? "" : `: ${detail}`}`);
};

const manifests = ["web", "dashboard"].map((client) =>
  JSON.parse(readFileSync(`persisted-queries/${client}/__generated__/persisted-documents.json`, "utf8")),
);
const documentId = (operation) => {
  for (const manifest of manifests) {
    const id = Object.keys(manifest).find((key) => new RegExp(`\\bmutation ${operation}\\b`).test(manifest[key]));
    if (id) return id;
  }
  throw new Error(`no persisted operation ${operation}`);
};
async function graphql(base, operation, variables, token) {
  const response = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ documentId: documentId(operation), variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(`${operation}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

// The partner's endpoint, on the compose network's gateway address (this host, as the worker sees it).
// Production delivers to https only: its certificate is trusted by the worker through NODE_EXTRA_CA_CERTS.
const deliveries = [];
const receiver = https.createServer({ key: readFileSync(RECEIVER_KEY), cert: readFileSync(RECEIVER_CERT) }, (req, res) => {
  let body = "";
  req.on("data", (chunk) => (body += chunk));
  req.on("end", () => {
    deliveries.push({ headers: req.headers, body });
    res.writeHead(204).end();
  });
});
await new Promise((resolve) => receiver.listen(Number(RECEIVER_PORT), RECEIVER_HOST, resolve));

try {
  for (const [name, base] of [
    ["app1", APP1],
    ["app2", APP2],
  ]) {
    for (const path of ["/healthz", "/readyz"]) {
      const response = await fetch(base + path);
      check(`${name} ${path} answers 200`, response.status === 200, `HTTP ${response.status}`);
    }
  }

  const email = `ci-${Date.now()}@example.com`;
  const { signUp } = await graphql(APP1, "WebSignUp", { input: { email, password: "correct horse battery" } });
  check("sign up on app1", Boolean(signUp.accessToken));
  const token = signUp.accessToken;

  const hookUrl = `https://${RECEIVER_HOST}:${RECEIVER_PORT}/hooks`;
  const { createWebhook } = await graphql(APP1, "DashboardCreateWebhook", { input: { url: hookUrl, events: ["LINK_CREATED"] } }, token);
  check("register a webhook", createWebhook.secret?.startsWith("whsec_"));

  const slug = `ci${Date.now().toString(36)}`;
  const destination = "https://example.com/compose-e2e";
  const { createLink } = await graphql(APP1, "WebCreateLink", { input: { url: destination, slug } }, token);
  check("create a link on app1", createLink.link.slug === slug);

  const redirect = await fetch(`${APP2}/${slug}`, { redirect: "manual" });
  check(
    "its redirect answers on app2",
    redirect.status === 302 && redirect.headers.get("location") === destination,
    `HTTP ${redirect.status} → ${redirect.headers.get("location")}`,
  );

  const deadline = Date.now() + 60_000;
  while (deliveries.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
  const delivery = deliveries[0];
  let event;
  try {
    event = delivery && new Webhook(createWebhook.secret).verify(delivery.body, delivery.headers);
  } catch (error) {
    event = undefined;
    console.log(`signature check: ${error.message}`);
  }
  check(
    "the worker container delivers a correctly signed link.created",
    event?.type === "link.created" && JSON.stringify(event).includes(slug),
    delivery ? delivery.body.slice(0, 300) : "nothing received in 60 s",
  );
} catch (error) {
  check("the end-to-end run", false, error.message);
} finally {
  receiver.close();
}

console.log(`compose e2e: ${passed} passed, ${failures.length} failed`);
if (process.env.E2E_RESULT) writeFileSync(process.env.E2E_RESULT, JSON.stringify({ passed, failed: failures.length }));
process.exit(failures.length ? 1 : 0);
