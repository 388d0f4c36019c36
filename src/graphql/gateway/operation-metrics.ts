import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDirectivesRule } from "@escape.tech/graphql-armor-max-directives";
import { MaxTokensParserWLexer } from "@escape.tech/graphql-armor-max-tokens";
import depthLimit from "graphql-depth-limit";
import { validate, type GraphQLSchema } from "graphql";
import type { Config } from "../../config.js";
import { operationPoints } from "./query-cost.js";

export interface OperationMetrics {
  tokens: number;
  depth: number;
  aliases: number;
  directives: number;
  cost: number;
}

export const METRIC_LIMITS: Record<keyof OperationMetrics, keyof Config["gateway"]> = {
  tokens: "maxTokens",
  depth: "maxDepth",
  aliases: "maxAliases",
  directives: "maxDirectives",
  cost: "maxCost",
};

/** Our limits must leave at least this factor of room above what our own clients send. */
export const HEADROOM = 2;
/** ...and never go below these, so ordinary hand-written operations (GraphiQL, API keys) fit. */
export const FLOOR: OperationMetrics = { tokens: 1_000, depth: 8, aliases: 10, directives: 10, cost: 5_000 };

/**
 * Reads third-party developers write by hand (GraphiQL, API keys), with literal page sizes: the
 * limits must leave these room too, not only our own clients' persisted operations.
 */
export const REALISTIC_READS: Record<string, string> = {
  "webhook deliveries with their attempts": `{ webhooks(first: 5) { edges { node { url deliveries(first: 5) { edges { node { status attemptLog { number responseStatus error } } } } } } } }`,
  "20 webhooks × 20 deliveries × attempts": `{ webhooks(first: 20) { edges { node { deliveries(first: 20) { edges { node { attemptLog { number startedAt } } } pageInfo { hasNextPage endCursor } } } } } }`,
  "a full page of links with owners and analytics": `query ($from: DateTime!) { links(first: 100) { edges { node { slug url clickCount owner { email } clickStats(from: $from) { clicks uniqueVisitors } clickSeries(from: $from, granularity: HOUR) { start clicks } clickBreakdown(by: REFERRER, from: $from, first: 5) { value clicks } } } pageInfo { hasNextPage endCursor } } }`,
  "top links of the period": `query ($from: DateTime!) { clickSummary(from: $from, first: 50) { clicks topLinks { clicks link { slug clickStats(from: $from) { clicks } } } } }`,
  "all API keys": `{ apiKeys(first: 100) { edges { node { name scopes status lastUsedAt } } } }`,
};

/**
 * Measures a document exactly as the limits do: graphql-armor's own token counter, alias and
 * directive rules (in accept mode), graphql-depth-limit, and our cost (query-cost.ts, the points
 * rate limits charge; page sizes passed as variables count as the default page).
 */
export function measureOperation(schema: GraphQLSchema, source: string): OperationMetrics {
  const parser = new MaxTokensParserWLexer(source, { n: Number.MAX_SAFE_INTEGER });
  const document = parser.parseDocument();
  const metrics: OperationMetrics = { tokens: parser.tokenCount, depth: 0, aliases: 0, directives: 0, cost: 0 };
  const max = (key: keyof OperationMetrics) => (_context: unknown, details: { n: number }) => {
    metrics[key] = Math.max(metrics[key], details.n);
  };
  const unlimited = Number.MAX_SAFE_INTEGER;
  const errors = validate(schema, document, [
    maxAliasesRule({ n: unlimited, onAccept: [max("aliases")] }),
    maxDirectivesRule({ n: unlimited, onAccept: [max("directives")] }),
    depthLimit(unlimited, {}, (depths) => {
      metrics.depth = Math.max(metrics.depth, ...Object.values(depths));
    }),
  ]);
  if (errors.length > 0) throw new Error(errors.map((e) => e.message).join("; "));
  metrics.cost = operationPoints(schema, document, undefined, {});
  return metrics;
}

/** The smallest limits that give our operations HEADROOM, rounded up to a round number. */
export function recommendedLimits(measured: OperationMetrics[]): OperationMetrics {
  const result = { ...FLOOR };
  for (const key of Object.keys(FLOOR) as Array<keyof OperationMetrics>) {
    const needed = Math.max(0, ...measured.map((m) => m[key])) * HEADROOM;
    result[key] = Math.max(FLOOR[key], roundUp(needed));
  }
  return result;
}

function roundUp(value: number) {
  if (value <= 10) return Math.ceil(value);
  const step = 10 ** Math.floor(Math.log10(value)) / 2;
  return Math.ceil(value / step) * step;
}
