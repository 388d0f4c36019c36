import { readFileSync } from "node:fs";
import { getOperationAST, parse } from "graphql";
import type { GraphQLResponse, TestApp } from "./test-app.js";

export type Client = "web" | "ios" | "android" | "dashboard";

/** The id and text of one of our clients' persisted operations, by operation name. */
export function persistedOperation(client: Client, operationName: string): { id: string; hash: string; text: string } {
  const manifest = JSON.parse(
    readFileSync(new URL(`../../persisted-queries/${client}/__generated__/persisted-documents.json`, import.meta.url), "utf8"),
  ) as Record<string, string>;
  for (const [id, text] of Object.entries(manifest)) {
    if (getOperationAST(parse(text))?.name?.value === operationName) return { id, hash: id.slice("sha256:".length), text };
  }
  throw new Error(`${client} has no persisted operation ${operationName}`);
}

export const CSRF = { "x-graphql-csrf": "1" };

export interface PersistedCall {
  token?: string;
  method?: "POST" | "GET";
  /** documentId (GraphQL over HTTP) or Apollo APQ's extensions.persistedQuery. */
  as?: "documentId" | "apq";
  headers?: Record<string, string>;
}

/** Sends a persisted operation the way our clients do. */
export async function callPersisted<T = any>(
  test: Pick<TestApp, "baseUrl">,
  id: string,
  variables?: Record<string, unknown>,
  options: PersistedCall = {},
): Promise<GraphQLResponse<T>> {
  const { method = "POST", as = "documentId" } = options;
  const request: Record<string, unknown> =
    as === "documentId" ? { documentId: id } : { extensions: { persistedQuery: { version: 1, sha256Hash: id.replace(/^sha256:/, "") } } };
  if (variables) request.variables = variables;
  const headers: Record<string, string> = { ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...options.headers };
  let response: Response;
  if (method === "GET") {
    const url = new URL(`${test.baseUrl}/graphql`);
    for (const [key, value] of Object.entries(request)) url.searchParams.set(key, typeof value === "string" ? value : JSON.stringify(value));
    response = await fetch(url, { headers: { ...CSRF, ...headers } });
  } else {
    response = await fetch(`${test.baseUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(request),
    });
  }
  const body = (await response.json()) as { data: any; errors?: any[] };
  return { status: response.status, headers: response.headers, data: body.data, errors: body.errors };
}
