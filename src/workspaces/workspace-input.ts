import { z } from "zod";
import { WORKSPACE_ROLES } from "../access/permissions.js";
import { emailSchema } from "../identity/credentials.js";
import { pageArgsSchema } from "../platform/pagination.js";
import { publicId } from "../platform/public-id.js";
import { text } from "../platform/text.js";

export const workspaceIdSchema = publicId("Workspace");
const optionalWorkspace = { workspaceId: workspaceIdSchema.nullish() };
const name = text().min(1, "is required").max(100, "must be at most 100 characters");
/** Roles that can be given by invitation or role change; OWNER only moves by transferWorkspaceOwnership. */
const grantableRole = z.enum(WORKSPACE_ROLES).refine((role) => role !== "OWNER", "cannot be OWNER: use transferWorkspaceOwnership");

export const createWorkspaceSchema = z.object({ name });
export const updateWorkspaceSchema = z.object({ ...optionalWorkspace, name });
export const workspaceSchema = z.object(optionalWorkspace);
export const workspacePageSchema = pageArgsSchema.extend(optionalWorkspace);
export const inviteMemberSchema = z.object({ ...optionalWorkspace, email: emailSchema, role: grantableRole });
export const invitationTokenSchema = z.object({ token: z.string().min(1, "is required").max(200) });
export const invitationIdSchema = z.object({ id: publicId("WorkspaceInvitation") });
export const memberSchema = z.object({ ...optionalWorkspace, userId: publicId("User") });
export const changeRoleSchema = memberSchema.extend({ role: grantableRole });
