import type { Viewer } from "../../identity/viewer.js";
import { authenticate } from "../../identity/viewer.js";
import type { RateLimitDecision } from "../../platform/rate-limiter.js";

type Authenticators = Parameters<typeof authenticate>[1];

/** What the gateway plugins learn about one HTTP request as it passes through Yoga's phases. */
export interface RequestState {
  /** The operation was served from a manifest (not sent as text). */
  persisted?: boolean;
  operationType?: "query" | "mutation" | "subscription";
  rateLimit?: RateLimitDecision;
  viewer?: Promise<Viewer | null>;
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
  state.viewer ??= authenticate(request.headers.get("authorization"), services);
  return state.viewer;
}

/** The same, for decisions that treat a bad credential as anonymous (the operation itself will fail). */
export const requestViewerOrNull = (request: Request, services: Authenticators) =>
  requestViewer(request, services).catch(() => null);
