import { builder } from "../graphql/builder.js";
import { nodeAuthorizer } from "../graphql/node-auth.js";
import type { GraphQLContext } from "../graphql/context.js";
import { payload } from "../graphql/payload.js";
import { authorizeUserRead, findMe } from "./find-users.js";
import { badInput, unauthenticated } from "../platform/errors.js";
import { changePassword } from "./change-password.js";
import { logIn } from "./log-in.js";
import type { OidcProviderSettings } from "./oidc/oidc-config.js";
import { exchangeSignInCode } from "./oidc/sign-in-codes.js";
import { clearRefreshCookie, deliverSession, presentedRefreshToken, type RefreshTokenDelivery as Delivery } from "./refresh-cookie.js";
import { logOut, logOutEverywhere, refreshSession, type Session } from "./sessions.js";
import { signUp } from "./sign-up.js";

export const Role = builder.enumType("Role", { values: ["USER", "ADMIN"] as const });

const RefreshTokenDelivery = builder.enumType("RefreshTokenDelivery", {
  description: "Where a new refresh token goes.",
  values: {
    BODY: { description: "In the payload's refreshToken field (mobile apps, servers)." },
    COOKIE: {
      description: "In an httpOnly, SameSite cookie for /graphql that scripts cannot read (web apps); refreshToken is then null.",
    },
  } as const,
});

// A user by global ID: themselves, people they share a workspace with, or anyone for instance admins.
nodeAuthorizer("User", (context, id) => authorizeUserRead(context.services, context.actor, id));

