import type { ExecutionResult } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { CredentialEndReason, LiveCredential } from "../../identity/credential-events.js";
import { AppError, unauthenticated } from "../../platform/errors.js";
import type { Services } from "../../services.js";
import type { GraphQLContext } from "../context.js";
import { requestCredential } from "../gateway/request-state.js";
import { createPrincipalCounter } from "./live-limits.js";

const ENDED_MESSAGES: Record<CredentialEndReason, string> = {
  TOKEN_EXPIRED: "The access token has expired: refresh it and subscribe again",
  PERMISSIONS_CHANGED: "Your permissions changed: refresh the access token and subscribe again",
  CREDENTIAL_EXPIRED: "This API key has expired",
  CREDENTIAL_REVOKED: "This credential was revoked or signed out",
};

/**
 * Subscriptions over HTTP (SSE, multipart): each stream is capped per user or API key
 * (LIVE_MAX_SSE_STREAMS_PER_USER) and ends with its credential, with a last result carrying
 * UNAUTHENTICATED and `extensions.reason`. graphql-ws handles its own sockets (websocket.ts).
 */
export function useLiveOperations(services: Services): Plugin<GraphQLContext> {
  const streams = createPrincipalCounter(services.config.live.maxSseStreamsPerUser);
  return {
    onSubscribe({ args, setResultAndStopExecution }) {
      const context = args.contextValue as GraphQLContext & { transport?: string };
      if (context.transport === "websocket" || "socket" in context) return;
      let credential: LiveCredential | null = null;
      let release: (() => void) | null = null;
      const ready = (async () => {
        credential = await requestCredential(context.request, services);
        if (!credential) return; // anonymous: the field itself refuses
        try {
          await services.liveCredentials.admit(credential);
        } catch (error) {
          return setResultAndStopExecution({ errors: [error as AppError] });
        }
        release = streams.tryAcquire(credential);
        if (!release) {
          const limit = services.config.live.maxSseStreamsPerUser;
          setResultAndStopExecution({
            errors: [
              new AppError("RATE_LIMITED", `At most ${limit} open subscription streams per user or API key: close one first`, {
                reason: "TOO_MANY_STREAMS",
                limit,
                retryAfter: 1,
              }),
            ],
          });
        }
      })();
      return ready.then(() => ({
        onSubscribeResult({ result, setResult }) {
          if (!release) return;
          const done = release;
          if (!credential || !(Symbol.asyncIterator in (result as object))) return done();
          setResult(endingWithCredential(result as AsyncIterable<ExecutionResult>, credential, services, done));
        },
      }));
    },
  };
}

/**
 * The stream, ended (with a last error result) when its credential ends; `done` runs once it is
 * over. A plain iterator, not an async generator: a generator suspended in an await would not
 * see `return()` (the client going away) until its source produced another value.
 */
function endingWithCredential(
  source: AsyncIterable<ExecutionResult>,
  credential: LiveCredential,
  services: Services,
  done: () => void,
): AsyncIterableIterator<ExecutionResult> {
  const iterator = source[Symbol.asyncIterator]();
  let endedWith: (reason: CredentialEndReason | null) => void = () => {};
  const ended = new Promise<CredentialEndReason | null>((resolve) => (endedWith = resolve));
  const untrack = services.liveCredentials.track(credential, (reason) => endedWith(reason));
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    untrack();
    done();
    endedWith(null);
    void iterator.return?.();
  };
  const over = { value: undefined, done: true } as const;
  return {
    async next() {
      if (finished) return over;
      const next = await Promise.race([iterator.next(), ended]);
      if (finished) return over;
      if (next === null) return over;
      if (typeof next === "string") {
        finish();
        return { value: { errors: [unauthenticated(ENDED_MESSAGES[next], { reason: next })] }, done: false };
      }
      if (next.done) finish();
      return next;
    },
    async return() {
      finish();
      return over;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
