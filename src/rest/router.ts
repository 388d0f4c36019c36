import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { resolveActor, WORKSPACE_HEADER } from "../access/resolve-actor.js";
import { authenticateCredential, type Viewer } from "../identity/viewer.js";
import { clientIp } from "../platform/client-ip.js";
import { AppError, badInput, clientErrorFromDatabase } from "../platform/errors.js";
import { IDEMPOTENCY_HEADER, validateIdempotencyKey } from "../platform/idempotency.js";
import { problemFromError, sendError, sendProblem } from "../platform/problem.js";
import { rateLimitedError, rateLimitHeaders, type RateLimitDecision } from "../platform/rate-limiter.js";
import { parseInput } from "../platform/validation.js";
import type { Services } from "../services.js";
import { deprecationHeaders } from "./deprecation.js";
import { STREAMED, type RestContext, type RestOperation } from "./operation.js";
import { OPERATIONS } from "./operations.js";

import { REST_PREFIX } from "../http-router.js";

export { REST_PREFIX };

const CORS_HEADERS = {
  // Bearer credentials only (no cookies), so any origin may call the API from a browser.
  "access-control-allow-origin": "*",
  "access-control-expose-headers":
    "Location, ETag, Link, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, RateLimit-Policy, Retry-After, X-Request-Id, Deprecation, Sunset",
};
const PREFLIGHT_HEADERS = {
  "access-control-allow-methods": "GET, POST, PATCH, DELETE, OPTIONS",
  "access-control-allow-headers": `Authorization, Content-Type, ${IDEMPOTENCY_HEADER}, If-Match, If-None-Match, X-Workspace-Id, X-Request-Id`,
  "access-control-max-age": "600",
};

interface Route {
  operation: RestOperation;
  pattern: RegExp;
  names: string[];
}

const compile = (operation: RestOperation): Route => {
  const names: string[] = [];
  const source = operation.path.replace(/\{(\w+)\}/g, (_match, name: string) => {
    names.push(name);
    return "([^/]+)";
  });
  return { operation, pattern: new RegExp(`^${source}$`), names };
};

