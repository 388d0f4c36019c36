import { EnvelopArmorPlugin } from "@escape.tech/graphql-armor";
import depthLimit from "graphql-depth-limit";
import { GraphQLError, NoSchemaIntrospectionCustomRule, validate, visit, type DocumentNode, type ValidationContext } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { Config } from "../../config.js";
import { badInput } from "../../platform/errors.js";
import { numericArgument } from "./query-cost.js";

type Limits = Config["gateway"];

/** graphql-armor prefixes its refusals with "Syntax Error: "; clients get the limit, not a parse error. */
export const tooComplex = (message: string, limit?: string) =>
  new GraphQLError(message.replace(/^Syntax Error: /, ""), { extensions: { code: "QUERY_TOO_COMPLEX", ...(limit ? { limit } : {}) } });

/**
 * Hostile-query protection, all before execution so a refused operation never reaches a resolver:
 * graphql-armor (tokens while parsing; cost, aliases, directives while validating; no field
 * suggestions in production), graphql-depth-limit, introspection off unless enabled, and page
 * sizes (`first`/`last`, which may come from variables) checked before executing.
 */
export function useQueryLimits(limits: Limits): Plugin[] {
  const report = (limit: string) => (context: ValidationContext | null, error: GraphQLError) =>
    context?.reportError(tooComplex(error.message, limit));
  return [
    EnvelopArmorPlugin({
      // Parsing has no validation context to report to: the parser throws, and we set the code.
      maxTokens: {
        n: limits.maxTokens,
        onReject: [
          (_context, error) => {
            error.message = error.message.replace(/^Syntax Error: /, "");
            Object.assign(error.extensions, { code: "QUERY_TOO_COMPLEX", limit: "tokens" });
          },
        ],
      },
      costLimit: { maxCost: limits.maxCost, propagateOnRejection: false, onReject: [report("cost")] },
      maxAliases: { n: limits.maxAliases, propagateOnRejection: false, onReject: [report("aliases")] },
      maxDirectives: { n: limits.maxDirectives, propagateOnRejection: false, onReject: [report("directives")] },
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
          const tooDeep = validate(params.schema, params.documentAST, [depthLimit(limits.maxDepth)]);
          if (tooDeep.length > 0) setResult(tooDeep.map((error) => tooComplex(depthMessage(error.message, limits.maxDepth), "depth")));
        };
      },
      onExecute({ args, setResultAndStopExecution }) {
        const error = oversizedPage(args.document, args.variableValues ?? {}, limits.maxPageSize);
        if (error) setResultAndStopExecution({ errors: [error] });
      },
      onSubscribe({ args, setResultAndStopExecution }) {
        const error = oversizedPage(args.document, args.variableValues ?? {}, limits.maxPageSize);
        if (error) setResultAndStopExecution({ errors: [error] });
      },
    },
  ];
}

/** graphql-depth-limit says "'' exceeds maximum operation depth of 8" for an anonymous operation. */
const depthMessage = (message: string, maxDepth: number) => {
  const name = /^'(.*)' exceeds/.exec(message)?.[1];
  return `Operation ${name ? `${name} ` : ""}is nested deeper than the maximum depth of ${maxDepth}.`;
};

const introspectionDisabled = (error: GraphQLError) =>
  new GraphQLError("Introspection is disabled on this server (GRAPHQL_INTROSPECTION=false).", { nodes: error.nodes, extensions: { code: "FORBIDDEN" } });

/** A `first`/`last` argument above the page-size cap, whether written inline or passed as a variable. */
export function oversizedPage(document: DocumentNode, variables: Readonly<Record<string, unknown>>, maxPageSize: number) {
  let error: GraphQLError | undefined;
  visit(document, {
    Argument(node) {
      if (error || (node.name.value !== "first" && node.name.value !== "last")) return;
      const value = numericArgument(node, variables);
      if (value !== undefined && value > maxPageSize) {
        error = badInput(node.name.value, `${node.name.value} must be at most ${maxPageSize} (got ${value}); page through the rest with after/before`);
      }
    },
  });
  return error;
}
