import { z } from "zod";
import type { Actor } from "../../access/actor.js";
import { Prisma } from "../../generated/prisma/client.js";
import { badInput, notFound } from "../../platform/errors.js";
import { paginate, pageArgsSchema } from "../../platform/pagination.js";
import { publicId } from "../../platform/public-id.js";
import { text } from "../../platform/text.js";
import { parseInput } from "../../platform/validation.js";
import type { Services } from "../../services.js";
import { API_KEY_SCOPES } from "../viewer.js";
import { generateApiKey } from "./api-key-format.js";

const createApiKeySchema = z.object({
  workspaceId: publicId("Workspace").nullish(),
  name: text().min(1, "is required").max(100, "must be at most 100 characters"),
  scopes: z
    .array(z.enum(API_KEY_SCOPES))
    .min(1, "must name at least one scope")
    .transform((scopes) => [...new Set(scopes)]),
  expiresAt: z.date().nullish(),
});

/**
 * Creates a key of a workspace (`apiKeys.manage`, a person's session). It acts there with its
 * creator's current role, narrowed by its scopes. The secret is in the result once and never again.
 */
export async function createApiKey(services: Pick<Services, "db">, actor: Actor, input: z.input<typeof createApiKeySchema>) {
  const userId = actor.requireSession();
  const { name, scopes, expiresAt, workspaceId } = parseInput(createApiKeySchema, input);
  const access = await actor.access(workspaceId);
  access.require("apiKeys.manage");
  if (expiresAt && expiresAt.getTime() <= Date.now()) throw badInput("expiresAt", "expiresAt must be in the future");
  for (let attempt = 1; ; attempt++) {
    const { key, prefix, secretHash } = generateApiKey();
    try {
      const apiKey = await services.db.apiKey.create({
        data: { userId, workspaceId: access.workspaceId, name, scopes, expiresAt, prefix, secretHash },
      });
      return { apiKey, secret: key };
    } catch (error) {
      // The short id is random: a clash is rare and another draw resolves it.
      if (attempt < 3 && error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") continue;
      throw error;
    }
  }
}

const listApiKeysSchema = pageArgsSchema.extend({ workspaceId: publicId("Workspace").nullish(), includeRevoked: z.boolean().nullish() });

/** The workspace's keys, newest first, without secrets (`apiKeys.manage`). */
export async function listApiKeys(services: Pick<Services, "db">, actor: Actor, input: z.input<typeof listApiKeysSchema>) {
  actor.requireSession();
  const { workspaceId, includeRevoked, ...page } = parseInput(listApiKeysSchema, input);
  const access = await actor.access(workspaceId);
  access.require("apiKeys.manage");
  return paginate(page, (keyset) =>
    services.db.apiKey.findMany({
      where: { AND: [{ workspaceId: access.workspaceId }, includeRevoked ? {} : { revokedAt: null }, keyset.where] },
      orderBy: keyset.orderBy,
      take: keyset.take,
    }),
  );
}

async function findApiKeyFor(services: Pick<Services, "db">, actor: Actor, id: string) {
  actor.requireSession();
  const key = await services.db.apiKey.findUnique({ where: { id } });
  if (!key) throw notFound("ApiKey");
  (await actor.access(key.workspaceId, "ApiKey")).require("apiKeys.manage");
  return key;
}

/** node(id) of an ApiKey. */
export async function authorizeApiKeyRead(services: Pick<Services, "db">, actor: Actor, id: string) {
  await findApiKeyFor(services, actor, id);
}

const revokeApiKeySchema = z.object({ id: publicId("ApiKey") });

/** Revokes a key at once (it is kept, revoked, in the list). Revoking twice changes nothing. */
export async function revokeApiKey(services: Pick<Services, "db" | "credentialEvents">, actor: Actor, input: z.input<typeof revokeApiKeySchema>) {
  const { id } = parseInput(revokeApiKeySchema, input);
  const key = await findApiKeyFor(services, actor, id);
  if (key.revokedAt) return key;
  const revoked = await services.db.apiKey.update({ where: { id }, data: { revokedAt: new Date() } });
  services.credentialEvents.publish({ apiKeyId: id, reason: "CREDENTIAL_REVOKED", cause: "api_key_revoked" });
  return revoked;
}
