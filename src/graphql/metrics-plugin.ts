import { getOperationAST } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { Metrics } from "../platform/metrics.js";

// Operation names come from clients: past this many distinct ones, new names count as "other" so
// a client cannot grow the series without bound.
const MAX_OPERATION_NAMES = 200;

/**
 * Times every executed query and mutation (HTTP and WebSocket alike: the WebSocket transport runs
 * through the same envelop) by operation name, type and outcome. Requests refused before
 * execution (parse, validation, rate limits) show in the HTTP histogram; subscriptions are
 * counted by linkgraph_subscriptions_open instead (their lifetime is not a latency).
 */
export function useOperationMetrics(metrics: Pick<Metrics, "graphqlDuration">): Plugin {
  const names = new Set<string>();
  const labelFor = (name: string | undefined) => {
    if (!name) return "anonymous";
    if (names.has(name)) return name;
    if (names.size >= MAX_OPERATION_NAMES) return "other";
    names.add(name);
    return name;
  };

  return {
    onExecute({ args }) {
      const started = performance.now();
      const operation = getOperationAST(args.document, args.operationName);
      return {
        onExecuteDone({ result }) {
          const failed = "errors" in result && (result.errors?.length ?? 0) > 0;
          metrics.graphqlDuration.observe(
            { operation: labelFor(operation?.name?.value), type: operation?.operation ?? "unknown", outcome: failed ? "error" : "success" },
            (performance.now() - started) / 1000,
          );
        },
      };
    },
  };
}
