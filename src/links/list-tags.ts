import { z } from "zod";
import type { Actor } from "../access/actor.js";
import { publicId } from "../platform/public-id.js";
import { parseInput } from "../platform/validation.js";
import type { Services } from "../services.js";

const listTagsSchema = z.object({ workspaceId: publicId("Workspace").nullish() });

/** The tags in use on a workspace's live links, most used first; `links.read`. */
export async function listTags(services: Pick<Services, "db">, actor: Actor, input: z.input<typeof listTagsSchema>) {
  const { workspaceId } = parseInput(listTagsSchema, input);
  const access = await actor.access(workspaceId);
  access.require("links.read");
  const rows = await services.db.$queryRaw<Array<{ tag: string; links: number }>>`
    SELECT tag, count(*)::int AS links FROM "Link", unnest(tags) AS tag
    WHERE "workspaceId" = ${access.workspaceId}::uuid AND "archivedAt" IS NULL
    GROUP BY tag ORDER BY links DESC, tag LIMIT 1000`;
  return rows;
}
