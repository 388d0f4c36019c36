import type http from "node:http";
import { getOperationAST, GraphQLError, type ExecutionArgs } from "graphql";
import { CloseCode, handleProtocols } from "graphql-ws";
import type { Context as WsContext, SubscribePayload } from "graphql-ws";
import { useServer, type Extra } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import type { LiveCredential } from "../identity/credential-events.js";
import { authenticateCredential, type Viewer } from "../identity/viewer.js";
import { WORKSPACE_HEADER } from "../access/resolve-actor.js";
import { AppError } from "../platform/errors.js";
import { withContractCode } from "./error-codes-plugin.js";
import type { Services } from "../services.js";
import {
  documentIdOfRequest,
  findPersistedDocument,
  mayRunArbitraryOperations,
  persistedQueryNotFound,
  persistedQueryOnly,
} from "./gateway/persisted-operations.js";
import type { createGraphQLHandler } from "./yoga.js";
import { closeCodeFor, createPrincipalCounter } from "./live/live-limits.js";
import type { LiveSocketTarget } from "./live/shared-fan-out.js";

type Yoga = ReturnType<typeof createGraphQLHandler>;
type ConnectionParams = { authorization?: unknown; workspaceId?: unknown } | undefined;
type SubscribeContext = WsContext<ConnectionParams, Extra>;

const MAX_MESSAGE_BYTES = 64 * 1024;
const MAX_OPERATIONS_PER_SOCKET = 50;
export const TOO_MANY_CONNECTIONS = 4429;
// Pings find dead peers; at 10,000 sockets graphql-ws's default (12 s) was a sixth of the server's
// socket writes while idle (bench/live-counts.ts profile).
const KEEP_ALIVE_MS = 30_000;

/** What one socket holds: its credential, its operations, and what to undo when it closes. */
interface SocketState {
  credential?: LiveCredential;
  operations: number;
  release(): void;
}

/**
 * A persisted operation may come as `{documentId}` (or APQ's extensions) without `query`, which
 * graphql-ws's message validation refuses (close 4400): give it the empty query the gateway expects.
 */
function acceptPersistedDocuments(key: string, value: unknown) {
  if (key !== "" || typeof value !== "object" || value === null) return value;
  const message = value as { type?: unknown; payload?: Record<string, unknown> };
  if (message.type === "subscribe" && message.payload && typeof message.payload === "object" && message.payload.query === undefined) {
    const extensions = message.payload.extensions as { persistedQuery?: unknown } | undefined;
    if (typeof message.payload.documentId === "string" || extensions?.persistedQuery) message.payload.query = "";
  }
  return value;
}

/**
 * GraphQL over WebSocket (subprotocol graphql-transport-ws) on /graphql of the app's HTTP server.
 * The caller authenticates once in connection_init (`{ authorization: "Bearer …" }`); the
 * credential is checked again for every operation, and the socket is closed when it ends (expiry,
 * revocation, sign-out: 4401/4403 with the reason, see live-credentials.ts). Operations run
 * through Yoga's envelop (the same schema, context and plugins as HTTP) and the same
 * persisted-operation policy. Sockets per user or API key are capped (LIVE_MAX_WEBSOCKETS_PER_USER).
 */
