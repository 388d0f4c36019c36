import { usePersistedOperations } from "@graphql-yoga/plugin-persisted-operations";
import type { GraphQLParams, Plugin } from "graphql-yoga";
import type { Viewer } from "../../identity/viewer.js";
import { AppError, badInput } from "../../platform/errors.js";
import type { Services } from "../../services.js";
import { DOCUMENT_ID_PATTERN, documentIdOf, type PersistedDocuments } from "./persisted-documents.js";
import type { RegisteredOperations } from "./registered-operations.js";
import { requestState, requestViewerOrNull } from "./request-state.js";

/** The API-key scope that lets third-party developers send operations of their own in production. */
export const ARBITRARY_OPERATIONS_SCOPE = "ARBITRARY_OPERATIONS";

type OperationParams = Partial<GraphQLParams> & { documentId?: unknown };

/**
 * The persisted document a request names: GraphQL-over-HTTP `documentId` (body, or URL for GET)
 * or Apollo APQ `extensions.persistedQuery.sha256Hash` (a bare hex hash, given our prefix).
 */
export function documentIdOfRequest(params: OperationParams, request?: Request): string | null {
  if (typeof params.documentId === "string") return params.documentId;
  if (request?.method === "GET") {
    const fromUrl = new URL(request.url).searchParams.get("documentId");
    if (fromUrl) return fromUrl;
  }
  const persistedQuery = (params.extensions as { persistedQuery?: { version?: unknown; sha256Hash?: unknown } } | undefined)?.persistedQuery;
  if (persistedQuery?.version === 1 && typeof persistedQuery.sha256Hash === "string") return `sha256:${persistedQuery.sha256Hash.toLowerCase()}`;
  return null;
}

/** Whether a caller may run operations that are not in a manifest (the safelist policy). */
export function mayRunArbitraryOperations(services: Pick<Services, "config">, viewer: Viewer | null): boolean {
  if (!services.config.gateway.persistedQueriesOnly) return true;
  return (viewer?.apiKey?.scopes as readonly string[] | undefined)?.includes(ARBITRARY_OPERATIONS_SCOPE) ?? false;
}

export const persistedQueryOnly = () =>
  new AppError(
    "PERSISTED_QUERY_ONLY",
    `This server only runs persisted operations: send the documentId of a published operation, or authenticate with an API key that has the ${ARBITRARY_OPERATIONS_SCOPE} scope.`,
  );

export const persistedQueryNotFound = (id: string | null) =>
  new AppError("PERSISTED_QUERY_NOT_FOUND", `No persisted operation has the id ${id ?? "(none)"}. Is the client's manifest published?`);

/** Looks an id up, refusing ids that are not `sha256:<64 hex digits>`. */
export async function findPersistedDocument(documents: PersistedDocuments, id: string): Promise<string | null> {
  if (!DOCUMENT_ID_PATTERN.test(id)) throw badInput("documentId", "documentId must be sha256:<64 lowercase hex digits>");
  return documents.get(id);
}

const isApq = (params: OperationParams) => (params.extensions as { persistedQuery?: unknown } | undefined)?.persistedQuery !== undefined;

/**
 * Serves persisted operations over HTTP (POST, GET, and SSE, which Yoga serves on the same path)
 * with Yoga's persisted-operations plugin, and applies the safelist policy to everything else.
 * Where arbitrary operations are allowed (development, API keys with ARBITRARY_OPERATIONS), the
 * Automatic Persisted Queries protocol registers hash → text: an unknown hash answers
 * PERSISTED_QUERY_NOT_FOUND, the client retries with the text, and later calls send the hash only.
 * Registered documents never pass the production safelist: only the manifests do.
 */
export function usePersistedOperationsGateway(services: Services, documents: PersistedDocuments, registered: RegisteredOperations): Plugin[] {
  const mayRunArbitrary = async (request: Request) => mayRunArbitraryOperations(services, await requestViewerOrNull(request, services));
  return [
    {
      async onParams({ params, request, setParams }) {
        const id = documentIdOfRequest(params as OperationParams, request);
        if (id === null || !params.query) return;
        // A request naming a known document and also carrying its text (some clients always
        // do) is served by id, so that it passes the safelist in production.
        if (DOCUMENT_ID_PATTERN.test(id) && (await documents.get(id)) !== null) return setParams({ ...params, query: undefined });
        if (!isApq(params as OperationParams) || !(await mayRunArbitrary(request))) return;
        if (documentIdOf(params.query) !== id) {
          throw badInput(
            "extensions.persistedQuery.sha256Hash",
            "provided sha does not match query: sha256Hash must be the SHA-256 of the query text",
          );
        }
        await registered.set(id, params.query);
      },
    },
    usePersistedOperations({
      extractPersistedOperationId: (params, request) => documentIdOfRequest(params as OperationParams, request),
      async getPersistedOperation(id, request) {
        const document = await findPersistedDocument(documents, id);
        if (document !== null) requestState(request).persisted = true;
        if (document === null && (await mayRunArbitrary(request))) return registered.get(id);
        return document;
      },
      allowArbitraryOperations: mayRunArbitrary,
      customErrors: {
        notFound: ({ params, request }) => persistedQueryNotFound(documentIdOfRequest(params as OperationParams, request)),
        persistedQueryOnly: () => persistedQueryOnly(),
        // Not a well-formed GraphQL-over-HTTP request (no query string at all): 400 whatever the Accept header.
        keyNotFound: () =>
          new AppError("BAD_USER_INPUT", "Send a query string, or the documentId of a persisted operation", {
            field: "query",
            http: { status: 400 },
          }),
      },
    }),
  ];
}
