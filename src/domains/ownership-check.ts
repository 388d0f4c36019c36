import { setTimeout as sleep } from "node:timers/promises";
import { txtRecordName, WELL_KNOWN_PATH, type DomainProbe } from "./domain-probe.js";

export type CheckResult = { ok: true; method: "TXT" | "HTTP" } | { ok: false; error: string };

/**
 * Whether the domain proves it is ours to serve: a TXT record `_linkgraph.<hostname>` holding the
 * token, or the token served at http://<hostname>/.well-known/linkgraph-verification. A check that
 * fails is tried again (`attempts` in all, with a short back-off) before it counts as failed, so one
 * lost UDP packet or a slow web server does not flip a verified domain to FAILING.
 */
export async function checkOwnership(
  probe: DomainProbe,
  hostname: string,
  token: string,
  options: { attempts?: number; retryDelayMs?: number } = {},
): Promise<CheckResult> {
  const attempts = options.attempts ?? 3;
  let result: CheckResult = { ok: false, error: "not checked" };
  for (let attempt = 1; attempt <= attempts; attempt++) {
    result = await checkOnce(probe, hostname, token);
    if (result.ok) return result;
    if (attempt < attempts) await sleep((options.retryDelayMs ?? 250) * 2 ** (attempt - 1));
  }
  return result;
}

async function checkOnce(probe: DomainProbe, hostname: string, token: string): Promise<CheckResult> {
  const problems: string[] = [];
  try {
    const records = await probe.txt(txtRecordName(hostname));
    if (records.some((record) => record.trim() === token)) return { ok: true, method: "TXT" };
    problems.push(records.length ? `TXT ${txtRecordName(hostname)} does not hold the token` : `no TXT record ${txtRecordName(hostname)}`);
  } catch (error) {
    problems.push(`TXT lookup failed (${describe(error)})`);
  }
  try {
    const addresses = await probe.addresses(hostname);
    const allowed = addresses.find((address) => probe.refusal(address) === null);
    if (!addresses.length) problems.push(`${hostname} has no A/AAAA record`);
    else if (!allowed) problems.push(`${hostname} resolves to ${probe.refusal(addresses[0]!)}, which is not checked over HTTP`);
    else {
      const { status, body } = await probe.wellKnown(hostname, allowed);
      if (status === 200 && body.trim() === token) return { ok: true, method: "HTTP" };
      problems.push(`http://${hostname}${WELL_KNOWN_PATH} answered ${status}${status === 200 ? " without the token" : ""}`);
    }
  } catch (error) {
    problems.push(`HTTP check failed (${describe(error)})`);
  }
  return { ok: false, error: problems.join("; ") };
}

const describe = (error: unknown) => String((error as NodeJS.ErrnoException).code ?? (error as Error).message ?? error);
