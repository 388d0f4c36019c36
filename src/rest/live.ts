import { z } from "zod";
import type { ClickCountUpdate } from "../analytics/live-counts.js";
import { subscribeToClickCounts } from "../analytics/subscribe-click-counts.js";
import { createPrincipalCounter } from "../platform/principal-counter.js";
import { AppError } from "../platform/errors.js";
import { operation, STREAMED, type RestContext } from "./operation.js";
import { idParam } from "./schemas.js";

export const MAX_WAIT_SECONDS = 30;
const HEARTBEAT_MS = 15_000;

const LiveCountSchema = z
  .object({ linkId: z.string(), total: z.number().int().meta({ description: "Clicks stored so far (bots excluded)." }) })
  .meta({ id: "LiveCount" });

let streams: ReturnType<typeof createPrincipalCounter> | undefined;
const streamSlots = (max: number) => (streams ??= createPrincipalCounter(max));

/** Follows one link's stored total: the same use case (and limits) as the GraphQL clickCounts subscription. */
const follow = (context: RestContext<unknown>) => subscribeToClickCounts(context.services, context.actor, { linkIds: [context.params.id!] });
const liveJson = (context: RestContext<unknown>, update: ClickCountUpdate) => ({ linkId: context.params.id!, total: update.total });

export const liveOperations = [
  operation({
    method: "GET",
    path: "/links/{id}/clicks",
    operationId: "getLinkClickCount",
    summary: "A link's click total, optionally waiting for a newer one (long polling)",
    description:
      "For clients that can use neither SSE nor WebSocket: with `after` and `waitSeconds`, the answer waits up to that long for a total above `after`, then returns the latest total (unchanged on timeout). Loop with the returned total as the next `after`.",
    tag: "Analytics",
    permission: "analytics.read",
    pathParams: idParam("The link's id."),
    query: z.object({
      after: z.coerce.number().int().min(0).optional().meta({ description: "The total you already have." }),
      waitSeconds: z.coerce
        .number()
        .int()
        .min(0)
        .max(MAX_WAIT_SECONDS)
        .default(0)
        .meta({ description: `How long to wait for a newer total (0–${MAX_WAIT_SECONDS}).` }),
    }),
    success: { status: 200, description: "The latest total.", schema: LiveCountSchema, example: { linkId: "TGluazow…", total: 43 } },
    async handle(context) {
      const { after, waitSeconds } = context.query;
      const updates = await follow(context);
      const closed = new Promise<"closed">((resolve) => context.req.once("close", () => resolve("closed")));
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), waitSeconds * 1000)));
      let latest: ClickCountUpdate | undefined;
      try {
        for (;;) {
          // The first update is the current total: it answers at once when newer than `after`.
          const result = await (latest ? Promise.race([updates.next(), timeout, closed]) : updates.next());
          if (typeof result === "string" || result.done) break;
          latest = result.value;
          if (after === undefined || latest.total > after) break;
        }
      } finally {
        clearTimeout(timer);
        void updates.return?.();
      }
      return { status: 200, body: liveJson(context, latest ?? { linkId: "", total: after ?? 0 }), headers: { "cache-control": "no-store" } };
    },
  }),
  operation({
    method: "GET",
    path: "/links/{id}/clicks/stream",
    operationId: "streamLinkClickCounts",
    summary: "A link's click total as server-sent events",
    description:
      "An `event: clicks` with `{ linkId, total }` now and each time the stored total grows (coalesced, about once a second at most); a comment every 15 s keeps proxies from closing it. Ends when your membership of the link's workspace changes, or with an `event: end` (`{ reason }`: TOKEN_EXPIRED, CREDENTIAL_REVOKED, …) when your credential ends.",
    tag: "Analytics",
    permission: "analytics.read",
    pathParams: idParam("The link's id."),
    success: {
      status: 200,
      description: "An event stream.",
      contentType: "text/event-stream",
      schema: z.string().meta({ example: 'event: clicks\ndata: {"linkId":"TGluazow…","total":43}\n\n' }),
    },
    async handle(context) {
      const { config } = context.services;
      const release = context.credential ? streamSlots(config.live.maxSseStreamsPerUser).tryAcquire(context.credential) : null;
      if (context.credential && !release) {
        throw new AppError("RATE_LIMITED", `At most ${config.live.maxSseStreamsPerUser} live streams per user at once`, {
          reason: "TOO_MANY_STREAMS",
          limit: config.live.maxSseStreamsPerUser,
        });
      }
      let updates: AsyncIterableIterator<ClickCountUpdate>;
      try {
        if (context.credential) await context.services.liveCredentials.admit(context.credential);
        updates = await follow(context);
      } catch (error) {
        release?.();
        throw error;
      }
      const { res, req } = context;
      res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-store", "x-accel-buffering": "no" });
      res.flushHeaders();
      const heartbeat = setInterval(() => res.write(": keep-alive\n\n"), HEARTBEAT_MS);
      req.once("close", () => void updates.return?.());
      // As GraphQL's SSE: the stream ends with its credential (expiry, sign-out, revoked key), with a last event saying why.
      const untrack = context.credential
        ? context.services.liveCredentials.track(context.credential, (reason) => {
            res.write(`event: end\ndata: ${JSON.stringify({ reason })}\n\n`);
            void updates.return?.();
          })
        : () => {};
      try {
        for await (const update of updates) res.write(`event: clicks\ndata: ${JSON.stringify(liveJson(context, update))}\n\n`);
      } finally {
        clearInterval(heartbeat);
        untrack();
        release?.();
        res.end();
      }
      return STREAMED;
    },
  }),
];
