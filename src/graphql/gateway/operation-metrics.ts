import { costLimitRule } from "@escape.tech/graphql-armor-cost-limit";
import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDirectivesRule } from "@escape.tech/graphql-armor-max-directives";
import { MaxTokensParserWLexer } from "@escape.tech/graphql-armor-max-tokens";
import depthLimit from "graphql-depth-limit";
import { validate, type GraphQLSchema } from "graphql";
import type { Config } from "../../config.js";

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
/**
 * ...and never go below these, so ordinary hand-written operations (GraphiQL, API keys) fit. The
 * cost floor is armor's default: its cost multiplies by literal `first` values only, so a
 * developer's `links(first: 100) { … }` costs ~2,000 where our clients' `$first` costs ~200.
 */
export const FLOOR: OperationMetrics = { tokens: 1_000, depth: 8, aliases: 10, directives: 10, cost: 5_000 };

/**
 * Measures a document exactly as the limits do: graphql-armor's own token counter, alias,
 * directive and cost rules (in accept mode) and graphql-depth-limit.
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
    costLimitRule({ maxCost: unlimited, onAccept: [max("cost")] }),
    depthLimit(unlimited, {}, (depths) => {
      metrics.depth = Math.max(metrics.depth, ...Object.values(depths));
    }),
  ]);
  if (errors.length > 0) throw new Error(errors.map((e) => e.message).join("; "));
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
