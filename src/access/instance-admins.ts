import type { Db } from "../db/client.js";
import { emailSchema } from "../identity/credentials.js";
import { notFound } from "../platform/errors.js";
import { parseInput } from "../platform/validation.js";
import { z } from "zod";

const adminInput = z.object({ email: emailSchema });

/**
 * Grants or revokes the instance administrator role (every workspace visible and manageable).
 * Only the operator's command line calls this: no API can. Takes effect on the account's next
 * request (the role is read from the database on each one).
 */
export async function setInstanceAdmin(db: Pick<Db, "user">, input: z.input<typeof adminInput>, admin: boolean) {
  const { email } = parseInput(adminInput, input);
  const { count } = await db.user.updateMany({ where: { email }, data: { role: admin ? "ADMIN" : "USER" } });
  if (count === 0) throw notFound(`An account with the email ${email}`);
  return { email, admin };
}
