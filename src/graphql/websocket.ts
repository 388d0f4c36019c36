import type http from "node:http";
import { GraphQLError, type ExecutionArgs } from "graphql";
import { CloseCode, handleProtocols } from "graphql-ws";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import { authenticate } from "../identity/viewer.js";
import { WORKSPACE_HEADER } from "../access/resolve-actor.js";
import { AppError } from "../platform/errors.js";
import { withContractCode } from "./error-codes-plugin.js";
import type { Services } from "../services.js";
import { documentIdOfRequest, findPersistedDocument, mayRunArbitraryOperations, persistedQueryNotFound, persistedQueryOnly } from "./gateway/persisted-operations.js";
import type { createGraphQLHandler } from "./yoga.js";

type Yoga = ReturnType<typeof createGraphQLHandler>;
type ConnectionParams = { authorization?: unknown; workspaceId?: unknown } | undefined;

const MAX_MESSAGE_BYTES = 64 * 1024;
const MAX_OPERATIONS_PER_SOCKET = 50;

/**
 * GraphQL over WebSocket (subprotocol graphql-transport-ws) on /graphql of the app's HTTP server.
 * The caller authenticates once in connection_init (`{ authorization: "Bearer …" }`); the
 * credential is checked again for every operation, so an expired token or a revoked key stops
 * new subscriptions. Operations run through Yoga's envelop (the same schema, context and plugins
 * as HTTP) and the same persisted-operation policy.
 */
export function attachGraphQLWebSocket(server: http.Server, yoga: Yoga, services: Services) {
  const { log } = services;
  const webSocketServer = new WebSocketServer({ server, path: "/graphql", maxPayload: MAX_MESSAGE_BYTES, handleProtocols });
  const { documents } = yoga.gateway;
  const operations = new WeakMap<object, number>();

  const authorizationOf = (params: ConnectionParams) => (typeof params?.authorization === "string" ? params.authorization : undefined);

  const disposable = useServer<ConnectionParams>(
    {
      connectionInitWaitTimeout: 10_000,
      async onConnect(ctx) {
        const authorization = authorizationOf(ctx.connectionParams);
        if (!authorization) {
          ctx.extra.socket.close(CloseCode.Unauthorized, "Send { authorization: \"Bearer <token>\" } in connection_init");
          return false;
        }
        try {
          return (await authenticate(authorization, services)) !== null;
        } catch {
          return false; // 4403 Forbidden: a bad or expired credential (refresh it and reconnect)
        }
      },
      async onSubscribe(ctx, _id, payload) {
        const count = (operations.get(ctx.extra.socket) ?? 0) + 1;
        if (count > MAX_OPERATIONS_PER_SOCKET) {
          return [new AppError("BAD_USER_INPUT", `At most ${MAX_OPERATIONS_PER_SOCKET} operations per connection`)];
        }
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
        });
        let viewer;
        try {
          viewer = await authenticate(authorization, services);
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
        operations.set(ctx.extra.socket, count);
        const args: ExecutionArgs = {
          schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe },
        };
        return args;
      },
      onComplete(ctx) {
        operations.set(ctx.extra.socket, Math.max(0, (operations.get(ctx.extra.socket) ?? 1) - 1));
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
  );
  webSocketServer.on("error", (error) => log.warn({ err: error }, "websocket server error"));

  return {
    /** Closes every socket (1001 Going away) and stops accepting upgrades. */
    async close() {
      await disposable.dispose();
      await new Promise<void>((resolve) => webSocketServer.close(() => resolve()));
    },
  };
}
