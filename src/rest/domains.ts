import { z } from "zod";
import { addDomain, findDomainFor, listDomains, removeDomain, updateDomain, verifyDomain } from "../domains/manage-domains.js";
import { addDomainSchema, updateDomainSchema } from "../domains/domain-input.js";
import { txtRecordName, WELL_KNOWN_PATH } from "../domains/domain-probe.js";
import type { Domain } from "../generated/prisma/client.js";
import { REDIRECT_TYPES } from "../links/link-input.js";
import { fromPublicId, toPublicId } from "../platform/public-id.js";
import { operation, type RestContext } from "./operation.js";
import { dateTime, idParam, iso, pageBody, pageOf, pageQuery } from "./schemas.js";

const DOMAIN_STATUSES = ["PENDING", "VERIFIED", "FAILING"] as const;

/** The same fields as GraphQL's Domain. */
export const DomainSchema = z
  .object({
    id: z.string(),
    hostname: z.string(),
    status: z.enum(DOMAIN_STATUSES),
    verificationRecordName: z.string().meta({ description: "Publish a TXT record with this name and verificationToken as its value…" }),
    verificationToken: z.string().nullable().meta({ description: "…or serve it as the body of verificationUrl." }),
    verificationUrl: z.string(),
    rootRedirectUrl: z.string().nullable(),
    notFoundUrl: z.string().nullable(),
    defaultRedirectType: z.enum(REDIRECT_TYPES),
    verifiedAt: dateTime.nullable(),
    lastCheckedAt: dateTime.nullable(),
    nextCheckAt: dateTime.nullable(),
    failingSince: dateTime.nullable(),
    lastCheckError: z.string().nullable(),
    workspaceId: z.string().nullable(),
    createdAt: dateTime,
  })
  .meta({ id: "Domain" });

const domainJson = (domain: Domain) => ({
  id: toPublicId("Domain", domain.id),
  hostname: domain.hostname,
  status: domain.status,
  verificationRecordName: txtRecordName(domain.hostname),
  verificationToken: domain.isDefault ? null : domain.verificationToken,
  verificationUrl: `http://${domain.hostname}${WELL_KNOWN_PATH}`,
  rootRedirectUrl: domain.rootRedirectUrl,
  notFoundUrl: domain.notFoundUrl,
  defaultRedirectType: domain.defaultRedirectType,
  verifiedAt: iso(domain.verifiedAt),
  lastCheckedAt: iso(domain.lastCheckedAt),
  nextCheckAt: iso(domain.nextCheckAt),
  failingSince: iso(domain.failingSince),
  lastCheckError: domain.lastCheckError,
  workspaceId: domain.workspaceId === null ? null : toPublicId("Workspace", domain.workspaceId),
  createdAt: domain.createdAt.toISOString(),
});

const domainId = idParam("The domain's id (as in GraphQL).");
const currentDomain = async (context: RestContext<unknown>) =>
  domainJson(await findDomainFor(context.services, context.actor, fromPublicId("Domain", context.params.id!, "id"), "links.read"));

export const domainOperations = [
  operation({
    method: "GET",
    path: "/domains",
    operationId: "listDomains",
    summary: "List custom domains",
    description: "The selected workspace's custom domains, newest first (the default domain is not listed).",
    tag: "Domains",
    permission: "links.read",
    paginated: true,
    query: pageQuery,
    success: { status: 200, description: "One page of domains.", schema: pageOf(DomainSchema, "DomainPage") },
    handle: async (context) => ({ status: 200, body: pageBody(await listDomains(context.services, context.actor, context.query), domainJson) }),
  }),
  operation({
    method: "POST",
    path: "/domains",
    operationId: "addDomain",
    summary: "Add a custom domain",
    description: "PENDING until its TXT record or HTTP token is seen; the server checks by itself, or call verify.",
    tag: "Domains",
    permission: "domains.manage",
    body: addDomainSchema([]).omit({ workspaceId: true }).meta({ id: "AddDomainInput" }),
    bodyExample: { hostname: "go.example.com", rootRedirectUrl: "https://example.com" },
    success: { status: 201, description: "The domain, with what to publish to verify it.", schema: DomainSchema },
    async handle(context) {
      const domain = await addDomain(context.services, context.actor, context.body as Parameters<typeof addDomain>[2]);
      return { status: 201, body: domainJson(domain), headers: { location: `${context.apiUrl}/domains/${toPublicId("Domain", domain.id)}` } };
    },
  }),
  operation({
    method: "GET",
    path: "/domains/{id}",
    operationId: "getDomain",
    summary: "Get a domain",
    tag: "Domains",
    permission: "links.read",
    pathParams: domainId,
    success: { status: 200, description: "The domain.", schema: DomainSchema },
    handle: async (context) => ({ status: 200, body: await currentDomain(context) }),
  }),
  operation({
    method: "PATCH",
    path: "/domains/{id}",
    operationId: "updateDomain",
    summary: "Update a domain's root redirect, not-found URL or default redirect type",
    tag: "Domains",
    permission: "domains.manage",
    pathParams: domainId,
    body: updateDomainSchema([]).omit({ id: true }).meta({ id: "UpdateDomainInput" }),
    bodyExample: { notFoundUrl: "https://example.com/404" },
    current: currentDomain,
    success: { status: 200, description: "The updated domain.", schema: DomainSchema },
    async handle(context) {
      const input = { ...(context.body as object), id: context.params.id! } as Parameters<typeof updateDomain>[2];
      return { status: 200, body: domainJson(await updateDomain(context.services, context.actor, input)) };
    },
  }),
  operation({
    method: "POST",
    path: "/domains/{id}/verify",
    operationId: "verifyDomain",
    summary: "Check a domain's TXT record or HTTP token now",
    tag: "Domains",
    permission: "domains.manage",
    pathParams: domainId,
    success: { status: 200, description: "The domain with its new status.", schema: DomainSchema },
    handle: async (context) => ({ status: 200, body: domainJson(await verifyDomain(context.services, context.actor, { id: context.params.id! })) }),
  }),
  operation({
    method: "DELETE",
    path: "/domains/{id}",
    operationId: "removeDomain",
    summary: "Remove a domain without links",
    tag: "Domains",
    permission: "domains.manage",
    pathParams: domainId,
    current: currentDomain,
    success: { status: 204, description: "Removed." },
    async handle(context) {
      await removeDomain(context.services, context.actor, { id: context.params.id! });
      return { status: 204 };
    },
  }),
];
