import * as client from "openid-client";
import type { Logger } from "../../platform/logger.js";
import { isLoopbackUrl, type OidcProviderSettings } from "./oidc-config.js";

// How long to wait for a provider's discovery, token and userinfo endpoints.
const PROVIDER_TIMEOUT_SECONDS = 10;

export interface SignInProvider {
  settings: OidcProviderSettings;
  /** The provider's metadata and our client, discovered on first use and then kept. */
  configuration(): Promise<client.Configuration>;
}

export interface SignInProviders {
  list(): OidcProviderSettings[];
  get(id: string): SignInProvider | undefined;
}

/**
 * The configured OpenID Connect providers. Discovery is lazy: a provider that is down does not
 * stop the server from starting, and a failed discovery is retried on the next sign-in.
 */
export function createSignInProviders(providers: OidcProviderSettings[], log: Logger): SignInProviders {
  const byId = new Map<string, SignInProvider>();
  for (const settings of providers) {
    let discovered: Promise<client.Configuration> | undefined;
    byId.set(settings.id, {
      settings,
      configuration() {
        discovered ??= discover(settings).catch((error: unknown) => {
          discovered = undefined;
          log.warn({ provider: settings.id, err: { message: (error as Error).message } }, "OpenID Connect discovery failed");
          throw error;
        });
        return discovered;
      },
    });
  }
  return { list: () => providers, get: (id) => byId.get(id) };
}

async function discover(settings: OidcProviderSettings): Promise<client.Configuration> {
  // Plain http is allowed only for an issuer on this machine (a local Keycloak, the tests' provider).
  const execute = settings.issuer.protocol === "http:" && isLoopbackUrl(settings.issuer) ? [client.allowInsecureRequests] : [];
  const probe = await client.discovery(settings.issuer, settings.clientId, undefined, undefined, { execute, timeout: PROVIDER_TIMEOUT_SECONDS });
  const methods = probe.serverMetadata().token_endpoint_auth_methods_supported;
  // client_secret_basic is the OpenID default; post only where the provider does not offer basic.
  const auth = !settings.clientSecret
    ? client.None()
    : methods && !methods.includes("client_secret_basic") && methods.includes("client_secret_post")
      ? client.ClientSecretPost(settings.clientSecret)
      : client.ClientSecretBasic(settings.clientSecret);
  const configuration = new client.Configuration(probe.serverMetadata(), settings.clientId, settings.clientSecret, auth);
  for (const extension of execute) extension(configuration);
  configuration.timeout = PROVIDER_TIMEOUT_SECONDS;
  return configuration;
}
