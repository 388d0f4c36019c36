import { execFileSync } from "node:child_process";
import { CHROMIUM_PATH, chromiumAvailable } from "./helpers/chromium.js";

/**
 * Builds the dashboard's browser bundle once per run, so the tests see it as production serves it,
 * and says once (not per test file) when the browser tests will be skipped for want of Chromium.
 * In CI (CI=true) a missing Chromium fails the run instead of passing it quietly.
 */
export default function setup() {
  if (process.env.LINKGRAPH_DASHBOARD_BUILT) return; // global setups run once per project
  process.env.LINKGRAPH_DASHBOARD_BUILT = "1";
  execFileSync("npm", ["run", "--silent", "build:dashboard"], { stdio: "inherit" });
  if (!chromiumAvailable) {
    const message = `Chromium not found at ${CHROMIUM_PATH}: the browser tests need it. Install it with \`apt-get install -y chromium\` (Debian/Ubuntu) or set CHROMIUM_PATH.`;
    if (process.env.CI) throw new Error(message);
    console.warn(`\n${message}\nSkipping the browser tests.\n`);
  }
}
