import { useGraphQlJit } from "@envelop/graphql-jit";
import { getVariableValues, GraphQLError, Kind, type DocumentNode, type ExecutionArgs, type ExecutionResult, type Source } from "graphql";
import type { Plugin } from "graphql-yoga";

/**
 * Queries and mutations a client repeats run as code graphql-jit compiled from their document
 * instead of through graphql-js' interpreter: the links page spends a third less CPU. Resolvers,
 * scalars, error masking and the gateway's limits are the same; only the executor differs, and
 * what a client could tell apart is put back (see below).
 *
 * Compiled on a document's second run, so one-off operations never pay for compilation. Only
 * documents holding a single operation, selected by its name or none: the plugin caches one
 * compiled operation per document. Subscriptions keep graphql-js (and the shared fan-out).
 */
export function useCompiledOperations(): Plugin[] {
  const runs = new WeakMap<DocumentNode, number>();
  const compiled = new WeakSet<ExecutionArgs>();
  const jit = useGraphQlJit(
    {},
    {
      enableIf: (args: ExecutionArgs) => {
        const { document, operationName, schema } = args;
        const [operation, ...others] = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
        if (!operation || others.length > 0 || operation.operation === "subscription") return false;
        if (operationName != null && operation.name?.value !== operationName) return false;
        const seen = (runs.get(document) ?? 0) + 1;
        runs.set(document, seen);
        if (seen < 2) return false;
        // graphql-jit words variable errors its own way ("Expected type DateTime."): let
        // graphql-js answer those, with the scalar's own message.
        if (getVariableValues(schema, operation.variableDefinitions ?? [], args.variableValues ?? {}, { maxErrors: 1 }).errors) return false;
        compiled.add(args);
        return true;
      },
    },
  );
  const restoreLocations: Plugin = {
    onExecute: ({ args }) =>
      compiled.has(args) && args.document.loc
        ? { onExecuteDone: ({ result }) => withGraphQLJsErrors(result as ExecutionResult, args.document.loc!.source) }
        : undefined,
  };
  return [jit as Plugin, restoreLocations];
}

/**
 * graphql-jit's errors carry `locations` but not the nodes or positions Yoga rebuilds an error
 * from before sending it, so they would reach clients without locations: the same errors as
 * graphql-js ones, located in the document's source.
 */
function withGraphQLJsErrors(result: ExecutionResult, source: Source) {
  const errors = result.errors as GraphQLError[] | undefined;
  if (!errors?.length) return;
  const lineStarts = [0];
  for (let i = source.body.indexOf("\n"); i !== -1; i = source.body.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  errors.forEach((error, i) => {
    if (error.nodes || error.positions || !error.locations) return;
    (errors as GraphQLError[])[i] = new GraphQLError(error.message, {
      source,
      positions: error.locations.map(({ line, column }) => (lineStarts[line - 1] ?? 0) + column - 1),
      path: error.path,
      originalError: error.originalError,
      extensions: error.extensions,
    });
  });
}
