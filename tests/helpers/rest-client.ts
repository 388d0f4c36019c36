import createClient, { type Middleware } from "openapi-fetch";
import { expect } from "vitest";
import { validateResponse } from "./openapi-validator.js";
import type { paths } from "./rest-api.js";

/** Operations the tests called, to check that the main flows cover the document. */
export const calledOperations = new Set<string>();

/**
 * A typed client generated from docs/openapi.json (openapi-typescript + openapi-fetch). Every
 * response it receives is validated against the document; a mismatch fails the test.
 */
export function restClient(baseUrl: string, options: { token?: string; headers?: Record<string, string> } = {}) {
  const client = createClient<paths>({
    baseUrl: `${baseUrl}/api/v1`,
    headers: { ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...options.headers },
  });
  const validator: Middleware = {
    async onResponse({ request, response, schemaPath }) {
      calledOperations.add(`${request.method} ${schemaPath}`);
      expect(await validateResponse(request.method, schemaPath, response), `${request.method} ${schemaPath} → ${response.status}`).toEqual([]);
      return response;
    },
  };
  client.use(validator);
  return client;
}
