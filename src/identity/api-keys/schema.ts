import { builder } from "../../graphql/builder.js";
import { idOf } from "../../graphql/global-id.js";
import { nodeScopes } from "../../graphql/node-auth.js";
import { API_KEY_SCOPES, type ApiKeyScope } from "../viewer.js";
import { createApiKey, manageableApiKeys, revokeApiKey } from "./manage-api-keys.js";

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
nodeScopes("ApiKey", { session: true });

export const ApiKey = builder.prismaNode("ApiKey", {
  id: { field: "id" },
  nullable: true,
  authScopes: (key) => ({ owner: key.userId }),
  findUnique: (id, context) => ({ id, ...(context.viewer ? manageableApiKeys(context.viewer) : { userId: "" }) }) as { id: string },
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
  }),
});

builder.queryField("apiKeys", (t) =>
  t.prismaConnection(
    {
      type: "ApiKey",
      cursor: "id",
      nullable: true,
      defaultSize: 20,
      maxSize: 100,
      description: "Your API keys, newest first, without their secrets.",
      authScopes: { session: true },
      args: { includeRevoked: t.arg.boolean({ description: "Also list revoked keys (default false)." }) },
      resolve: (query, _root, args, context) =>
        context.services.db.apiKey.findMany({
          ...query,
          where: { userId: context.viewer!.userId, ...(args.includeRevoked ? {} : { revokedAt: null }) },
          orderBy: { id: "desc" },
        }),
    },
    { name: "ApiKeyConnection" },
    { name: "ApiKeyEdge" },
  ),
);

builder.relayMutationField(
  "createApiKey",
  {
    inputFields: (t) => ({
      name: t.string({ required: true, description: "1–100 characters, to tell your keys apart." }),
      scopes: t.field({ type: [ApiKeyScopeEnum], required: true }),
      expiresAt: t.field({ type: "DateTime", description: "The key stops working then; never when omitted." }),
    }),
  },
  {
    description: "Creates an API key. The secret is returned now and never again: only its hash is stored.",
    authScopes: { session: true },
    resolve: (_root, { input }, context) => createApiKey(context.services, context.viewer!, input),
  },
  {
    outputFields: (t) => ({
      apiKey: t.field({ type: ApiKey, resolve: (payload) => payload.apiKey }),
      secret: t.exposeString("secret", { description: "Send as `Authorization: Bearer <secret>`." }),
    }),
  },
);

builder.relayMutationField(
  "revokeApiKey",
  { inputFields: (t) => ({ id: t.id({ required: true }) }) },
  {
    description: "Revokes an API key at once. Admins may revoke anyone's key.",
    authScopes: { session: true },
    resolve: async (_root, { input }, context) => ({
      apiKey: await revokeApiKey(context.services, context.viewer!, idOf("ApiKey", String(input.id))),
    }),
  },
  { outputFields: (t) => ({ apiKey: t.field({ type: ApiKey, resolve: (payload) => payload.apiKey }) }) },
);
