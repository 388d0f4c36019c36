import { z } from "zod";
import { API_KEY_SCOPES } from "../identity/viewer.js";
import { findMe } from "../identity/find-users.js";
import { unauthenticated } from "../platform/errors.js";
import { toPublicId } from "../platform/public-id.js";
import { operation } from "./operation.js";
import { dateTime } from "./schemas.js";

const MeSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    createdAt: dateTime,
    apiKey: z
      .object({ id: z.string(), scopes: z.array(z.enum(API_KEY_SCOPES)), workspaceId: z.string() })
      .nullable()
      .meta({ description: "Set when the call is made with an API key." }),
  })
  .meta({ id: "Me" });

export const meOperations = [
  operation({
    method: "GET",
    path: "/me",
    operationId: "getMe",
    summary: "Who is calling",
    description: "The signed-in person (an API key's creator) and, with an API key, its scopes and workspace.",
    tag: "Me",
    permission: "signed in",
    success: { status: 200, description: "The caller.", schema: MeSchema },
    async handle(context) {
      const user = (await findMe(context.services, context.actor)) as { id: string; email: string; createdAt: Date } | null;
      if (!user) throw unauthenticated();
      const key = context.actor.apiKey;
      return {
        status: 200,
        body: {
          id: toPublicId("User", user.id),
          email: user.email,
          createdAt: user.createdAt.toISOString(),
          apiKey: key ? { id: toPublicId("ApiKey", key.id), scopes: key.scopes, workspaceId: toPublicId("Workspace", key.workspaceId) } : null,
        },
      };
    },
  }),
];
