import type { FieldRef, InputFieldMap, ObjectRef } from "@pothos/core";
import { builder } from "./builder.js";

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/** The field builder of a mutation payload whose resolver returns `Shape`. */
export type PayloadFields<Shape> = PothosSchemaTypes.ObjectFieldBuilder<Types, Shape>;

/**
 * Typed payload objects for relayMutationField: `payload<{ link: Link }>((t) => ({ link: t.field(...) }))`
 * instead of `(t: any)`. The shape is what the resolver returns.
 */
export const payload = <Shape>(outputFields: (t: PayloadFields<Shape>) => Record<string, FieldRef<Types, unknown, "Object">>) => ({ outputFields });

/** The common case: a payload with one object field `key`, returned as it is. */
export function objectPayload<Key extends string, T>(key: Key, type: ObjectRef<Types, T>, description?: string) {
  return payload<Record<Key, T>>((t) => ({ [key]: t.field({ type, description, resolve: (result) => result[key] as never }) }));
}

export type { InputFieldMap };
