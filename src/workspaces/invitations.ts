import { createHash, randomBytes } from "node:crypto";
import type { z } from "zod";
import type { Actor } from "../access/actor.js";
import { ROLE_RANK } from "../access/permissions.js";
import { conflict, forbidden, notFound } from "../platform/errors.js";
import { toPublicId } from "../platform/public-id.js";
import { parseInput } from "../platform/validation.js";
import type { Services } from "../services.js";
import { enqueueWebhookEvents } from "../webhooks/outbox.js";
import { invitationIdSchema, invitationTokenSchema, inviteMemberSchema } from "./workspace-input.js";

/** `lgi_` + 256 random bits; only its sha256 is stored, so the token is shown once, to the inviter. */
const INVITATION_PREFIX = "lgi_";
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

type Deps = Pick<Services, "db" | "config">;

/**
 * Invites an email address to a workspace with a role up to the inviter's own (`members.invite`).
 * Returns the single-use, expiring token once, and emits `workspace.member.invited` (with the token)
 * to the workspace's webhooks, e.g. for a mail integration. Inviting the same address again replaces
 * the pending invitation.
 */
export async function inviteMember(deps: Deps, actor: Actor, input: z.input<typeof inviteMemberSchema>) {
  const inviterId = actor.requireSession();
  const { workspaceId, email, role } = parseInput(inviteMemberSchema, input);
  const access = await actor.access(workspaceId);
  access.require("members.invite");
  if (!access.viaInstanceAdmin && ROLE_RANK[role] > ROLE_RANK[access.role]) {
    throw forbidden(`Your role (${access.role}) cannot grant ${role}`, { field: "role", role: access.role });
  }
  const { db, config } = deps;
  if (await db.membership.count({ where: { workspaceId: access.workspaceId, user: { email } } })) {
    throw conflict(`${email} is already a member of this workspace`, { field: "email" });
  }
  const token = `${INVITATION_PREFIX}${randomBytes(32).toString("base64url")}`;
  const expiresAt = new Date(Date.now() + config.invitationTtlHours * 3_600_000);
  const invitation = await db.$transaction(async (tx) => {
    await tx.invitation.updateMany({
      where: { workspaceId: access.workspaceId, email, acceptedAt: null, declinedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const created = await tx.invitation.create({
      data: { workspaceId: access.workspaceId, email, role, tokenHash: hashToken(token), invitedById: inviterId, expiresAt },
      include: { workspace: true },
    });
    await enqueueWebhookEvents(tx, [
      {
        workspaceId: access.workspaceId,
        event: "WORKSPACE_MEMBER_INVITED",
        data: {
          invitation: { id: toPublicId("WorkspaceInvitation", created.id), email, role, expiresAt },
          workspace: { id: toPublicId("Workspace", created.workspaceId), name: created.workspace.name },
          token,
        },
      },
    ]);
    return created;
  });
  return { invitation, token };
}

/** The pending invitation behind a token, addressed to the signed-in person. */
async function pendingInvitation(deps: Deps, actor: Actor, token: string) {
  const userId = actor.requireSession();
  const invitation = await deps.db.invitation.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!invitation) throw notFound("Invitation");
  const user = await deps.db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
  // The token is a bearer secret, but it was issued for one address: forwarded, it stays useless.
  if (invitation.email !== user.email) throw forbidden("This invitation is for another email address");
  if (invitation.acceptedAt || invitation.declinedAt || invitation.revokedAt) throw conflict("This invitation was already used or revoked");
  if (invitation.expiresAt.getTime() <= Date.now()) throw conflict("This invitation has expired; ask for a new one");
  return { invitation, userId };
}

/** Joins the workspace with the invitation's role; the token then stops working. */
export async function acceptInvitation(deps: Deps, actor: Actor, input: z.input<typeof invitationTokenSchema>) {
  const { token } = parseInput(invitationTokenSchema, input);
  const { invitation, userId } = await pendingInvitation(deps, actor, token);
  return deps.db.$transaction(async (tx) => {
    // Single use even when two accepts race: only one update finds it pending.
    const { count } = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, declinedAt: null, revokedAt: null },
      data: { acceptedAt: new Date() },
    });
    if (count === 0) throw conflict("This invitation was already used or revoked");
    await tx.membership.createMany({ data: [{ workspaceId: invitation.workspaceId, userId, role: invitation.role }], skipDuplicates: true });
    const membership = await tx.membership.findUniqueOrThrow({
      where: { workspaceId_userId: { workspaceId: invitation.workspaceId, userId } },
      include: { workspace: true },
    });
    return Object.assign(membership.workspace, { viewerRole: membership.role });
  });
}

export async function declineInvitation(deps: Deps, actor: Actor, input: z.input<typeof invitationTokenSchema>) {
  const { token } = parseInput(invitationTokenSchema, input);
  const { invitation } = await pendingInvitation(deps, actor, token);
  return deps.db.invitation.update({ where: { id: invitation.id }, data: { declinedAt: new Date() } });
}

/** Withdraws an invitation (`members.invite`); its token stops working at once. */
export async function revokeInvitation(deps: Deps, actor: Actor, input: z.input<typeof invitationIdSchema>) {
  actor.requireSession();
  const { id } = parseInput(invitationIdSchema, input);
  const invitation = await deps.db.invitation.findUnique({ where: { id } });
  if (!invitation) throw notFound("WorkspaceInvitation");
  (await actor.access(invitation.workspaceId, "WorkspaceInvitation")).require("members.invite");
  if (invitation.revokedAt || invitation.acceptedAt || invitation.declinedAt) return invitation;
  return deps.db.invitation.update({ where: { id }, data: { revokedAt: new Date() } });
}

export const invitationStatus = (invitation: { acceptedAt: Date | null; declinedAt: Date | null; revokedAt: Date | null; expiresAt: Date }) =>
  invitation.acceptedAt
    ? "ACCEPTED"
    : invitation.declinedAt
      ? "DECLINED"
      : invitation.revokedAt
        ? "REVOKED"
        : invitation.expiresAt.getTime() <= Date.now()
          ? "EXPIRED"
          : "PENDING";
