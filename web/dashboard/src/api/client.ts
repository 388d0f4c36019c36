import type { Operation } from "./operations";

/** A failed operation, with the API's stable code (DESIGN.md §2) or NETWORK when the server was not reached. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly extensions: { field?: string; retryAfter?: number; [key: string]: unknown } = {},
  ) {
    super(message);
  }

  /** The input field the error is about, without the `input.` prefix. */
  get field(): string | undefined {
    return this.extensions.field?.split(".").pop();
  }
}

interface GraphQLBody<R> {
  data?: R | null;
  errors?: Array<{ message: string; extensions?: { code?: string; [key: string]: unknown } }>;
}

/** POST /graphql with the operation's persisted id (the only form production accepts). */
export async function send<R, V>(
  operation: Operation<R, V>,
  variables: V,
  options: { token?: string; headers?: Record<string, string> } = {},
): Promise<R> {
  let response: Response;
  try {
    response = await fetch("/graphql", {
      method: "POST",
      credentials: "same-origin",
      // The page itself is no-referrer; with that, a POST's Origin would be "null", and the server
      // accepts the refresh cookie only from its own origin.
      referrerPolicy: "same-origin",
      headers: {
        "content-type": "application/json",
        accept: "application/graphql-response+json, application/json",
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      body: JSON.stringify({ documentId: operation.id, operationName: operation.name, variables }),
    });
  } catch {
    throw new ApiError("The server cannot be reached. Check your connection and try again.", "NETWORK");
  }
  const body = (await response.json().catch(() => ({}))) as GraphQLBody<R>;
  const error = body.errors?.[0];
  if (error) {
    const { code = "INTERNAL_SERVER_ERROR", ...extensions } = error.extensions ?? {};
    throw new ApiError(error.message, code, extensions);
  }
  if (!body.data)
    throw new ApiError(`The server answered HTTP ${response.status}.`, response.status === 429 ? "RATE_LIMITED" : "INTERNAL_SERVER_ERROR");
  return body.data;
}

/** A sentence for any error, to show where it happened. */
export function describeError(error: unknown): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  switch (error.code) {
    case "RATE_LIMITED":
      return `Too many requests. Try again in ${Math.max(1, Math.ceil(Number(error.extensions.retryAfter ?? 1)))} seconds.`;
    case "INTERNAL_SERVER_ERROR":
      return "Something went wrong on the server. Try again; if it keeps happening, tell your administrator.";
    case "PERSISTED_QUERY_NOT_FOUND":
      return "This page is out of date with the server. Reload it.";
    default:
      return error.message;
  }
}
