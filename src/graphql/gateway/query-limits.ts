import { EnvelopArmorPlugin } from "@escape.tech/graphql-armor";
import depthLimit from "graphql-depth-limit";
import {
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  validate,
  visit,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLSchema,
  type ValidationContext,
} from "graphql";
import type { Plugin } from "graphql-yoga";
import type { Config } from "../../config.js";
import { badInput } from "../../platform/errors.js";
import { executionPoints, numericArgument } from "./query-cost.js";

type Limits = Config["gateway"];

/**
 * QUERY_TOO_COMPLEX naming the limit (`limit`: depth, aliases, directives, tokens, cost) and its
 * value (`max`), plus what was measured where we know it (`cost`). graphql-armor prefixes its
 * refusals with "Syntax Error: "; clients get the limit, not a parse error.
 */
export const tooComplex = (message: string, limit?: string, measured: Record<string, number> = {}) =>
  new GraphQLError(message.replace(/^Syntax Error: /, ""), { extensions: { code: "QUERY_TOO_COMPLEX", ...(limit ? { limit } : {}), ...measured } });

/**
 * Hostile-query protection, all before execution so a refused operation never reaches a resolver:
 * graphql-armor (tokens while parsing; aliases, directives while validating; no field suggestions
 * in production), graphql-depth-limit, introspection off unless enabled, then, once variables are
 * known, page sizes (`first`/`last`) and the operation's cost — the same points the rate limits
 * charge (query-cost.ts), so one number says what an operation costs.
 */
export function useQueryLimits(limits: Limits): Plugin[] {
  const report = (limit: string, max: number) => (context: ValidationContext | null, error: GraphQLError) =>
    context?.reportError(tooComplex(error.message, limit, { max }));
  const beforeRunning = (args: ExecutionArgs, stop: (result: { errors: GraphQLError[] }) => void) => {
    const variables = args.variableValues ?? {};
    const error = oversizedPage(args.document, variables, limits.maxPageSize) ?? tooCostly(args, limits.maxCost);
    if (error) stop({ errors: [error] });
  };
  // Yoga caches the standard validation of a document but runs this hook on every request.
  const depthChecked = new WeakMap<DocumentNode, readonly GraphQLError[]>();
  const depthErrors = (schema: GraphQLSchema, document: DocumentNode) => {
    let errors = depthChecked.get(document);
    if (!errors) depthChecked.set(document, (errors = validate(schema, document, [depthLimit(limits.maxDepth)])));
    return errors;
  };
  return [
    EnvelopArmorPlugin({
      // Parsing has no validation context to report to: the parser throws, and we set the code.
      maxTokens: {
        n: limits.maxTokens,
        onReject: [
          (_context, error) => {
            error.message = error.message.replace(/^Syntax Error: /, "");
            Object.assign(error.extensions, { code: "QUERY_TOO_COMPLEX", limit: "tokens", max: limits.maxTokens });
          },
        ],
      },
      costLimit: { enabled: false }, // our own cost below: armor's multiplies by 1.5 per level and ignores variables
      maxAliases: { n: limits.maxAliases, propagateOnRejection: false, onReject: [report("aliases", limits.maxAliases)] },
      maxDirectives: { n: limits.maxDirectives, propagateOnRejection: false, onReject: [report("directives", limits.maxDirectives)] },
      maxDepth: { enabled: false }, // graphql-depth-limit below
      blockFieldSuggestion: { enabled: limits.blockFieldSuggestions },
    }),
    {
      onValidate({ params, addValidationRule }) {
        if (!limits.introspection) addValidationRule(NoSchemaIntrospectionCustomRule);
        // graphql-depth-limit assumes a document that is otherwise valid (it crashes on unknown
        // fragments and recurses forever on fragment cycles), so it runs after the standard rules.
        return ({ valid, result, setResult }) => {
          if (!valid) {
            setResult(result.map((error) => (/introspection has been disabled/.test(error.message) ? introspectionDisabled(error) : error)));
            return;
          }
          const tooDeep = depthErrors(params.schema, params.documentAST);
          if (tooDeep.length > 0)
            setResult(tooDeep.map((error) => tooComplex(depthMessage(error.message, limits.maxDepth), "depth", { max: limits.maxDepth })));
        };
      },
      onExecute: ({ args, setResultAndStopExecution }) => beforeRunning(args, setResultAndStopExecution),
      onSubscribe: ({ args, setResultAndStopExecution }) => beforeRunning(args, setResultAndStopExecution),
    },
  ];
}

/** graphql-depth-limit says "'' exceeds maximum operation depth of 8" for an anonymous operation. */
const depthMessage = (message: string, maxDepth: number) => {
  const name = /^'(.*)' exceeds/.exec(message)?.[1];
  return `Operation ${name ? `${name} ` : ""}is nested deeper than the maximum depth of ${maxDepth}.`;
};

const introspectionDisabled = (error: GraphQLError) =>
  new GraphQLError("Introspection is disabled on this server (GRAPHQL_INTROSPECTION=false).", {
    nodes: error.nodes,
    extensions: { code: "FORBIDDEN" },
  });

/** An operation whose cost (with its variables) is above GRAPHQL_MAX_COST. */
function tooCostly(args: ExecutionArgs, maxCost: number) {
  const cost = executionPoints(args);
  if (cost <= maxCost) return undefined;
  return tooComplex(
    `Operation costs ${cost} points, more than the limit of ${maxCost}: ask for smaller pages (first) or fewer nested lists.`,
    "cost",
    { cost, max: maxCost },
  );
}

/** A `first`/`last` argument above the page-size cap, whether written inline or passed as a variable. */
export function oversizedPage(document: DocumentNode, variables: Readonly<Record<string, unknown>>, maxPageSize: number) {
  let error: GraphQLError | undefined;
  visit(document, {
    Argument(node) {
      if (error || (node.name.value !== "first" && node.name.value !== "last")) return;
      const value = numericArgument(node, variables);
      if (value !== undefined && value > maxPageSize) {
        error = badInput(
          node.name.value,
          `${node.name.value} must be at most ${maxPageSize} (got ${value}); page through the rest with after/before`,
        );
      }
    },
  });
  return error;
}