export const etagOf = (body: unknown) => `W/"${createHash("sha256").update(JSON.stringify(body)).digest("base64url").slice(0, 27)}"`;
const matchesEtag = (header: string | undefined, etag: string) =>
  header !== undefined &&
  (header.trim() === "*" || header.split(",").some((candidate) => candidate.trim().replace(/^W\//, "") === etag.replace(/^W\//, "")));

/** The caller's API budget, shared with GraphQL (per API key, per user, per IP when anonymous). */
export interface ApiRateLimits {
  charge(viewer: Viewer | null, clientIp: string, points: number): Promise<RateLimitDecision>;
}

/** Extra routes of the API that are not operations (the document and its docs page). */
export type ExtraRoutes = Record<string, (req: IncomingMessage, res: ServerResponse) => void>;

/**
 * /api/v1: authenticates like /graphql (Bearer API key or access token, X-Workspace-Id), charges
 * the caller's GraphQL rate-limit budget one point per request, parses path, query and body, and
 * hands an Actor to the operation's use case. Every error is a problem+json.
 */
export function createRestRouter(services: Services, rateLimits: ApiRateLimits, extra: ExtraRoutes) {
  const routes = OPERATIONS.map(compile);
  const { config, log } = services;
  const windowSeconds = config.rateLimits.windowSeconds;
  const apiUrl = `${config.publicBaseUrl}${REST_PREFIX}`;

  async function serve(req: IncomingMessage, res: ServerResponse, route: Route, params: Record<string, string>, query: URLSearchParams) {
    const { operation } = route;
    const authenticated = await authenticateCredential(req.headers.authorization, services).catch((error: unknown) => {
      throw Object.assign(error as AppError, { wwwAuthenticate: true });
    });
    const viewer = authenticated?.viewer ?? null;
    const decision = await rateLimits.charge(viewer, clientIp(req, config.trustProxy), 1);
    for (const [name, value] of Object.entries(rateLimitHeaders(decision, windowSeconds))) res.setHeader(name, value);
    if (!decision.allowed) throw rateLimitedError(decision, windowSeconds);
    if (!viewer && !operation.public) throw new AppError("UNAUTHENTICATED", "Send Authorization: Bearer <API key or access token>");

    const workspaceHeader = req.headers[WORKSPACE_HEADER];
    const context: RestContext = {
      services,
      actor: resolveActor(services.db, viewer, { workspaceId: Array.isArray(workspaceHeader) ? workspaceHeader[0] : workspaceHeader }),
      credential: authenticated?.credential ?? null,
      req,
      res,
      params,
      query: operation.query ? parseInput(operation.query, queryObject(query)) : {},
      body: operation.body ? await readJsonBody(req, config.maxBodyBytes) : undefined,
      idempotencyKey: operation.idempotent ? validateIdempotencyKey(headerOnce(req.headers["idempotency-key"])) : undefined,
      apiUrl,
    };
    if (operation.deprecated) for (const [name, value] of Object.entries(deprecationHeaders(operation.deprecated))) res.setHeader(name, value);

    const ifMatch = headerOnce(req.headers["if-match"]);
    if (operation.current && ifMatch !== undefined) {
      const etag = etagOf(await operation.current(context as RestContext<unknown>));
      if (!matchesEtag(ifMatch, etag)) {
        return sendProblem(res, {
          status: 412,
          code: "PRECONDITION_FAILED",
          detail: "If-Match does not name the current version: read it again",
          field: "If-Match",
          headers: { etag },
        });
      }
    }

    const result = await operation.handle(context as RestContext<unknown>);
    if (result === STREAMED) return;
    const headers: Record<string, string> = { ...result.headers };
    if (result.body === undefined) {
      res.writeHead(result.status, headers);
      return void res.end();
    }
    if (operation.paginated) {
      const next = (result.body as { next?: string | null }).next;
      if (next) headers.link = `<${pageUrl(apiUrl, req.url ?? "", next)}>; rel="next"`;
    }
    if (req.method === "GET" && result.status === 200) {
      const etag = etagOf(result.body);
      Object.assign(headers, { etag, "cache-control": headers["cache-control"] ?? "private, no-cache", vary: "Authorization, X-Workspace-Id" });
      if (matchesEtag(headerOnce(req.headers["if-none-match"]), etag)) {
        res.writeHead(304, headers);
        return void res.end();
      }
    }
    res.writeHead(result.status, { ...headers, "content-type": "application/json; charset=utf-8" });
    res.end(JSON.stringify(result.body));
  }

  return function handleRest(req: IncomingMessage, res: ServerResponse, path: string) {
    for (const [name, value] of Object.entries(CORS_HEADERS)) res.setHeader(name, value);
    const method = req.method ?? "GET";
    const relative = path.slice(REST_PREFIX.length) || "/";
    if (method === "OPTIONS") {
      res.writeHead(204, PREFLIGHT_HEADERS);
      return void res.end();
    }
    const page = extra[relative];
    if (page) return page(req, res);

    let allowed: string[] = [];
    for (const route of routes) {
      const match = route.pattern.exec(relative);
      if (!match) continue;
      if (route.operation.method !== method && !(method === "HEAD" && route.operation.method === "GET")) {
        allowed.push(route.operation.method);
        continue;
      }
      const params = decodeParams(route.names, match.slice(1));
      if (!params) return sendError(res, 404, "NOT_FOUND", "Not found");
      const query = new URL(req.url ?? "/", "http://localhost").searchParams;
      return void serve(req, res, route, params, query).catch((error: unknown) => {
        const known = error instanceof AppError ? error : clientErrorFromDatabase(error);
        if (!known) log.error({ err: error, operation: route.operation.operationId }, "REST operation failed");
        const problem = problemFromError(known ?? error);
        if ((error as { wwwAuthenticate?: boolean }).wwwAuthenticate || problem.status === 401) {
          problem.headers = { ...problem.headers, "www-authenticate": 'Bearer realm="linkgraph"' };
        }
        sendProblem(res, problem);
      });
    }
    allowed = [...new Set(allowed)];
    if (allowed.length > 0)
      return sendError(res, 405, "METHOD_NOT_ALLOWED", `${relative} answers ${allowed.join(", ")}`, { allow: allowed.join(", ") });
    sendError(res, 404, "NOT_FOUND", `No operation at ${REST_PREFIX}${relative}: see ${REST_PREFIX}/openapi.json`);
  };
}

function decodeParams(names: string[], values: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  try {
    names.forEach((name, index) => (params[name] = decodeURIComponent(values[index]!)));
  } catch {
    return undefined;
  }
  return params;
}

/** Query parameters as an object: a repeated name becomes an array. */
function queryObject(query: URLSearchParams) {
  const object: Record<string, string | string[]> = {};
  for (const key of new Set(query.keys())) {
    const values = query.getAll(key);
    object[key] = values.length === 1 ? values[0]! : values;
  }
  return object;
}

function pageUrl(apiUrl: string, requestUrl: string, cursor: string) {
  const url = new URL(requestUrl, "http://localhost");
  url.searchParams.set("after", cursor);
  return `${apiUrl}${url.pathname.slice(REST_PREFIX.length)}${url.search}`;
}

function headerOnce(value: string | string[] | undefined) {
  return Array.isArray(value) ? value[0] : value;
}

async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw new AppError("BAD_USER_INPUT", `Request bodies are limited to ${maxBytes} bytes`);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") return {};
  const type = String(req.headers["content-type"] ?? "");
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) throw badInput("Content-Type", "Send the body as JSON (Content-Type: application/json)");
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("BAD_USER_INPUT", "The body is not valid JSON");
  }
}
