import { Prisma } from "../../generated/prisma/client.js";
import { badInput, notFound } from "../../platform/errors.js";
import { parseInput, text } from "../../platform/validation.js";
import type { Services } from "../../services.js";
import { z } from "zod";
import { API_KEY_SCOPES, type ApiKeyScope, type Viewer, isAdmin } from "../viewer.js";
import { generateApiKey } from "./api-key-format.js";

const createApiKeySchema = z.object({
  name: text().trim().min(1, "is required").max(100, "must be at most 100 characters"),
  scopes: z
    .array(z.enum(API_KEY_SCOPES))
    .min(1, "must name at least one scope")
    .transform((scopes) => [...new Set(scopes)]),
  expiresAt: z.date().nullish(),
});

/** Creates a key for the signed-in person. The secret is in the result once and never again. */
export async function createApiKey(
  services: Pick<Services, "db">,
  viewer: Viewer,
  input: { name: string; scopes: readonly ApiKeyScope[]; expiresAt?: Date | null },
) {
  const { name, scopes, expiresAt } = parseInput(createApiKeySchema, input);
  if (expiresAt && expiresAt.getTime() <= Date.now()) throw badInput("expiresAt", "expiresAt must be in the future");
  for (let attempt = 1; ; attempt++) {
    const { key, prefix, secretHash } = generateApiKey();
    try {
      const apiKey = await services.db.apiKey.create({ data: { userId: viewer.userId, name, scopes, expiresAt, prefix, secretHash } });
      return { apiKey, secret: key };
    } catch (error) {
      // The short id is random: a clash is rare and another draw resolves it.
      if (attempt < 3 && error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") continue;
      throw error;
    }
  }
}

/** The keys a viewer may manage: their own, or anyone's for an admin. */
export const manageableApiKeys = (viewer: Viewer): Prisma.ApiKeyWhereInput => (isAdmin(viewer) ? {} : { userId: viewer.userId });

/** Revokes a key at once (it is kept, revoked, in the list). Revoking twice changes nothing. */
export async function revokeApiKey(services: Pick<Services, "db">, viewer: Viewer, id: string) {
  const { db } = services;
  const key = await db.apiKey.findFirst({ where: { id, ...manageableApiKeys(viewer) } });
  if (!key) throw notFound("ApiKey");
  if (key.revokedAt) return key;
  return db.apiKey.update({ where: { id }, data: { revokedAt: new Date() } });
}
