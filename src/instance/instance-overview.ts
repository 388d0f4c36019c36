import { z } from "zod";
import type { Actor } from "../access/actor.js";
import type { LinkQuery } from "../links/find-links.js";
import { forbidden } from "../platform/errors.js";
import { parseInput } from "../platform/validation.js";
import type { Services } from "../services.js";

export interface InstanceTotals {
  users: number;
  workspaces: number;
  links: number;
  /** Stored clicks of every link (bots excluded unless counted), a bigint sum. */
  clicks: number;
}

/** Instance administrators only (never an API key): FORBIDDEN for everyone else, like `allOwners`. */
async function requireInstanceAdmin(actor: Actor) {
  actor.requireUser();
  if (!(await actor.isInstanceAdmin())) throw forbidden("Only instance admins can see the instance overview");
}

/** How many accounts, workspaces, links and stored clicks the whole instance holds, in one statement. */
export async function instanceTotals(deps: Pick<Services, "db">, actor: Actor): Promise<InstanceTotals> {
  await requireInstanceAdmin(actor);
  const [row] = await deps.db.$queryRaw<Array<{ users: number; workspaces: number; links: number; clicks: bigint | number }>>`
    SELECT (SELECT count(*) FROM "User")::int AS users,
           (SELECT count(*) FROM "Workspace")::int AS workspaces,
           count(*)::int AS links,
           coalesce(sum("clickCount"), 0)::bigint AS clicks
    FROM "Link"`;
  return { users: row!.users, workspaces: row!.workspaces, links: row!.links, clicks: Number(row!.clicks) };
}

const topLinksSchema = z.object({ first: z.number().int().min(1, "must be between 1 and 50").max(50, "must be between 1 and 50") });

/** The most clicked links of every workspace (all-time stored totals), most first. */
export async function instanceTopLinks(deps: Pick<Services, "db">, actor: Actor, input: z.input<typeof topLinksSchema>, query: LinkQuery = {}) {
  await requireInstanceAdmin(actor);
  const { first } = parseInput(topLinksSchema, input);
  return deps.db.link.findMany({ ...query, where: { clickCount: { gt: 0 } }, orderBy: [{ clickCount: "desc" }, { id: "asc" }], take: first });
}
