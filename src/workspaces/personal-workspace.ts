import type { Prisma } from "../generated/prisma/client.js";
import type { Db } from "../db/client.js";

export const PERSONAL_WORKSPACE_NAME = "Personal";

type UserData = Omit<Prisma.UserCreateInput, "personalWorkspace" | "memberships">;

/**
 * Creates an account together with its personal workspace, whose OWNER it is: every way of
 * signing up goes through here, so no user is ever without a workspace.
 */
export function createUserWithPersonalWorkspace(db: Db, data: UserData) {
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({ data });
    await tx.workspace.create({
      data: { name: PERSONAL_WORKSPACE_NAME, personalOwnerId: user.id, memberships: { create: { userId: user.id, role: "OWNER" } } },
    });
    return user;
  });
}

/** The id of a user's personal workspace. */
export async function personalWorkspaceId(db: Pick<Db, "workspace">, userId: string): Promise<string> {
  const workspace = await db.workspace.findUniqueOrThrow({ where: { personalOwnerId: userId }, select: { id: true } });
  return workspace.id;
}
