import { getOperationAST, type DocumentNode } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { GraphQLContext } from "../context.js";
import { requestState } from "./request-state.js";

/** Responses differ by credential, negotiated media type (JSON, GraphQL response JSON, SSE) and CORS origin. */
const VARY = ["Authorization", "Accept", "Origin"];

/**
 * Cache-Control for /graphql. Only one kind of response may be stored by shared caches (CDNs):
 * a successful persisted *query* fetched with GET and no credential, whose URL (documentId +
 * variables) names it completely. Anything sent with Authorization is `private, no-store`; all
 * else `no-store`. Vary lists Authorization so a cache never serves one caller's answer to another.
 */
export function useHttpCaching(options: { publicMaxAgeSeconds: number }): Plugin {
  const recordOperation = (context: unknown, document: DocumentNode, operationName?: string | null) => {
    const request = (context as Partial<GraphQLContext>).request;
    if (request) requestState(request).operationType = getOperationAST(document, operationName ?? undefined)?.operation;
  };
  const hadErrors = new WeakSet<Request>();
  return {
    onExecute: ({ args }) => recordOperation(args.contextValue, args.document, args.operationName),
    onSubscribe: ({ args }) => recordOperation(args.contextValue, args.document, args.operationName),
    onResultProcess({ request, result }) {
      const results = Array.isArray(result) ? result : [result];
      if (results.some((single) => !single || Symbol.asyncIterator in single || (single.errors?.length ?? 0) > 0)) hadErrors.add(request);
    },
    onResponse({ request, response }) {
      if (request.method === "OPTIONS") return;
      const vary = new Set(
        (response.headers.get("vary") ?? "")
          .split(",")
          .map((v) => v.trim())
          .filter(Boolean),
      );
      for (const header of VARY) vary.add(header);
      response.headers.set("vary", [...vary].join(", "));
      if (response.headers.get("content-type")?.startsWith("text/html")) return; // GraphiQL
      const state = requestState(request);
      const credentialed = request.headers.has("authorization") || request.headers.has("cookie");
      const shareable =
        options.publicMaxAgeSeconds > 0 &&
        request.method === "GET" &&
        !credentialed &&
        state.persisted === true &&
        state.operationType === "query" &&
        response.status === 200 &&
        !hadErrors.has(request);
      response.headers.set(
        "cache-control",
        shareable ? `public, max-age=${options.publicMaxAgeSeconds}` : credentialed ? "private, no-store" : "no-store",
      );
    },
  };
}
