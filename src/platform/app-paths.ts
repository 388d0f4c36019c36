import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The folder holding package.json: the repository in development (tsx runs src/), /app in the
 * image (node runs the bundle in dist/server/). Found by walking up, because the bundled code
 * sits at a different depth than its sources.
 */
function findAppRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "package.json"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const appRoot = findAppRoot(path.dirname(fileURLToPath(import.meta.url)));
/** The dashboard's prebuilt browser bundle (`npm run build:dashboard`). */
export const dashboardDir = path.join(appRoot, "dist", "dashboard");
/** Database migrations, shipped beside the code. */
export const migrationsDir = path.join(appRoot, "prisma", "migrations");
