import { z } from "zod";
import { listTags } from "../links/list-tags.js";
import { operation } from "./operation.js";

const TagsSchema = z
  .object({ data: z.array(z.object({ tag: z.string(), links: z.number().int().meta({ description: "Live links carrying it." }) })) })
  .meta({ id: "TagList", example: { data: [{ tag: "q4", links: 12 }] } });

export const tagOperations = [
  operation({
    method: "GET",
    path: "/tags",
    operationId: "listTags",
    summary: "The tags in use",
    description: "Tags of the selected workspace's live links, most used first (at most 1000). Filter links by tag with `GET /links?tag=`.",
    tag: "Links",
    permission: "links.read",
    success: { status: 200, description: "Tags with their link counts.", schema: TagsSchema },
    handle: async (context) => ({ status: 200, body: { data: await listTags(context.services, context.actor, {}) } }),
  }),
];
