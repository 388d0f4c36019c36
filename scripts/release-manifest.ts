// `npm run persisted:release -- <client> <version>`: freezes a client's current manifest as
// persisted-queries/releases/<client>-<version>.json when that version ships. The server serves
// the union of all manifests, so the app version keeps working after its operations change in
// later releases; delete the file once no installed app uses that version.
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { CLIENTS } from "../codegen.js";

const [client, version] = process.argv.slice(2);
if (!client || !version || !(CLIENTS as readonly string[]).includes(client) || !/^[\w.-]{1,40}$/.test(version)) {
  console.error(`usage: npm run persisted:release -- <${CLIENTS.join("|")}> <version>`);
  process.exit(2);
}
const root = path.resolve(import.meta.dirname, "..");
const source = path.join(root, "persisted-queries", client, "__generated__", "persisted-documents.json");
const target = path.join(root, "persisted-queries", "releases", `${client}-${version}.json`);
if (existsSync(target)) {
  console.error(`${path.relative(root, target)} exists already: a released manifest never changes`);
  process.exit(1);
}
mkdirSync(path.dirname(target), { recursive: true });
copyFileSync(source, target);
console.log(`wrote ${path.relative(root, target)}`);
