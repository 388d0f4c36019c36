// The OIDC settings are parsed with the rest of the configuration (src/config.ts), which depends on
// no domain: the parser lives in src/platform/oidc-settings.ts.
export { isLoopbackUrl, parseOidcSettings, type OidcProviderSettings, type OidcSettings } from "../../platform/oidc-settings.js";
