import type { LiveCredential } from "../../identity/credential-events.js";
import type { Viewer } from "../../identity/viewer.js";
import { authenticateCredential } from "../../identity/viewer.js";
import type { RateLimitDecision } from "../../platform/rate-limiter.js";

type Authenticators = Parameters<typeof authenticateCredential>[1];

/** What the gateway plugins learn about one HTTP request as it passes through Yoga's phases. */
export interface RequestState {
  /** The operation was served from a manifest (not sent as text). */
  persisted?: boolean;
  operationType?: "query" | "mutation" | "subscription";
  rateLimit?: RateLimitDecision;
  viewer?: Promise<Viewer | null>;
  credential?: Promise<LiveCredential | null>;
}

const states = new WeakMap<Request, RequestState>();

export function requestState(request: Request): RequestState {
  let state = states.get(request);
  if (!state) states.set(request, (state = {}));
  return state;
}

/**
 * The caller, authenticated once per request however many plugins ask. Rejects (UNAUTHENTICATED)
 * for a present but invalid credential.
 */
export function requestViewer(request: Request, services: Authenticators): Promise<Viewer | null> {
  const state = requestState(request);
  if (!state.viewer) {
    const authenticated = authenticateCredential(request.headers.get("authorization"), services);
    state.viewer = authenticated.then((result) => result?.viewer ?? null);
    state.credential = authenticated.then(
      (result) => result?.credential ?? null,
      () => null,
    );
  }
  return state.viewer;
}

/** What the request's credential is, for live operations (null when anonymous). */
export function requestCredential(request: Request, services: Authenticators): Promise<LiveCredential | null> {
  requestViewer(request, services).catch(() => {});
  return requestState(request).credential!;
}

/** The same, for decisions that treat a bad credential as anonymous (the operation itself will fail). */
export const requestViewerOrNull = (request: Request, services: Authenticators) => requestViewer(request, services).catch(() => null);
