import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDnsServer, type TestDnsServer } from "../../tests/helpers/dns-server.js";
import { startTestApp, type TestApp } from "../../tests/helpers/test-app.js";

const DOMAIN_FIELDS = "id hostname status verificationRecordName verificationToken verificationUrl lastCheckError verifiedAt failingSince";

/**
 * Custom domains end to end: a real DNS server on loopback (dns2, UDP) answers the server's TXT and
 * A lookups, a real HTTP server serves the well-known token, and redirects are asked with Host headers.
 */
describe("custom domains", () => {
  let test: TestApp;
  let dns: TestDnsServer;
  let site: http.Server;
  const served = new Map<string, string>();
  let owner: { token: string };

  beforeAll(async () => {
    dns = await startDnsServer();
    site = http.createServer((req, res) => {
      const token = served.get(String(req.headers.host));
      res.writeHead(token && req.url === "/.well-known/linkgraph-verification" ? 200 : 404).end(token ?? "");
    });
    await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
    test = await startTestApp({
      DOMAIN_DNS_SERVERS: dns.address,
      DOMAIN_HTTP_CHECK_PORT: String((site.address() as AddressInfo).port),
      DOMAIN_CHECK_POLL_MS: "0",
      DOMAIN_CHECK_TIMEOUT_MS: "1000",
      WEBHOOK_ALLOWED_HOSTS: "127.0.0.1",
    });
    owner = await test.signUp();
  });
  afterAll(async () => {
    await test?.close();
    await dns?.close();
    site?.close();
  });

  const hostname = () => `go-${randomUUID().slice(0, 8)}.example.com`;
  const addDomain = async (input: Record<string, unknown>, token = owner.token) =>
    test.gql(`mutation ($input: AddDomainInput!) { addDomain(input: $input) { domain { ${DOMAIN_FIELDS} } } }`, { input }, { token });
  const verify = async (id: string) =>
    (await test.gql(`mutation ($id: ID!) { verifyDomain(input: {id: $id}) { domain { ${DOMAIN_FIELDS} } } }`, { id }, { token: owner.token })).data
      .verifyDomain.domain;
  const createLink = async (input: Record<string, unknown>) => {
    const result = await test.gql(
      `mutation ($input: CreateLinkInput!) { createLink(input: $input) { link { id slug shortUrl redirectType domain { hostname } } } }`,
      { input },
      { token: owner.token },
    );
    if (!result.data?.createLink) throw new Error(JSON.stringify(result.errors));
    return result.data.createLink.link;
  };
  // fetch() sets Host itself: node:http sends the one a custom domain's visitor would.
  const visit = (path: string, host: string) =>
    new Promise<{ status: number; location: string | undefined }>((resolve, reject) => {
      http
        .get(`${test.baseUrl}${path}`, { headers: { host } }, (response) => {
          response.resume();
          resolve({ status: response.statusCode!, location: response.headers.location });
        })
        .on("error", reject);
    });
  const tlsAsk = (domain: string) =>
    fetch(`${test.baseUrl}/internal/tls-ask?domain=${encodeURIComponent(domain)}`).then((response) => response.status);

  async function verifiedDomain(settings: Record<string, unknown> = {}) {
    const host = hostname();
    const { data, errors } = await addDomain({ hostname: host, ...settings });
    expect(errors).toBeUndefined();
    const domain = data.addDomain.domain;
    dns.txt.set(`_linkgraph.${host}`, [domain.verificationToken]);
    expect((await verify(domain.id)).status).toBe("VERIFIED");
    return domain as { id: string; hostname: string; verificationToken: string };
  }

  it("adds a domain as PENDING with what to publish, normalising the hostname", async () => {
    const host = hostname();
    const { data, errors } = await addDomain({ hostname: ` ${host.toUpperCase()}. ` });
    expect(errors).toBeUndefined();
    expect(data.addDomain.domain).toMatchObject({
      hostname: host,
      status: "PENDING",
      verificationRecordName: `_linkgraph.${host}`,
      verificationUrl: `http://${host}/.well-known/linkgraph-verification`,
    });
    expect(data.addDomain.domain.verificationToken).toMatch(/^linkgraph-verify=/);
    const again = await addDomain({ hostname: host });
    expect(again.errors?.[0]?.extensions.code).toBe("CONFLICT");
    for (const bad of ["https://x.example.com", "x.example.com:8080", "localhost", "10.0.0.1", "lg.test"]) {
      const refused = await addDomain({ hostname: bad });
      expect(refused.errors?.[0]?.extensions, bad).toMatchObject({ code: "BAD_USER_INPUT", field: "hostname" });
    }
  });

  it("verifies by TXT record through the DNS server, and serves the domain's links by Host header only then", async () => {
    const host = hostname();
    const domain = (await addDomain({ hostname: host })).data.addDomain.domain;
    const link = await createLink({ url: "https://example.com/custom", slug: "launch", domain: host });
    expect(link).toMatchObject({ shortUrl: `https://${host}/launch`, domain: { hostname: host } });

    expect((await visit("/launch", host)).status).toBe(404);
    expect(await tlsAsk(host)).toBe(404);
    const failed = await verify(domain.id);
    expect(failed.status).toBe("PENDING");
    expect(failed.lastCheckError).toContain(`no TXT record _linkgraph.${host}`);
    expect(dns.queries).toContain(`TXT _linkgraph.${host}`);

    dns.txt.set(`_linkgraph.${host}`, ["unrelated", domain.verificationToken]);
    const verified = await verify(domain.id);
    expect(verified).toMatchObject({ status: "VERIFIED", lastCheckError: null });
    expect(await visit("/launch", `${host.toUpperCase()}.:443`)).toMatchObject({ status: 302, location: "https://example.com/custom" });
    expect(await tlsAsk(host)).toBe(200);
    expect(await tlsAsk("unknown.example.org")).toBe(404);
    expect(await tlsAsk("lg.test")).toBe(200);
  });

  it("keeps slugs per domain: the same slug on two domains and on the default one goes to three places", async () => {
    const one = await verifiedDomain();
    const two = await verifiedDomain();
    const slug = `same-${randomUUID().slice(0, 6)}`;
    await createLink({ url: "https://example.com/default", slug });
    await createLink({ url: "https://example.com/one", slug, domain: one.hostname });
    await createLink({ url: "https://example.com/two", slug, domain: two.hostname });
    expect((await visit(`/${slug}`, "lg.test")).location).toBe("https://example.com/default");
    expect((await visit(`/${slug}`, "127.0.0.1")).location).toBe("https://example.com/default");
    expect((await visit(`/${slug}`, one.hostname)).location).toBe("https://example.com/one");
    expect((await visit(`/${slug}`, two.hostname)).location).toBe("https://example.com/two");
    const taken = await test.gql(
      `mutation ($input: CreateLinkInput!) { createLink(input: $input) { link { id } } }`,
      { input: { url: "https://example.com/x", slug, domain: one.hostname } },
      { token: owner.token },
    );
    expect(taken.errors?.[0]?.extensions.code).toBe("CONFLICT");
    const found = await test.gql(
      `query ($slug: String!, $domain: String) { link(slug: $slug, domain: $domain) { url } }`,
      { slug, domain: two.hostname },
      { token: owner.token },
    );
    expect(found.data.link.url).toBe("https://example.com/two");
  });

  it("applies the domain's root redirect, not-found URL and default redirect type", async () => {
    const domain = await verifiedDomain({
      rootRedirectUrl: "https://example.com/home",
      notFoundUrl: "https://example.com/missing",
      defaultRedirectType: "MOVED_PERMANENTLY",
    });
    expect(await visit("/", domain.hostname)).toMatchObject({ status: 302, location: "https://example.com/home" });
    expect(await visit("/no-such-slug", domain.hostname)).toMatchObject({ status: 302, location: "https://example.com/missing" });
    const link = await createLink({ url: "https://example.com/perm", domain: domain.hostname });
    expect(link.redirectType).toBe("MOVED_PERMANENTLY");
    expect(await visit(`/${link.slug}`, domain.hostname)).toMatchObject({ status: 301, location: "https://example.com/perm" });
    // The default domain keeps answering 404 for / and unknown slugs.
    expect((await visit("/", "lg.test")).status).toBe(404);
    expect((await visit("/no-such-slug", "lg.test")).status).toBe(404);

    const updated = await test.gql(
      `mutation ($id: ID!) { updateDomain(input: {id: $id, rootRedirectUrl: null}) { domain { rootRedirectUrl } } }`,
      { id: domain.id },
      { token: owner.token },
    );
    expect(updated.data.updateDomain.domain.rootRedirectUrl).toBeNull();
    expect((await visit("/", domain.hostname)).status).toBe(404);
  });

  it("goes VERIFIED → FAILING (links still redirect) → VERIFIED again through the HTTP token", async () => {
    const domain = await verifiedDomain();
    const link = await createLink({ url: "https://example.com/resilient", domain: domain.hostname });
    dns.txt.delete(`_linkgraph.${domain.hostname}`);
    const failing = await verify(domain.id);
    expect(failing.status).toBe("FAILING");
    expect(failing.failingSince).not.toBeNull();
    expect(failing.lastCheckError).toContain("has no A/AAAA record");
    expect((await visit(`/${link.slug}`, domain.hostname)).status).toBe(302);
    expect(await tlsAsk(domain.hostname)).toBe(200);

    dns.a.set(domain.hostname, ["127.0.0.1"]);
    served.set(domain.hostname, `${domain.verificationToken}\n`);
    const back = await verify(domain.id);
    expect(back).toMatchObject({ status: "VERIFIED", failingSince: null, lastCheckError: null });
  });

  it("removes a domain only without links, and keeps management to OWNER/ADMIN sessions and DOMAINS_MANAGE keys", async () => {
    const domain = await verifiedDomain();
    const link = await createLink({ url: "https://example.com/x", domain: domain.hostname });
    const refused = await test.gql(`mutation ($id: ID!) { removeDomain(input: {id: $id}) { removedId } }`, { id: domain.id }, { token: owner.token });
    expect(refused.errors?.[0]?.extensions.code).toBe("CONFLICT");
    const moved = await test.gql(
      `mutation ($id: ID!) { updateLink(input: {id: $id, domain: null}) { link { shortUrl } } }`,
      { id: link.id },
      { token: owner.token },
    );
    expect(moved.data.updateLink.link.shortUrl).toBe(`https://lg.test/${link.slug}`);
    const removed = await test.gql(`mutation ($id: ID!) { removeDomain(input: {id: $id}) { removedId } }`, { id: domain.id }, { token: owner.token });
    expect(removed.data.removeDomain.removedId).toBe(domain.id);
    expect((await visit(`/${link.slug}`, domain.hostname)).status).toBe(302);
    expect(await tlsAsk(domain.hostname)).toBe(404);

    const key = await test.gql(
      `mutation { createApiKey(input: {name: "links", scopes: [LINKS_WRITE, LINKS_READ]}) { secret } }`,
      {},
      { token: owner.token },
    );
    const byKey = await addDomain({ hostname: hostname() }, key.data.createApiKey.secret);
    expect(byKey.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", scope: "DOMAINS_MANAGE" });
    const stranger = await test.signUp();
    const hidden = await test.gql(
      `mutation ($id: ID!) { verifyDomain(input: {id: $id}) { domain { id } } }`,
      { id: domain.id },
      { token: stranger.token },
    );
    expect(hidden.errors?.[0]?.extensions.code).toBe("NOT_FOUND");
    const listed = await test.gql(`{ domains(first: 50) { edges { node { hostname status } } } }`, {}, { token: owner.token });
    expect(listed.data.domains.edges.length).toBeGreaterThan(3);
    expect((await test.gql(`{ domains(first: 5) { edges { node { id } } } }`, {}, { token: stranger.token })).data.domains.edges).toEqual([]);
  });
});
