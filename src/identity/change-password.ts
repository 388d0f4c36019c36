import { z } from "zod";
import { badInput, unauthenticated } from "../platform/errors.js";
import { parseInput } from "../platform/validation.js";
import type { Services } from "../services.js";
import { newPasswordSchema } from "./credentials.js";
import { hashPassword, verifyPassword } from "./passwords.js";
import { revokeAllRefreshTokens } from "./refresh-tokens.js";
import { startSession } from "./sessions.js";
import type { Actor } from "../access/actor.js";

const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, "is required").max(256),
  newPassword: newPasswordSchema,
});

/**
 * Changes the signed-in person's password and signs them out everywhere else: every refresh
 * token is revoked and a fresh session is returned for the device that made the change.
 */
export async function changePassword(
  services: Services,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  request: { clientIp: string },
) {
  const userId = actor.requireSession();
  const { currentPassword, newPassword } = parseInput(changePasswordSchema, input);
  const { db, loginThrottle } = services;
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user) throw unauthenticated("Account no longer exists");
  if (!user.passwordHash) {
    throw badInput("currentPassword", "This account has no password: it signs in through an identity provider");
  }
  // A stolen access token must not become a way to guess the password.
  await loginThrottle.check(user.email, request.clientIp);
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    await loginThrottle.failed(user.email, request.clientIp);
    throw badInput("currentPassword", "currentPassword is incorrect");
  }
  await loginThrottle.succeeded(user.email, request.clientIp);
  if (newPassword === currentPassword) throw badInput("newPassword", "newPassword must differ from the current password");

  const updated = await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(newPassword) } });
  await revokeAllRefreshTokens(db, user.id);
  const session = await startSession(services, updated);
  services.credentialEvents.publish({
    userId: user.id,
    only: "sessions",
    exceptSessionFamily: session.sessionFamily,
    reason: "CREDENTIAL_REVOKED",
    cause: "password_changed",
  });
  return session;
}
