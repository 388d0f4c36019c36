import { Prisma, type User } from "../../generated/prisma/client.js";
import type { Db } from "../../db/client.js";
import { emailSchema } from "../credentials.js";
import { createUserWithPersonalWorkspace } from "../../workspaces/personal-workspace.js";

/** What a provider told us about the person, from a validated ID token (and userinfo). */
export interface ProviderIdentity {
  provider: string;
  issuer: string;
  subject: string;
  email?: string;
  emailVerified: boolean;
}

/** A sign-in that reached the provider and back but cannot become a session; `code` is shown to the app. */
export class SignInRefused extends Error {
  constructor(
    readonly code: "EMAIL_REQUIRED" | "EMAIL_NOT_VERIFIED",
    message: string,
  ) {
    super(message);
  }
}

/**
 * The user behind a provider identity. A known identity signs in its user. Otherwise the
 * identity is linked to the account with the same email only when the provider says that email
 * is verified (or anyone could claim an account by typing its address at some provider); with
 * no such account, a new user is created.
 */
export async function userForIdentity(db: Db, identity: ProviderIdentity, attempt = 1): Promise<User> {
  const { provider, issuer, subject, emailVerified } = identity;
  const parsedEmail = identity.email === undefined ? undefined : emailSchema.safeParse(identity.email);
  const email = parsedEmail?.success ? parsedEmail.data : undefined;
  try {
    const known = await db.userIdentity.findUnique({ where: { issuer_subject: { issuer, subject } }, include: { user: true } });
    if (known) {
      await db.userIdentity.update({ where: { id: known.id }, data: { lastSignInAt: new Date(), email, emailVerified } });
      return known.user;
    }
    if (!email) throw new SignInRefused("EMAIL_REQUIRED", "The provider did not share an email address; allow the email scope and try again");

    const account = await db.user.findUnique({ where: { email } });
    if (account) {
      if (!emailVerified) {
        throw new SignInRefused(
          "EMAIL_NOT_VERIFIED",
          "An account with this email already exists, and the provider did not confirm that the email is yours; sign in with your password instead",
        );
      }
      await db.userIdentity.create({ data: { userId: account.id, provider, issuer, subject, email, emailVerified } });
      return account;
    }
    return await createUserWithPersonalWorkspace(db, { email, identities: { create: { provider, issuer, subject, email, emailVerified } } });
  } catch (error) {
    // Two first sign-ins at once: the loser finds what the winner created.
    if (attempt === 1 && error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return userForIdentity(db, identity, 2);
    }
    throw error;
  }
}
