import type { Channel } from "../platform/pubsub.js";

/**
 * Why a credential stopped being good, as clients see it (`extensions.reason` over HTTP, the
 * close reason over graphql-ws):
 * - TOKEN_EXPIRED: the access token is past `exp`: refresh it and reconnect;
 * - PERMISSIONS_CHANGED: role or membership changed: refresh the token (or reconnect the key);
 * - CREDENTIAL_EXPIRED: the API key is past its expiry;
 * - CREDENTIAL_REVOKED: key revoked, session signed out, password changed: sign in again;
 * - TOKEN_INVALID: not a credential of ours (forged, malformed, unknown key).
 */
export type CredentialEndReason = "TOKEN_EXPIRED" | "PERMISSIONS_CHANGED" | "CREDENTIAL_EXPIRED" | "CREDENTIAL_REVOKED";
export type CredentialFailureReason = CredentialEndReason | "TOKEN_INVALID";

interface EndedBase {
  reason: CredentialEndReason;
  /** Free text for logs, e.g. "api_key_revoked", "signed_out_everywhere", "role_changed". */
  cause?: string;
}

/** Which credentials ended. Publish it after the change is committed. */
export type CredentialEnded =
  | (EndedBase & { apiKeyId: string })
  | (EndedBase & { sessionFamily: string })
  | (EndedBase & {
      userId: string;
      /** "sessions": only operations opened with an access token, not the user's API keys. */
      only?: "sessions";
      /** A session that stays (the device that changed the password). */
      exceptSessionFamily?: string;
    })
  /** A person's membership of a workspace changed (role changed, removed, left, workspace deleted). */
  | (EndedBase & { userId: string; workspaceId: string });

/**
 * The one "credential ended" mechanism: whoever ends a credential publishes here, and every live
 * operation (graphql-ws sockets, SSE streams) on every instance that uses it is ended
 * (src/identity/live-credentials.ts). Through Redis when configured, in process otherwise; after
 * a gap (a lost message) each instance revalidates its live credentials against the database.
 */
export interface CredentialEvents {
  /** Synchronous, never throws, never waits. */
  publish(event: CredentialEnded): void;
  subscribe(handler: (event: CredentialEnded) => void): void;
  /** Messages may have been lost. */
  onGap(handler: () => void): void;
}

export const credentialEventsOn = (channel: Channel<CredentialEnded>): CredentialEvents => channel;

/** What a live operation authenticated with, to match events and check again later. */
export interface LiveCredential {
  userId: string;
  apiKeyId?: string;
  /** The sign-in (refresh-token family) an access token belongs to, when it says. */
  sessionFamily?: string;
  /** The role an access token carries (a change ends the token's operations). */
  role?: string;
  /** Epoch ms when the credential stops being valid (access token `exp`, API key `expiresAt`). */
  expiresAt?: number;
}

export function matches(event: CredentialEnded, credential: LiveCredential): boolean {
  if ("apiKeyId" in event) return credential.apiKeyId === event.apiKeyId;
  if ("sessionFamily" in event) return credential.sessionFamily !== undefined && credential.sessionFamily === event.sessionFamily;
  // A membership change ends the operations reading that workspace (live-credentials.ts `follow`), not the credential.
  if ("workspaceId" in event) return false;
  if (credential.userId !== event.userId) return false;
  if (event.only === "sessions" && credential.apiKeyId !== undefined) return false;
  return event.exceptSessionFamily === undefined || credential.sessionFamily !== event.exceptSessionFamily;
}
