import { builder } from "../graphql/builder.js";
import { nodeAuthorizer } from "../graphql/node-auth.js";
import { objectPayload } from "../graphql/payload.js";
import { RedirectType } from "../links/schema.js";
import { txtRecordName, WELL_KNOWN_PATH } from "./domain-probe.js";
import { addDomain, authorizeDomainRead, listDomains, removeDomain, updateDomain, verifyDomain } from "./manage-domains.js";

const DomainStatus = builder.enumType("DomainStatus", {
  values: {
    PENDING: { description: "Added, not yet proven: its links do not redirect yet." },
    VERIFIED: { description: "Proven by its TXT record or HTTP token; re-checked periodically." },
    FAILING: { description: "Verified before, the latest re-check failed: links still redirect while it is retried." },
  },
});

nodeAuthorizer("Domain", (context, id) => authorizeDomainRead(context.services, context.actor, id));

export const Domain = builder.prismaNode("Domain", {
  id: { field: "id" },
  fields: (t) => ({
    hostname: t.exposeString("hostname", { description: "Lower-case, punycode for international names." }),
    isDefault: t.exposeBoolean("isDefault", { description: "The service's own domain (PUBLIC_BASE_URL's host), shared by every workspace." }),
    status: t.expose("status", { type: DomainStatus }),
    verificationRecordName: t.string({
      description: "Publish a TXT record with this name and verificationToken as its value…",
      resolve: (domain) => txtRecordName(domain.hostname),
    }),
    verificationToken: t.string({
      nullable: true,
      description: "…or serve it as the body of verificationUrl. null for the default domain.",
      resolve: (domain) => (domain.isDefault ? null : domain.verificationToken),
    }),
    verificationUrl: t.string({ resolve: (domain) => `http://${domain.hostname}${WELL_KNOWN_PATH}` }),
    rootRedirectUrl: t.exposeString("rootRedirectUrl", { nullable: true, description: "Where / on this domain redirects (else 404)." }),
    notFoundUrl: t.exposeString("notFoundUrl", { nullable: true, description: "Where unknown slugs on this domain redirect (else 404)." }),
    defaultRedirectType: t.expose("defaultRedirectType", { type: RedirectType, description: "For links created on it without a redirectType." }),
    verifiedAt: t.expose("verifiedAt", { type: "DateTime", nullable: true }),
    lastCheckedAt: t.expose("lastCheckedAt", { type: "DateTime", nullable: true }),
    nextCheckAt: t.expose("nextCheckAt", { type: "DateTime", nullable: true }),
    failingSince: t.expose("failingSince", { type: "DateTime", nullable: true }),
    lastCheckError: t.exposeString("lastCheckError", { nullable: true, description: "What the latest failed check saw." }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    workspace: t.relation("workspace", { nullable: true, description: "null for the default domain." }),
  }),
});

builder.queryField("domains", (t) =>
  t.connection(
    {
      type: Domain,
      nullable: true,
      description: "The selected workspace's custom domains, newest first (the default domain is not listed: see Link.domain).",
      args: { workspaceId: t.arg.id({ description: "Overrides the X-Workspace-Id header." }) },
      resolve: (_root, args, context) => listDomains(context.services, context.actor, { ...args, workspaceId: args.workspaceId?.toString() }),
    },
    { name: "DomainConnection" },
    { name: "DomainEdge" },
  ),
);

const domainPayload = objectPayload("domain", Domain);

builder.relayMutationField(
  "addDomain",
  {
    inputFields: (t) => ({
      workspaceId: t.id({ description: "Default: the X-Workspace-Id header, else your personal workspace." }),
      hostname: t.string({ required: true, description: "e.g. go.example.com (no scheme, port or path)." }),
      rootRedirectUrl: t.string(),
      notFoundUrl: t.string(),
      defaultRedirectType: t.field({ type: RedirectType }),
    }),
  },
  {
    description: "Adds a custom domain (PENDING): publish its TXT record or HTTP token, then verifyDomain (the server also checks by itself).",
    resolve: async (_root, { input }, context) => ({
      domain: await addDomain(context.services, context.actor, { ...input, workspaceId: input.workspaceId?.toString() }),
    }),
  },
  domainPayload,
);

builder.relayMutationField(
  "updateDomain",
  {
    inputFields: (t) => ({
      id: t.id({ required: true }),
      rootRedirectUrl: t.string({ description: "null removes it." }),
      notFoundUrl: t.string({ description: "null removes it." }),
      defaultRedirectType: t.field({ type: RedirectType }),
    }),
  },
  {
    description: "Changes a domain's root redirect, not-found URL or default redirect type; omitted fields stay.",
    resolve: async (_root, { input: { id, ...changes } }, context) => {
      const fields = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
      return { domain: await updateDomain(context.services, context.actor, { ...fields, id: String(id) }) };
    },
  },
  domainPayload,
);

builder.relayMutationField(
  "verifyDomain",
  { inputFields: (t) => ({ id: t.id({ required: true }) }) },
  {
    description: "Checks the domain's TXT record and HTTP token now; returns it with its new status (and lastCheckError when it failed).",
    resolve: async (_root, { input }, context) => ({ domain: await verifyDomain(context.services, context.actor, { id: String(input.id) }) }),
  },
  domainPayload,
);

builder.relayMutationField(
  "removeDomain",
  { inputFields: (t) => ({ id: t.id({ required: true }) }) },
  {
    description: "Removes a domain that has no links (delete them or move them with updateLink first).",
    resolve: async (_root, { input }, context) => {
      await removeDomain(context.services, context.actor, { id: String(input.id) });
      return { removedId: String(input.id) };
    },
  },
  { outputFields: (t) => ({ removedId: t.exposeID("removedId") }) },
);
