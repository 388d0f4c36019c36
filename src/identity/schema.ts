import { builder } from "../graphql/builder.js";
import { logIn } from "./log-in.js";
import { logOut, refreshSession, type Session } from "./sessions.js";
import { signUp } from "./sign-up.js";
import { isAdmin } from "./viewer.js";

export const Role = builder.enumType("Role", { values: ["USER", "ADMIN"] as const });

export const User = builder.prismaNode("User", {
  id: { field: "id" },
  // A user is visible to themselves and to admins only.
  findUnique: (id, context) => (isAdmin(context.viewer) || context.viewer?.userId === id ? { id } : { id, email: "" }),
  fields: (t) => ({
    email: t.exposeString("email"),
    role: t.expose("role", { type: Role }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

builder.queryField("me", (t) =>
  t.prismaField({
    type: User,
    nullable: true,
    description: "The signed-in user, or null when anonymous.",
    resolve: (query, _root, _args, context) =>
      context.viewer ? context.services.db.user.findUnique({ ...query, where: { id: context.viewer.userId } }) : null,
  }),
);

/** The payload of every mutation that starts or renews a session. */
const sessionPayload = {
  outputFields: (t: PothosSchemaTypes.ObjectFieldBuilder<PothosSchemaTypes.ExtendDefaultTypes<typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never>, Session>) => ({
    accessToken: t.exposeString("accessToken"),
    accessTokenExpiresAt: t.expose("accessTokenExpiresAt", { type: "DateTime" }),
    refreshToken: t.exposeString("refreshToken", { description: "Opaque; rotated on every refreshSession." }),
    user: t.field({ type: User, resolve: (session) => session.user }),
  }),
};

builder.relayMutationField(
  "signUp",
  { inputFields: (t) => ({ email: t.string({ required: true }), password: t.string({ required: true }) }) },
  { resolve: (_root, { input }, context) => signUp(context.services, input) },
  sessionPayload,
);

builder.relayMutationField(
  "logIn",
  { inputFields: (t) => ({ email: t.string({ required: true }), password: t.string({ required: true }) }) },
  { resolve: (_root, { input }, context) => logIn(context.services, input) },
  sessionPayload,
);

builder.relayMutationField(
  "refreshSession",
  { inputFields: (t) => ({ refreshToken: t.string({ required: true }) }) },
  { resolve: (_root, { input }, context) => refreshSession(context.services, input.refreshToken) },
  sessionPayload,
);

builder.relayMutationField(
  "logOut",
  { inputFields: (t) => ({ refreshToken: t.string({ required: true }) }) },
  {
    resolve: async (_root, { input }, context) => {
      await logOut(context.services, input.refreshToken);
      return { success: true };
    },
  },
  { outputFields: (t) => ({ success: t.exposeBoolean("success") }) },
);
