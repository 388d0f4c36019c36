/* eslint-disable @typescript-eslint/no-explicit-any -- walks untyped JSON documents */
// Compares two versions of the REST API's OpenAPI document for changes that break clients.
// Used by scripts/check-openapi-compat.ts (CI) and its test.

type Json = any;
const METHODS = ["get", "post", "put", "patch", "delete"];

export interface OpenApiReport {
  failures: string[];
  /** Set when the major version went up: breaking changes are then allowed (a new /api/vN). */
  majorBump: boolean;
}

const major = (document: Json) => Number(String(document?.info?.version ?? "0").split(".")[0]);

function resolver(document: Json) {
  return (node: Json): Json => {
    let current = node;
    for (let depth = 0; current?.$ref && depth < 10; depth++) {
      current = (current.$ref as string)
        .slice(2)
        .split("/")
        .reduce((at: Json, key: string) => at?.[key.replace(/~1/g, "/").replace(/~0/g, "~")], document);
    }
    return current;
  };
}

const typesOf = (schema: Json): string[] => {
  if (!schema) return [];
  if (schema.anyOf || schema.oneOf) return [...(schema.anyOf ?? schema.oneOf)].flatMap(typesOf);
  return [schema.type ?? "any"].flat();
};

/**
 * What a client may rely on: every operation (by method and path) keeps its operationId and its
 * success statuses; requests accept at least what they accepted (no new required parameter or body
 * field, no narrowed type or enum); responses keep every field they carried, always present when it
 * was, with no new type or enum value a client could not handle. A major version bump allows anything.
 */
export function compareOpenApi(base: Json, current: Json): OpenApiReport {
  const failures: string[] = [];
  const resolveBase = resolver(base);
  const resolveCurrent = resolver(current);

  function compareSchema(where: string, before: Json, after: Json, direction: "request" | "response", seen = new Set<Json>()) {
    const a = resolveBase(before);
    const b = resolveCurrent(after);
    if (!a || !b || seen.has(a)) return;
    seen.add(a);
    const typesBefore = typesOf(a);
    const typesAfter = typesOf(b);
    if (direction === "request" && typesBefore.some((type) => !typesAfter.includes(type) && !typesAfter.includes("any"))) {
      failures.push(`${where}: accepts ${typesAfter.join("|")} instead of ${typesBefore.join("|")}`);
    }
    if (direction === "response" && typesAfter.some((type) => !typesBefore.includes(type) && !typesBefore.includes("any"))) {
      failures.push(`${where}: may now be ${typesAfter.join("|")} (was ${typesBefore.join("|")})`);
    }
    const objectOf = (schema: Json, resolve: (node: Json) => Json) =>
      (schema.anyOf ?? schema.oneOf ?? [schema]).map(resolve).find((s: Json) => s?.properties) as Json;
    const enumOf = (schema: Json, resolve: (node: Json) => Json) =>
      (schema.anyOf ?? schema.oneOf ?? [schema]).map(resolve).flatMap((s: Json) => s?.enum ?? []);
    const enumBefore = enumOf(a, resolveBase);
    const enumAfter = enumOf(b, resolveCurrent);
    if (enumBefore.length && enumAfter.length) {
      if (direction === "request")
        for (const value of enumBefore) if (!enumAfter.includes(value)) failures.push(`${where}: no longer accepts ${JSON.stringify(value)}`);
      if (direction === "response")
        for (const value of enumAfter)
          if (!enumBefore.includes(value)) failures.push(`${where}: may now return ${JSON.stringify(value)} (clients may not know it)`);
    }
    const objectBefore = objectOf(a, resolveBase);
    const objectAfter = objectOf(b, resolveCurrent);
    if (objectBefore && objectAfter) {
      const requiredBefore: string[] = objectBefore.required ?? [];
      const requiredAfter: string[] = objectAfter.required ?? [];
      for (const [name, schema] of Object.entries<Json>(objectBefore.properties)) {
        const next = objectAfter.properties[name];
        if (!next) {
          if (direction === "response") failures.push(`${where}.${name}: removed from the response`);
          continue;
        }
        if (direction === "response" && requiredBefore.includes(name) && !requiredAfter.includes(name))
          failures.push(`${where}.${name}: no longer always present`);
        compareSchema(`${where}.${name}`, schema, next, direction, seen);
      }
      if (direction === "request") {
        for (const name of requiredAfter) if (!requiredBefore.includes(name)) failures.push(`${where}.${name}: newly required`);
      }
    }
    if (a.items && b.items) compareSchema(`${where}[]`, a.items, b.items, direction, seen);
  }

  for (const [path, item] of Object.entries<Json>(base.paths ?? {})) {
    for (const method of METHODS) {
      const before = item[method];
      if (!before) continue;
      const name = `${method.toUpperCase()} ${path}`;
      const after = current.paths?.[path]?.[method];
      if (!after) {
        failures.push(`${name}: removed`);
        continue;
      }
      if (before.operationId !== after.operationId)
        failures.push(`${name}: operationId ${before.operationId} became ${after.operationId} (generated clients rename the method)`);
      const parameters = (operation: Json, resolve: (node: Json) => Json) =>
        new Map((operation.parameters ?? []).map(resolve).map((p: Json) => [`${p.in}:${p.name}`, p]));
      const paramsBefore = parameters(before, resolveBase);
      for (const [key, parameter] of parameters(after, resolveCurrent) as Map<string, Json>) {
        const old = paramsBefore.get(key) as Json;
        if (!old && parameter.required) failures.push(`${name}: new required parameter ${key}`);
        if (old && parameter.required && !old.required) failures.push(`${name}: parameter ${key} became required`);
        if (old) compareSchema(`${name} parameter ${key}`, old.schema, parameter.schema, "request");
      }
      const bodyBefore = resolveBase(before.requestBody);
      const bodyAfter = resolveCurrent(after.requestBody);
      if (bodyAfter?.required && !bodyBefore?.required) failures.push(`${name}: a request body became required`);
      for (const [type, media] of Object.entries<Json>(bodyBefore?.content ?? {})) {
        const next = bodyAfter?.content?.[type];
        if (!next) failures.push(`${name}: no longer accepts ${type} bodies`);
        else compareSchema(`${name} body`, media.schema, next.schema, "request");
      }
      for (const [status, response] of Object.entries<Json>(before.responses ?? {})) {
        if (!status.startsWith("2")) continue;
        const next = resolveCurrent(after.responses?.[status]);
        if (!next) {
          failures.push(`${name}: no longer answers ${status}`);
          continue;
        }
        for (const [type, media] of Object.entries<Json>(resolveBase(response).content ?? {})) {
          const nextMedia = next.content?.[type];
          if (!nextMedia) failures.push(`${name} ${status}: no longer answers ${type}`);
          else compareSchema(`${name} ${status}`, media.schema, nextMedia.schema, "response");
        }
      }
    }
  }
  const majorBump = major(current) > major(base);
  return { failures: majorBump ? [] : failures, majorBump };
}
