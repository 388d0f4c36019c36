import { randomBytes } from "node:crypto";
import type { Actor } from "../access/actor.js";
import type { Permission } from "../access/permissions.js";
import { Prisma } from "../generated/prisma/client.js";
import { ownHosts } from "../links/own-hosts.js";
import { badInput, conflict, notFound } from "../platform/errors.js";
import { paginate } from "../platform/pagination.js";
import { parseInput } from "../platform/validation.js";
import type { Services } from "../services.js";
import { DEFAULT_DOMAIN_ID } from "./default-domain.js";
import {
  addDomainSchema,
  domainIdSchema,
  listDomainsSchema,
  updateDomainSchema,
  type AddDomainInput,
  type DomainIdInput,
  type ListDomainsInput,
  type UpdateDomainInput,
} from "./domain-input.js";

/** Each domain is checked on a schedule: the count per workspace is bounded. */
export const MAX_DOMAINS_PER_WORKSPACE = 50;

type Deps = Pick<Services, "db" | "config" | "domains">;

/** Adds a custom domain to a workspace (`domains.manage`): PENDING until its TXT record or HTTP token is seen. */
export async function addDomain(deps: Deps, actor: Actor, input: AddDomainInput) {
  const { workspaceId, hostname, ...settings } = parseInput(addDomainSchema(ownHosts(deps.config)), input);
  const access = await actor.access(workspaceId);
  access.require("domains.manage");
  if (ownHosts(deps.config).includes(hostname))
    throw badInput("hostname", "hostname: this is the service's own domain, every workspace has it already");
  const count = await deps.db.domain.count({ where: { workspaceId: access.workspaceId } });
  if (count >= MAX_DOMAINS_PER_WORKSPACE) throw conflict(`This workspace already has ${MAX_DOMAINS_PER_WORKSPACE} domains; remove one first`);
  try {
    const domain = await deps.db.domain.create({
      data: {
        ...settings,
        defaultRedirectType: settings.defaultRedirectType ?? "FOUND",
        hostname,
        workspaceId: access.workspaceId,
        verificationToken: `linkgraph-verify=${randomBytes(18).toString("base64url")}`,
        // The background checker looks at it on its next round.
        nextCheckAt: new Date(),
      },
    });
    await deps.domains.changed();
    return domain;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw conflict(`${hostname} has already been added (to this or another workspace)`, { field: "hostname" });
    }
    throw error;
  }
}

/** The workspace's custom domains, newest first (`links.read`: whoever sees the links sees their domains). */
export async function listDomains({ db }: Pick<Services, "db">, actor: Actor, input: ListDomainsInput) {
  const { workspaceId, ...page } = parseInput(listDomainsSchema, input);
  const access = await actor.access(workspaceId);
  access.require("links.read");
  return paginate(page, (keyset) =>
    db.domain.findMany({ where: { AND: [{ workspaceId: access.workspaceId }, keyset.where] }, orderBy: keyset.orderBy, take: keyset.take }),
  );
}

/** A domain the actor may act on with `permission`: NOT_FOUND outside their workspaces. The default domain is readable by everyone signed in. */
export async function findDomainFor({ db }: Pick<Services, "db">, actor: Actor, id: string, permission: Permission) {
  actor.requireUser();
  const domain = await db.domain.findUnique({ where: { id } });
  if (!domain) throw notFound("Domain");
  if (domain.workspaceId === null) {
    if (permission !== "links.read") throw badInput("id", "id: the default domain is configured by PUBLIC_BASE_URL, not here");
    return domain;
  }
  (await actor.access(domain.workspaceId, "Domain")).require(permission);
  return domain;
}

export async function authorizeDomainRead(deps: Pick<Services, "db">, actor: Actor, id: string) {
  await findDomainFor(deps, actor, id, "links.read");
}

/** Changes a domain's root redirect, not-found URL or default redirect type (`domains.manage`). */
export async function updateDomain(deps: Deps, actor: Actor, input: UpdateDomainInput) {
  const { id, ...fields } = parseInput(updateDomainSchema(ownHosts(deps.config)), input);
  const existing = await findDomainFor(deps, actor, id, "domains.manage");
  const domain = await deps.db.domain.update({ where: { id: existing.id }, data: fields });
  await deps.domains.changed();
  return domain;
}

/** Checks a domain now (`domains.manage`) and returns it with its new status. */
export async function verifyDomain(deps: Deps & Pick<Services, "domainChecker">, actor: Actor, input: DomainIdInput) {
  const { id } = parseInput(domainIdSchema, input);
  const domain = await findDomainFor(deps, actor, id, "domains.manage");
  return deps.domainChecker.check(domain);
}

/** Removes a domain without links (`domains.manage`); links must be deleted or moved first. */
export async function removeDomain(deps: Deps, actor: Actor, input: DomainIdInput) {
  const { id } = parseInput(domainIdSchema, input);
  const domain = await findDomainFor(deps, actor, id, "domains.manage");
  if (domain.id === DEFAULT_DOMAIN_ID) throw badInput("id", "id: the default domain cannot be removed");
  const links = await deps.db.link.count({ where: { domainId: domain.id } });
  if (links > 0) throw conflict(`${domain.hostname} still has ${links} link(s): delete them or move them to another domain first`);
  try {
    await deps.db.domain.delete({ where: { id: domain.id } });
  } catch (error) {
    // A link created on it meanwhile (the foreign key refuses).
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2003") throw conflict(`${domain.hostname} has links now`);
    throw error;
  }
  await deps.domains.changed();
  return domain;
}