export function attachGraphQLWebSocket(server: http.Server, yoga: Yoga, services: Services) {
  const { log } = services;
  const webSocketServer = new WebSocketServer({ server, path: "/graphql", maxPayload: MAX_MESSAGE_BYTES, handleProtocols });
  const { documents } = yoga.gateway;
  const sockets = new WeakMap<object, SocketState>();
  const connections = createPrincipalCounter(services.config.live.maxWebSocketsPerUser);
  const stateOf = (socket: object) => {
    let state = sockets.get(socket);
    if (!state) sockets.set(socket, (state = { operations: 0, release: () => {} }));
    return state;
  };

  const authorizationOf = (params: ConnectionParams) => (typeof params?.authorization === "string" ? params.authorization : undefined);

  const disposable = useServer<ConnectionParams>(
    {
      connectionInitWaitTimeout: 10_000,
      jsonMessageReviver: acceptPersistedDocuments,
      async onConnect(ctx) {
        const { socket } = ctx.extra;
        const authorization = authorizationOf(ctx.connectionParams);
        if (!authorization) {
          socket.close(CloseCode.Unauthorized, 'Send { authorization: "Bearer <token>" } in connection_init');
          return false;
        }
        let credential: LiveCredential;
        try {
          const authenticated = await authenticateCredential(authorization, services);
          credential = authenticated!.credential;
          await services.liveCredentials.admit(credential);
        } catch (error) {
          // The reason tells the client what to do: TOKEN_EXPIRED → refresh and reconnect.
          const reason = error instanceof GraphQLError ? String(error.extensions.reason ?? "TOKEN_INVALID") : "TOKEN_INVALID";
          if (!(error instanceof GraphQLError)) log.warn({ err: error }, "graphql-ws authentication failed");
          socket.close(closeCodeFor(reason), reason);
          return false;
        }
        if (socket.readyState !== socket.OPEN) return false;
        const release = connections.tryAcquire(credential);
        if (!release) {
          socket.close(TOO_MANY_CONNECTIONS, "TOO_MANY_CONNECTIONS");
          return false;
        }
        const untrack = services.liveCredentials.track(credential, (reason) => socket.close(closeCodeFor(reason), reason));
        const state = stateOf(socket);
        state.credential = credential;
        state.release = () => {
          release();
          untrack();
        };
        return true;
      },
      onClose(ctx) {
        stateOf(ctx.extra.socket).release();
      },
      async onSubscribe(ctx, id, payload) {
        // Counted before any await: messages sent back to back cannot all pass the check.
        const state = stateOf(ctx.extra.socket);
        if (state.operations >= MAX_OPERATIONS_PER_SOCKET) {
          return [new AppError("BAD_USER_INPUT", `At most ${MAX_OPERATIONS_PER_SOCKET} operations per connection`)];
        }
        state.operations++;
        let started = false;
        try {
          const prepared = await prepare(ctx, id, payload);
          started = !Array.isArray(prepared);
          return prepared;
        } finally {
          if (!started) state.operations--;
        }
      },
      onComplete(ctx) {
        const state = stateOf(ctx.extra.socket);
        state.operations = Math.max(0, state.operations - 1);
      },
      execute: (args) => (args.rootValue as { execute: typeof import("graphql").execute }).execute(args),
      subscribe: (args) => (args.rootValue as { subscribe: typeof import("graphql").subscribe }).subscribe(args),
      onNext(_ctx, _id, _payload, _args, result) {
        // As over HTTP (error-codes-plugin): errors graphql-js raises itself are the caller's mistake.
        for (const error of result.errors ?? []) {
          const extensions = error.extensions as Record<string, unknown> | undefined;
          if (extensions && extensions.code === undefined) extensions.code = "BAD_USER_INPUT";
        }
      },
      onError(_ctx, _id, _payload, errors) {
        log.debug({ errors: errors.map((error) => error.message) }, "graphql-ws operation refused");
      },
    },
    webSocketServer,
    KEEP_ALIVE_MS,
  );
  webSocketServer.on("error", (error) => log.warn({ err: error }, "websocket server error"));

  /** Authorizes and parses one operation: execution arguments, or the errors to answer with. */
  async function prepare(ctx: SubscribeContext, operationId: string, payload: SubscribePayload): Promise<ExecutionArgs | readonly GraphQLError[]> {
    const authorization = authorizationOf(ctx.connectionParams)!;
    // The same workspace selection as over HTTP: connection_init `workspaceId` is the X-Workspace-Id header.
    const workspaceId = ctx.connectionParams?.workspaceId;
    const request = new Request(`http://${ctx.extra.request.headers.host ?? "localhost"}/graphql`, {
      method: "POST",
      headers: { authorization, "content-type": "application/json", ...(typeof workspaceId === "string" ? { [WORKSPACE_HEADER]: workspaceId } : {}) },
    });
    const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
      request,
      params: payload,
      req: ctx.extra.request,
      socket: ctx.extra.socket,
      transport: "websocket",
      // Subscription events are written straight to the socket (live/shared-fan-out.ts).
      liveSocket: { socket: ctx.extra.socket, operationId } satisfies LiveSocketTarget,
    });
    let viewer: Viewer | null;
    try {
      viewer = (await authenticateCredential(authorization, services))?.viewer ?? null;
    } catch (error) {
      return [error instanceof GraphQLError ? error : new AppError("UNAUTHENTICATED", "Invalid credential")];
    }
    let query = payload.query;
    const documentId = documentIdOfRequest(payload as never);
    try {
      if (documentId !== null) {
        const document = await findPersistedDocument(documents, documentId);
        if (document === null) return [persistedQueryNotFound(documentId)];
        query = document;
      } else if (!mayRunArbitraryOperations(services, viewer)) {
        return [persistedQueryOnly()];
      }
    } catch (error) {
      if (error instanceof GraphQLError) return [error];
      throw error;
    }
    let document;
    try {
      document = parse(query);
    } catch (error) {
      // Keeps the gateway's codes (QUERY_TOO_COMPLEX for a token flood); syntax errors are BAD_USER_INPUT.
      return [error instanceof GraphQLError ? withContractCode(error) : new AppError("BAD_USER_INPUT", (error as Error).message)];
    }
    const errors = validate(schema, document);
    if (errors.length > 0) return errors.map((error: GraphQLError) => withContractCode(error));
    if (!getOperationAST(document, payload.operationName)) return [new AppError("BAD_USER_INPUT", "Unable to identify the operation to run")];
    const args: ExecutionArgs = {
      schema,
      document,
      operationName: payload.operationName,
      variableValues: payload.variables,
      contextValue: await contextFactory(),
      rootValue: { execute, subscribe },
    };
    return args;
  }

  return {
    /** Closes every socket (1001 Going away) and stops accepting upgrades. */
    async close() {
      await disposable.dispose();
      await new Promise<void>((resolve) => webSocketServer.close(() => resolve()));
    },
  };
}
