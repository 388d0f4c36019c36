import { z } from "zod";
import { problemBody, problemFromError } from "../platform/problem.js";
import { parseInput } from "../platform/validation.js";
import type { RestContext } from "./operation.js";

const itemsSchema = z.array(z.unknown()).min(1, "must hold between 1 and 100 items").max(100, "must hold between 1 and 100 items");

/** Creates items one by one: each succeeds or fails on its own, and the answer says which (201 or its problem). */
export async function bulkCreate<T, R>(context: RestContext<unknown>, create: (input: unknown) => Promise<T>, toJson: (created: T) => R) {
  const items = parseInput(itemsSchema, context.body);
  const results: Array<{ status: number; link?: R; problem?: Record<string, unknown> }> = [];
  for (const item of items) {
    try {
      results.push({ status: 201, link: toJson(await create(item)) });
    } catch (error) {
      const problem = problemFromError(error);
      if (problem.status >= 500) throw error;
      results.push({ status: problem.status, problem: problemBody(problem) });
    }
  }
  return { results };
}
