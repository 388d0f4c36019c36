import { z } from "zod";
import { REDIRECT_TYPES } from "../links/link-input.js";
import { destinationUrlSchema } from "../links/link-rules.js";
import { pageArgsSchema } from "../platform/pagination.js";
import { publicId } from "../platform/public-id.js";
import { hostnameSchema } from "./hostname.js";

/** Input schemas of the domain use cases (GraphQL maps to them; REST and its OpenAPI document can reuse them). */
export function addDomainSchema(ownHosts: readonly string[]) {
  const url = destinationUrlSchema(ownHosts);
  return z.object({
    workspaceId: publicId("Workspace").nullish(),
    hostname: hostnameSchema,
    rootRedirectUrl: url.nullish(),
    notFoundUrl: url.nullish(),
    defaultRedirectType: z.enum(REDIRECT_TYPES).nullish(),
  });
}

/** Absent fields stay as they are; null clears a URL. */
export function updateDomainSchema(ownHosts: readonly string[]) {
  const url = destinationUrlSchema(ownHosts);
  return z.object({
    id: publicId("Domain"),
    rootRedirectUrl: url.nullish(),
    notFoundUrl: url.nullish(),
    defaultRedirectType: z.enum(REDIRECT_TYPES).optional(),
  });
}

export const domainIdSchema = z.object({ id: publicId("Domain") });
export const listDomainsSchema = pageArgsSchema.extend({ workspaceId: publicId("Workspace").nullish() });

export type AddDomainInput = z.input<ReturnType<typeof addDomainSchema>>;
export type UpdateDomainInput = z.input<ReturnType<typeof updateDomainSchema>>;
export type DomainIdInput = z.input<typeof domainIdSchema>;
export type ListDomainsInput = z.input<typeof listDomainsSchema>;
