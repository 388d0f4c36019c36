import {
  getNamedType,
  getOperationAST,
  isInterfaceType,
  isObjectType,
  Kind,
  type ArgumentNode,
  type DocumentNode,
  type ExecutionArgs,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
} from "graphql";

/** Each root mutation field is a write: it costs this much on top of what it selects. */
export const MUTATION_FIELD_POINTS = 10;
/** What a paginated field is assumed to return when the operation does not say (our default page). */
export const DEFAULT_PAGE_SIZE = 20;

/**
 * Rate-limit points of one operation, with its variables: 1 per object-typed field resolved,
 * multiplied by the page size (`first`/`last`) of every paginated field it sits under, plus
 * MUTATION_FIELD_POINTS per mutation; scalars are free and the minimum is 1. `me { email }` costs
 * 1; a page of 20 links with their owners costs about 80.
 */
export function operationPoints(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Readonly<Record<string, unknown>>,
): number {
  const operation = getOperationAST(document, operationName ?? undefined);
  if (!operation) return 1;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const rootType = schema.getRootType(operation.operation);
  if (!rootType) return 1;

  const pageSize = (args: readonly ArgumentNode[]) => {
    for (const arg of args) {
      if (arg.name.value !== "first" && arg.name.value !== "last") continue;
      const value = numericArgument(arg, variables);
      if (value !== undefined) return Math.max(1, value);
    }
    return undefined;
  };

  function cost(selectionSet: SelectionSetNode, parent: GraphQLNamedType, multiplier: number, visiting: Set<string>): number {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (!selection.selectionSet || !(isObjectType(parent) || isInterfaceType(parent))) continue;
        const field = parent.getFields()[selection.name.value];
        if (!field) continue;
        const paginated = field.args.some((arg) => arg.name === "first" || arg.name === "last");
        const items = paginated ? (pageSize(selection.arguments ?? []) ?? DEFAULT_PAGE_SIZE) : 1;
        total += multiplier + cost(selection.selectionSet, getNamedType(field.type), multiplier * items, visiting);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? (schema.getType(selection.typeCondition.name.value) ?? parent) : parent;
        total += cost(selection.selectionSet, type, multiplier, visiting);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || visiting.has(fragment.name.value)) continue;
        visiting.add(fragment.name.value);
        total += cost(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value) ?? parent, multiplier, visiting);
        visiting.delete(fragment.name.value);
      }
    }
    return total;
  }

  const writes =
    operation.operation === "mutation" ? operation.selectionSet.selections.filter((s) => s.kind === Kind.FIELD).length * MUTATION_FIELD_POINTS : 0;
  return Math.max(1, writes + cost(operation.selectionSet, rootType, 1, new Set()));
}

// The rate limits and the cost limit both price every operation, before it runs, from the same args.
const pointsByOperation = new WeakMap<ExecutionArgs, number>();

/** operationPoints of an operation about to run, computed once however many gateway policies ask. */
export function executionPoints(args: ExecutionArgs): number {
  let points = pointsByOperation.get(args);
  if (points === undefined) {
    points = operationPoints(args.schema, args.document, args.operationName, args.variableValues ?? {});
    pointsByOperation.set(args, points);
  }
  return points;
}

/** An Int argument's value, written inline or passed as a variable. */
export function numericArgument(arg: ArgumentNode, variables: Readonly<Record<string, unknown>>): number | undefined {
  const value =
    arg.value.kind === Kind.INT ? Number(arg.value.value) : arg.value.kind === Kind.VARIABLE ? variables[arg.value.name.value] : undefined;
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}
