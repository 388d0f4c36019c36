import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Logger } from "../../platform/logger.js";

/** `sha256:<64 lowercase hex>`: the GraphQL-over-HTTP persisted document id our codegen writes. */
export const DOCUMENT_ID_PATTERN = /^sha256:[0-9a-f]{64}$/;

export const documentIdOf = (document: string) => `sha256:${createHash("sha256").update(document).digest("hex")}`;

export interface PersistedDocuments {
  /** The document text for an id, or null. A miss re-reads the manifests (at most once per reload interval). */
  get(id: string): Promise<string | null>;
  /** Ids currently known (after the last read). */
  size(): number;
}

interface ManifestFile {
  mtimeMs: number;
  size: number;
  documents: Map<string, string>;
}

/**
 * Every `*.json` manifest under `directory` (any depth: one per client from codegen, plus frozen
 * ones per released app version) maps `sha256:<hex>` ids to documents; the server serves their
 * union. Manifests added or changed while running are picked up on the next miss, so a new app
 * version's operations work without a restart and old versions keep theirs while their file stays.
 * An entry whose id is not the sha256 of its text is ignored: ids must identify content.
 */
export function createPersistedDocuments(options: { directory: string; reloadIntervalMs: number; log: Logger }): PersistedDocuments {
  const { directory, reloadIntervalMs, log } = options;
  const files = new Map<string, ManifestFile>();
  let documents = new Map<string, string>();
  let lastScanAt = Number.NEGATIVE_INFINITY;
  let scanning: Promise<void> | undefined;

  async function scan() {
    const paths = await listManifests(directory, log);
    const next = new Map<string, string>();
    for (const file of paths) {
      const loaded = await loadManifest(file, files.get(file), log);
      if (!loaded) continue;
      files.set(file, loaded);
      for (const [id, text] of loaded.documents) next.set(id, text);
    }
    for (const known of files.keys()) if (!paths.includes(known)) files.delete(known);
    if (next.size !== documents.size) log.info({ directory, documents: next.size, manifests: files.size }, "persisted operations loaded");
    documents = next;
  }

  function rescan() {
    scanning ??= scan()
      .catch((error: unknown) => log.error({ err: error, directory }, "reading persisted operation manifests failed"))
      .finally(() => {
        lastScanAt = performance.now();
        scanning = undefined;
      });
    return scanning;
  }

  void rescan(); // loaded at start-up, so the first request does not wait

  return {
    async get(id) {
      const known = documents.get(id);
      if (known !== undefined) return known;
      if (scanning) await scanning;
      else if (performance.now() - lastScanAt >= reloadIntervalMs) await rescan();
      return documents.get(id) ?? null;
    },
    size: () => documents.size,
  };
}

async function listManifests(directory: string, log: Logger): Promise<string[]> {
  try {
    const entries = await readdir(directory, { recursive: true, withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile() && entry.name.endsWith(".json"))
      .map((entry) => path.join(entry.parentPath, entry.name))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      log.warn({ directory }, "persisted operations directory does not exist: no persisted operations");
      return [];
    }
    throw error;
  }
}

async function loadManifest(file: string, previous: ManifestFile | undefined, log: Logger): Promise<ManifestFile | undefined> {
  const info = await stat(file);
  if (previous && previous.mtimeMs === info.mtimeMs && previous.size === info.size) return previous;
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    log.warn({ file, err: error }, "skipping a persisted operation manifest that is not valid JSON");
    return undefined;
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    log.warn({ file }, "skipping a persisted operation manifest that is not an object of id → document");
    return undefined;
  }
  const documents = new Map<string, string>();
  for (const [id, text] of Object.entries(parsed)) {
    if (!DOCUMENT_ID_PATTERN.test(id) || typeof text !== "string" || documentIdOf(text) !== id) {
      log.warn({ file, id }, "skipping a persisted operation whose id is not the sha256 of its document");
      continue;
    }
    documents.set(id, text);
  }
  return { mtimeMs: info.mtimeMs, size: info.size, documents };
}
