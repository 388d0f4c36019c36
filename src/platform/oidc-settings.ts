/** One OpenID Connect provider people may sign in with (OIDC_PROVIDERS and OIDC_<ID>_* settings). */
export interface OidcProviderSettings {
  /** Lower-case id used in URLs: /auth/<id>/login. */
  id: string;
  /** Shown on sign-in buttons. */
  name: string;
  issuer: URL;
  clientId: string;
  /** Absent for a public client (PKCE only). */
  clientSecret?: string;
  scopes: string;
}

export interface OidcSettings {
  providers: OidcProviderSettings[];
  /** Where mobile apps may receive their one-time sign-in code (exact match). */
  mobileRedirectUris: string[];
}

const PROVIDER_ID = /^[a-z][a-z0-9-]{0,31}$/;
const DEFAULT_SCOPES = "openid email profile";
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);
// RFC 8252 §7.1: private-use URI schemes are reverse domain names (com.example.app:/callback).
const PRIVATE_USE_SCHEME = /^[a-z][a-z0-9+-]*(\.[a-z0-9+-]+)+$/;

export const isLoopbackUrl = (url: URL) => LOOPBACK_HOSTS.has(url.hostname);

/**
 * Reads the provider settings, which are named after each provider (OIDC_GOOGLE_ISSUER…) and so
 * cannot live in the fixed zod schema. Returns every problem, each naming its setting.
 */
export function parseOidcSettings(env: Record<string, string | undefined>): { settings: OidcSettings; problems: string[] } {
  const problems: string[] = [];
  const providers: OidcProviderSettings[] = [];
  const ids = (env.OIDC_PROVIDERS ?? "")
    .split(",")
    .map((id) => id.trim())
    .filter(Boolean);
  for (const id of ids) {
    if (!PROVIDER_ID.test(id)) {
      problems.push(`OIDC_PROVIDERS: "${id}" must be 1–32 of a–z 0–9 - starting with a letter`);
      continue;
    }
    if (providers.some((p) => p.id === id)) {
      problems.push(`OIDC_PROVIDERS: "${id}" is listed twice`);
      continue;
    }
    const key = (name: string) => `OIDC_${id.toUpperCase().replaceAll("-", "_")}_${name}`;
    const issuer = parseIssuer(env[key("ISSUER")], key("ISSUER"), problems);
    const clientId = env[key("CLIENT_ID")]?.trim();
    if (!clientId) problems.push(`${key("CLIENT_ID")}: required for provider "${id}"`);
    const scopes = (env[key("SCOPES")]?.trim() || DEFAULT_SCOPES).split(/\s+/);
    if (!scopes.includes("openid")) problems.push(`${key("SCOPES")}: must include "openid"`);
    if (!issuer || !clientId) continue;
    providers.push({
      id,
      name: env[key("NAME")]?.trim() || id,
      issuer,
      clientId,
      clientSecret: env[key("CLIENT_SECRET")]?.trim() || undefined,
      scopes: scopes.join(" "),
    });
  }

  const mobileRedirectUris: string[] = [];
  for (const uri of (env.OIDC_MOBILE_REDIRECT_URIS ?? "")
    .split(",")
    .map((u) => u.trim())
    .filter(Boolean)) {
    const problem = mobileRedirectUriProblem(uri);
    if (problem) problems.push(`OIDC_MOBILE_REDIRECT_URIS: "${uri}" ${problem}`);
    else mobileRedirectUris.push(uri);
  }
  return { settings: { providers, mobileRedirectUris }, problems };
}

function parseIssuer(value: string | undefined, name: string, problems: string[]): URL | undefined {
  if (!value?.trim()) {
    problems.push(`${name}: required (the provider's issuer URL, e.g. https://accounts.google.com)`);
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    problems.push(`${name}: must be a URL`);
    return undefined;
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopbackUrl(url))) {
    problems.push(`${name}: must be https (plain http only on localhost)`);
    return undefined;
  }
  if (url.search || url.hash) {
    problems.push(`${name}: must not have a query or fragment`);
    return undefined;
  }
  return url;
}

function mobileRedirectUriProblem(uri: string): string | undefined {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return "is not a URI";
  }
  if (url.hash) return "must not have a fragment";
  if (url.protocol === "https:") return undefined;
  const scheme = url.protocol.slice(0, -1);
  if (PRIVATE_USE_SCHEME.test(scheme)) return undefined;
  return "must be an https app link or a reverse-domain custom scheme (e.g. com.example.linkgraph:/oauth)";
}
