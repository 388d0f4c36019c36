import { createSourceEventStream, execute, Kind, visit, type ASTNode, type DocumentNode, type ExecutionArgs, type ExecutionResult } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { WebSocket } from "ws";

/** What websocket.ts puts in the context of a graphql-ws operation: where its `next` messages go. */
export interface LiveSocketTarget {
  socket: WebSocket;
  operationId: string;
}

// Serialized `next` payloads per event and operation shape. Sources that hand every subscriber
// the same event object (live counts do) are executed and stringified once per event, not once
// per subscriber; other events are simply not found here again.
const rendered = new WeakMap<object, Map<string, Buffer>>();
const documentIds = new WeakMap<DocumentNode, number>();
let nextDocumentId = 0;

/**
 * graphql-ws subscriptions without per-subscriber execution: the subscription still starts
 * through envelop (limits, authorization in the field's `subscribe`, error masking of its
 * errors), but each event's result is built once per operation shape and the same bytes are
 * written to every socket following it, as `{"id":…,"type":"next","payload":…}`. Events whose
 * result has errors take the ordinary path (masking, graphql-ws hooks).
 */
export function useSharedSubscriptionFanOut(): Plugin {
  return {
    onSubscribe({ args, setSubscribeFn }) {
      const target = (args.contextValue as { liveSocket?: LiveSocketTarget }).liveSocket;
      if (target) setSubscribeFn((subscribeArgs) => subscribeShared(subscribeArgs as ExecutionArgs, target));
    },
  };
}

async function subscribeShared(args: ExecutionArgs, target: LiveSocketTarget): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const source = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in source)) return source;
  const iterator = (source as AsyncIterable<unknown>)[Symbol.asyncIterator]();
  const shape = shapeKey(args);
  const head = Buffer.from(`{"id":${JSON.stringify(target.operationId)},"type":"next","payload":`);
  // Results with errors wait here for graphql-ws to take them; everything else is written directly.
  const withErrors: ExecutionResult[] = [];
  let wake: (() => void) | undefined;
  let ended: { error?: unknown } | undefined;

  const payloadOf = async (event: unknown): Promise<Buffer | ExecutionResult> => {
    const cached = typeof event === "object" && event !== null ? rendered.get(event)?.get(shape) : undefined;
    if (cached) return cached;
    const result = (await execute({ ...args, rootValue: event })) as ExecutionResult;
    if (result.errors?.length) return result;
    const bytes = Buffer.from(`${JSON.stringify(result)}}`);
    if (typeof event === "object" && event !== null) {
      let shapes = rendered.get(event);
      if (!shapes) rendered.set(event, (shapes = new Map()));
      shapes.set(shape, bytes);
    }
    return bytes;
  };

  void (async () => {
    try {
      for (;;) {
        const { value, done } = await iterator.next();
        if (done) break;
        const payload = await payloadOf(value);
        if (!Buffer.isBuffer(payload)) withErrors.push(payload);
        else if (target.socket.readyState === target.socket.OPEN) target.socket.send(Buffer.concat([head, payload]), { binary: false });
        wake?.();
      }
      ended = {};
    } catch (error) {
      ended = { error };
    }
    wake?.();
  })();

  const stream: AsyncIterableIterator<ExecutionResult> = {
    async next() {
      for (;;) {
        const result = withErrors.shift();
        if (result) return { value: result, done: false };
        if (ended) {
          if (ended.error !== undefined) throw ended.error;
          return { value: undefined, done: true };
        }
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
    },
    async return() {
      ended ??= {};
      await iterator.return?.();
      wake?.();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
  return stream;
}

/** Operations with the same shape turn the same event into the same result. */
function shapeKey(args: ExecutionArgs) {
  let id = documentIds.get(args.document);
  if (id === undefined) documentIds.set(args.document, (id = nextDocumentId++));
  const base = `${id}\0${args.operationName ?? ""}`;
  return usesVariablesInResult(args.document) ? `${base}\0${JSON.stringify(args.variableValues ?? {})}` : base;
}

const variableUse = new WeakMap<DocumentNode, boolean>();

/** Whether variables appear anywhere but the root fields' arguments (where they choose the source, not the result). */
function usesVariablesInResult(document: DocumentNode) {
  let uses = variableUse.get(document);
  if (uses !== undefined) return uses;
  uses = false;
  const mark = (node: ASTNode) => void visit(node, { Variable: () => void (uses = true) });
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) mark(definition);
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const directive of definition.directives ?? []) mark(directive);
    for (const selection of definition.selectionSet.selections) {
      if (selection.kind !== Kind.FIELD) mark(selection);
      else {
        for (const directive of selection.directives ?? []) mark(directive);
        if (selection.selectionSet) mark(selection.selectionSet);
      }
    }
  }
  variableUse.set(document, uses);
  return uses;
}
