import { builder } from "../../graphql/builder.js";
import { nodeAuthorizer } from "../../graphql/node-auth.js";
import { objectPayload, payload } from "../../graphql/payload.js";
import { API_KEY_SCOPES, type ApiKeyScope } from "../viewer.js";
import { authorizeApiKeyRead, createApiKey, listApiKeys, revokeApiKey } from "./manage-api-keys.js";

const SCOPE_DESCRIPTIONS: Partial<Record<ApiKeyScope, string>> = {
  LINKS_READ: "Read links: link, links, node.",
  LINKS_WRITE: "Create, update and delete links.",
  ANALYTICS_READ: "Read click statistics.",
  WEBHOOKS_MANAGE: "Manage webhooks.",
  ARBITRARY_OPERATIONS: "Send operations that are not persisted, where the server otherwise runs persisted ones only.",
};

const ApiKeyScopeEnum = builder.enumType("ApiKeyScope", {
  description: "What an API key may do. A key acts for its owner (never with the admin role), limited to its scopes.",
  values: Object.fromEntries(API_KEY_SCOPES.map((scope) => [scope, { description: SCOPE_DESCRIPTIONS[scope] }])) as Record<
    ApiKeyScope,
    { description?: string }
  >,
});

const ApiKeyStatus = builder.enumType("ApiKeyStatus", { values: ["ACTIVE", "EXPIRED", "REVOKED"] as const });

// Managing keys takes a person's session: a key cannot read, mint or revoke keys.
nodeAuthorizer("ApiKey", (context, id) => authorizeApiKeyRead(context.services, context.actor, id));

export const ApiKey = builder.prismaNode("ApiKey", {
  id: { field: "id" },
  nullable: true,
  fields: (t) => ({
    name: t.exposeString("name"),
    prefix: t.exposeString("prefix", { description: "The visible start of the key (lgk_ and a short id), to recognise it. Never the secret." }),
    scopes: t.field({
      type: [ApiKeyScopeEnum],
      resolve: (key) => key.scopes.filter((scope): scope is ApiKeyScope => (API_KEY_SCOPES as readonly string[]).includes(scope)),
    }),
    status: t.field({
      type: ApiKeyStatus,
      resolve: (key) => (key.revokedAt ? "REVOKED" : key.expiresAt && key.expiresAt.getTime() <= Date.now() ? "EXPIRED" : "ACTIVE"),
    }),
    expiresAt: t.expose("expiresAt", { type: "DateTime", nullable: true }),
    lastUsedAt: t.expose("lastUsedAt", { type: "DateTime", nullable: true, description: "Accurate to about a minute." }),
    revokedAt: t.expose("revokedAt", { type: "DateTime", nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    createdBy: t.relation("user", { description: "Who created it: the key acts with their current role in its workspace." }),
    workspace: t.relation("workspace"),
  }),
});

builder.queryField("apiKeys", (t) =>
  t.connection(
    {
      type: ApiKey,
      nullable: true,
      description: "The selected workspace's API keys, newest first, without their secrets (OWNER and ADMIN).",
      args: {
        includeRevoked: t.arg.boolean({ description: "Also list revoked keys (default false)." }),
        workspaceId: t.arg.id({ description: "Overrides the X-Workspace-Id header." }),
      },
      resolve: (_root, args, context) => listApiKeys(context.services, context.actor, { ...args, workspaceId: args.workspaceId?.toString() }),
    },
    { name: "ApiKeyConnection" },
    { name: "ApiKeyEdge" },
  ),
);

builder.relayMutationField(
  "createApiKey",
  {
    inputFields: (t) => ({
      workspaceId: t.id({ description: "The workspace it acts in; default the X-Workspace-Id header, else your personal one." }),
      name: t.string({ required: true, description: "1–100 characters, to tell your keys apart." }),
      scopes: t.field({ type: [ApiKeyScopeEnum], required: true }),
      expiresAt: t.field({ type: "DateTime", description: "The key stops working then; never when omitted." }),
    }),
  },
  {
    description: "Creates an API key. The secret is returned now and never again: only its hash is stored.",
    resolve: (_root, { input }, context) => createApiKey(context.services, context.actor, { ...input, workspaceId: input.workspaceId?.toString() }),
  },
  payload<{ apiKey: unknown; secret: string }>((t) => ({
    apiKey: t.field({ type: ApiKey, resolve: (result) => result.apiKey as never }),
    secret: t.exposeString("secret", { description: "Send as `Authorization: Bearer <secret>`." }),
  })),
);

builder.relayMutationField(
  "revokeApiKey",
  { inputFields: (t) => ({ id: t.id({ required: true }) }) },
  {
    description: "Revokes an API key at once (OWNER and ADMIN of its workspace; instance admins anywhere).",
    resolve: async (_root, { input }, context) => ({ apiKey: await revokeApiKey(context.services, context.actor, { id: String(input.id) }) }),
  },
  objectPayload("apiKey", ApiKey),
);
