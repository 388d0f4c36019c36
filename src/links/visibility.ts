import type { Prisma } from "../generated/prisma/client.js";
import { isAdmin, type Viewer } from "../identity/viewer.js";

/** The links a viewer may see and change: their own, or every link for an admin. */
export const visibleLinks = (viewer: Viewer): Prisma.LinkWhereInput => (isAdmin(viewer) ? {} : { ownerId: viewer.userId });