export const User = builder.prismaNode("User", {
  id: { field: "id" },
  nullable: true,
  fields: (t) => ({
    email: t.exposeString("email"),
    role: t.expose("role", { type: Role }),
    hasPassword: t.boolean({
      description: "False for accounts that only sign in through an identity provider.",
      resolve: (user) => user.passwordHash !== null,
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

builder.queryField("me", (t) =>
  t.prismaField({
    type: User,
    nullable: true,
    description: "The signed-in user (for an API key: its owner), or null when anonymous.",
    resolve: (query, _root, _args, context) => findMe(context.services, context.actor, query),
  }),
);

const SignInProvider = builder.objectRef<OidcProviderSettings>("SignInProvider").implement({
  description: "An identity provider people can sign in with (OpenID Connect).",
  fields: (t) => ({
    id: t.exposeString("id"),
    name: t.exposeString("name"),
    loginUrl: t.string({
      description: "Open in a browser. Web: add ?return_to=/path. Mobile: add redirect_uri (registered), code_challenge (S256) and optionally state.",
      resolve: (provider, _args, context) => `${context.services.config.publicBaseUrl}/auth/${provider.id}/login`,
    }),
  }),
});

builder.queryField("signInProviders", (t) =>
  t.field({ type: [SignInProvider], resolve: (_root, _args, context) => context.services.signInProviders.list() }),
);

type SessionOutput = Omit<Session, "refreshToken"> & { refreshToken: string | null };

/** The payload of every mutation that starts or renews a session. */
const sessionPayload = payload<SessionOutput>((t) => ({
  accessToken: t.exposeString("accessToken"),
  accessTokenExpiresAt: t.expose("accessTokenExpiresAt", { type: "DateTime" }),
  refreshToken: t.exposeString("refreshToken", {
    nullable: true,
    description: "Opaque; rotated on every refreshSession. Null when it was delivered as a cookie (refreshTokenDelivery: COOKIE).",
  }),
  user: t.field({ type: User, resolve: (session) => session.user }),
}));

const deliver = (context: GraphQLContext, session: Session, delivery: Delivery | null | undefined) =>
  deliverSession(context, session, delivery ?? "BODY");

builder.relayMutationField(
  "signUp",
  {
    inputFields: (t) => ({
      email: t.string({ required: true }),
      password: t.string({ required: true }),
      refreshTokenDelivery: t.field({ type: RefreshTokenDelivery, description: "Default BODY." }),
    }),
  },
  { resolve: async (_root, { input }, context) => deliver(context, await signUp(context.services, input), input.refreshTokenDelivery) },
  sessionPayload,
);

builder.relayMutationField(
  "logIn",
  {
    inputFields: (t) => ({
      email: t.string({ required: true }),
      password: t.string({ required: true }),
      refreshTokenDelivery: t.field({ type: RefreshTokenDelivery, description: "Default BODY." }),
    }),
  },
  {
    description: "Signs in with a password. Repeated failures are throttled per account and per client address (RATE_LIMITED).",
    resolve: async (_root, { input }, context) => deliver(context, await logIn(context.services, input, context), input.refreshTokenDelivery),
  },
  sessionPayload,
);

builder.relayMutationField(
  "refreshSession",
  {
    inputFields: (t) => ({
      refreshToken: t.string({ description: "Omit to use the refresh cookie." }),
      refreshTokenDelivery: t.field({ type: RefreshTokenDelivery, description: "Default: the way the refresh token came." }),
    }),
  },
  {
    description: "Exchanges a refresh token for a new access token and a new refresh token (the old one stops working).",
    resolve: async (_root, { input }, context) => {
      const presented = presentedRefreshToken(context, input.refreshToken);
      if (!presented) throw unauthenticated("No refresh token: send refreshToken, or the refresh cookie");
      try {
        return deliver(context, await refreshSession(context.services, presented.token), input.refreshTokenDelivery ?? presented.from);
      } catch (error) {
        if (presented.from === "COOKIE") clearRefreshCookie(context);
        throw error;
      }
    },
  },
  sessionPayload,
);

builder.relayMutationField(
  "logOut",
  {
    inputFields: (t) => ({
      refreshToken: t.string({ description: "Omit to use the refresh cookie." }),
      everywhere: t.boolean({
        description: "Sign out on every device: revokes all of the user's sessions, not only this one. Works with an access token alone.",
      }),
    }),
  },
  {
    description: "Revokes the session of the refresh token (or, with everywhere, all of its user's sessions).",
    resolve: async (_root, { input }, context) => {
      const presented = presentedRefreshToken(context, input.refreshToken);
      const viewer = context.viewer;
      let result;
      if (presented) result = await logOut(context.services, presented.token, { everywhere: input.everywhere ?? false });
      else if (input.everywhere && viewer) result = await logOutEverywhere(context.services, context.actor);
      else throw badInput("refreshToken", "refreshToken is required (or the refresh cookie; or everywhere: true with an access token)");
      if (presented?.from === "COOKIE") clearRefreshCookie(context);
      return { success: true, ...result };
    },
  },
  {
    outputFields: (t) => ({
      success: t.exposeBoolean("success"),
      revokedSessions: t.exposeInt("revokedSessions", { description: "Sessions that were still live and are now ended." }),
    }),
  },
);

builder.relayMutationField(
  "changePassword",
  {
    inputFields: (t) => ({
      currentPassword: t.string({ required: true }),
      newPassword: t.string({ required: true }),
      refreshTokenDelivery: t.field({ type: RefreshTokenDelivery, description: "Default BODY." }),
    }),
  },
  {
    description: "Changes your password and signs you out everywhere else; returns a new session for this device.",
    resolve: async (_root, { input }, context) =>
      deliver(context, await changePassword(context.services, context.actor, input, context), input.refreshTokenDelivery),
  },
  sessionPayload,
);

builder.relayMutationField(
  "exchangeSignInCode",
  {
    inputFields: (t) => ({
      code: t.string({ required: true, description: "The `code` your redirect URI received after signing in with a provider." }),
      codeVerifier: t.string({ required: true, description: "The PKCE code_verifier whose S256 challenge started that sign-in." }),
      refreshTokenDelivery: t.field({ type: RefreshTokenDelivery, description: "Default BODY." }),
    }),
  },
  {
    description: "Mobile sign-in: turns the one-time code (valid once, for a minute) into a session.",
    resolve: async (_root, { input }, context) => deliver(context, await exchangeSignInCode(context.services, input), input.refreshTokenDelivery),
  },
  sessionPayload,
);
