/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Browser =
  | 'CHROME'
  | 'EDGE'
  | 'FIREFOX'
  | 'OPERA'
  | 'SAFARI'
  | 'SAMSUNG_INTERNET';

/** Calendar buckets in the requested time zone; weeks start on Monday. */
export type ClickGranularity =
  | 'DAY'
  | 'HOUR'
  | 'MINUTE'
  | 'MONTH'
  | 'WEEK';

export type CreateLinkInput = {
  deepLinks?: DeepLinksInput | null | undefined;
  /** The hostname of one of the workspace's domains; default the service's own (PUBLIC_BASE_URL). */
  domain?: string | null | undefined;
  expiresAt?: string | null | undefined;
  /** Where to send visitors once the link is expired, archived or exhausted. */
  fallbackUrl?: string | null | undefined;
  maxClicks?: number | null | undefined;
  /** Visitors must enter it before being redirected. */
  password?: string | null | undefined;
  preview?: LinkPreviewInput | null | undefined;
  redirectType?: RedirectType | null | undefined;
  /** Ordered: the first matching rule decides, else deep links, else url. */
  rules?: Array<RedirectRuleInput> | null | undefined;
  /** Case-sensitive [A-Za-z0-9_-]{1,64}; generated when omitted. */
  slug?: string | null | undefined;
  tags?: Array<string> | null | undefined;
  title?: string | null | undefined;
  /** http(s) destination, at most 2048 characters. */
  url: string;
  /** The workspace to create it in; default the X-Workspace-Id header, else your personal one. */
  workspaceId?: string | number | null | undefined;
};

export type DeepLinksInput = {
  /** An app URL (myapp://…, intent://…) or an https Play Store URL. */
  android?: string | null | undefined;
  /** An app URL (myapp://…) or an https App Store URL. */
  ios?: string | null | undefined;
};

export type DeleteLinkInput = {
  id: string | number;
};

export type DeviceType =
  | 'CONSOLE'
  | 'DESKTOP'
  | 'EMBEDDED'
  | 'MOBILE'
  | 'SMARTTV'
  | 'TABLET'
  | 'WEARABLE'
  | 'XR';

export type ExchangeSignInCodeInput = {
  /** The `code` your redirect URI received after signing in with a provider. */
  code: string;
  /** The PKCE code_verifier whose S256 challenge started that sign-in. */
  codeVerifier: string;
  /** Default BODY. */
  refreshTokenDelivery?: RefreshTokenDelivery | null | undefined;
};

export type LinkPreviewInput = {
  description?: string | null | undefined;
  imageUrl?: string | null | undefined;
  title?: string | null | undefined;
};

export type LinkStatus =
  | 'ACTIVE'
  | 'ARCHIVED'
  | 'EXHAUSTED'
  | 'EXPIRED';

export type LogInInput = {
  email: string;
  password: string;
  /** Default BODY. */
  refreshTokenDelivery?: RefreshTokenDelivery | null | undefined;
};

export type LogOutInput = {
  /** Sign out on every device: revokes all of the user's sessions, not only this one. Works with an access token alone. */
  everywhere?: boolean | null | undefined;
  /** Omit to use the refresh cookie. */
  refreshToken?: string | null | undefined;
};

export type OperatingSystem =
  | 'ANDROID'
  | 'CHROMEOS'
  | 'IOS'
  | 'LINUX'
  | 'MACOS'
  | 'WINDOWS';

export type QueryParameterConditionInput = {
  name: string;
  /** Omit to require only the parameter's presence. */
  value?: string | null | undefined;
};

export type RedirectConditionsInput = {
  browsers?: Array<Browser> | null | undefined;
  /** ISO 3166-1 alpha-2 codes; needs the server's CLICK_COUNTRY_HEADER. */
  countries?: Array<string> | null | undefined;
  devices?: Array<DeviceType> | null | undefined;
  from?: string | null | undefined;
  /** Language tags (de, pt-BR), matched against the visitor's most preferred language. */
  languages?: Array<string> | null | undefined;
  os?: Array<OperatingSystem> | null | undefined;
  /** Every listed parameter must be present (with its value, when given). */
  query?: Array<QueryParameterConditionInput> | null | undefined;
  until?: string | null | undefined;
};

export type RedirectRuleInput = {
  conditions?: RedirectConditionsInput | null | undefined;
  /** Send it back unchanged to keep analytics by rule continuous; generated when omitted. */
  id?: string | null | undefined;
  name?: string | null | undefined;
  /** The destination; or give variants instead. */
  url?: string | null | undefined;
  /** 2–4 variants: an A/B split, sticky per visitor. */
  variants?: Array<RedirectVariantInput> | null | undefined;
};

/** The HTTP status a short link answers with: 302 (default), 301, 307 or 308. */
export type RedirectType =
  | 'FOUND'
  | 'MOVED_PERMANENTLY'
  | 'PERMANENT_REDIRECT'
  | 'TEMPORARY_REDIRECT';

export type RedirectVariantInput = {
  /** Default A, B, C, D by position. */
  id?: string | null | undefined;
  url: string;
  /** Percent, 1–99; the weights of a split add up to 100. */
  weight: number;
};

export type RefreshSessionInput = {
  /** Omit to use the refresh cookie. */
  refreshToken?: string | null | undefined;
  /** Default: the way the refresh token came. */
  refreshTokenDelivery?: RefreshTokenDelivery | null | undefined;
};

/** Where a new refresh token goes. */
export type RefreshTokenDelivery =
  /** In the payload's refreshToken field (mobile apps, servers). */
  | 'BODY'
  /** In an httpOnly, SameSite cookie for /graphql that scripts cannot read (web apps); refreshToken is then null. */
  | 'COOKIE';

export type SignUpInput = {
  email: string;
  password: string;
  /** Default BODY. */
  refreshTokenDelivery?: RefreshTokenDelivery | null | undefined;
};

export type UpdateLinkInput = {
  archived?: boolean | null | undefined;
  /** Replaces both; null removes them. */
  deepLinks?: DeepLinksInput | null | undefined;
  /** Moves the link to another of the workspace's domains (null: the default one). */
  domain?: string | null | undefined;
  expiresAt?: string | null | undefined;
  fallbackUrl?: string | null | undefined;
  id: string | number;
  maxClicks?: number | null | undefined;
  /** null removes the password. */
  password?: string | null | undefined;
  /** Replaces the preview; null removes it. */
  preview?: LinkPreviewInput | null | undefined;
  redirectType?: RedirectType | null | undefined;
  /** Replaces the whole list; null or [] removes every rule. */
  rules?: Array<RedirectRuleInput> | null | undefined;
  slug?: string | null | undefined;
  tags?: Array<string> | null | undefined;
  title?: string | null | undefined;
  url?: string | null | undefined;
};

export type AndroidLinkClicksQueryVariables = Exact<{
  slug: string;
  from: string;
  granularity: ClickGranularity;
  timezone: string;
}>;


export type AndroidLinkClicksQuery = { link: { id: string, clickCount: number, clickSeries: Array<{ start: string, clicks: number }> | null } | null };

export type AndroidLinksQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type AndroidLinksQuery = { links: { edges: Array<{ node: { id: string, slug: string, shortUrl: string, url: string, clickCount: number, status: LinkStatus } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null };

export type AndroidLinkQueryVariables = Exact<{
  slug: string;
}>;


export type AndroidLinkQuery = { link: { id: string, slug: string, shortUrl: string, url: string, title: string | null, tags: Array<string>, clickCount: number, status: LinkStatus, expiresAt: string | null, createdAt: string } | null };

export type AndroidCreateLinkMutationVariables = Exact<{
  input: CreateLinkInput;
}>;


export type AndroidCreateLinkMutation = { createLink: { link: { id: string, slug: string, shortUrl: string, url: string, clickCount: number, createdAt: string } } | null };

export type AndroidUpdateLinkMutationVariables = Exact<{
  input: UpdateLinkInput;
}>;


export type AndroidUpdateLinkMutation = { updateLink: { link: { id: string, slug: string, url: string, title: string | null, tags: Array<string>, status: LinkStatus } } | null };

export type AndroidDeleteLinkMutationVariables = Exact<{
  input: DeleteLinkInput;
}>;


export type AndroidDeleteLinkMutation = { deleteLink: { deletedId: string } | null };

export type AndroidMeQueryVariables = Exact<{ [key: string]: never; }>;


export type AndroidMeQuery = { me: { id: string, email: string } | null };

export type AndroidSignUpMutationVariables = Exact<{
  input: SignUpInput;
}>;


export type AndroidSignUpMutation = { signUp: { accessToken: string, accessTokenExpiresAt: string, refreshToken: string | null, user: { id: string, email: string } } | null };

export type AndroidLogInMutationVariables = Exact<{
  input: LogInInput;
}>;


export type AndroidLogInMutation = { logIn: { accessToken: string, accessTokenExpiresAt: string, refreshToken: string | null, user: { id: string, email: string } } | null };

export type AndroidRefreshSessionMutationVariables = Exact<{
  input: RefreshSessionInput;
}>;


export type AndroidRefreshSessionMutation = { refreshSession: { accessToken: string, accessTokenExpiresAt: string, refreshToken: string | null, user: { id: string, email: string } } | null };

export type AndroidLogOutMutationVariables = Exact<{
  input: LogOutInput;
}>;


export type AndroidLogOutMutation = { logOut: { success: boolean } | null };

export type AndroidSignInProvidersQueryVariables = Exact<{ [key: string]: never; }>;


export type AndroidSignInProvidersQuery = { signInProviders: Array<{ id: string, name: string, loginUrl: string }> };

export type AndroidExchangeSignInCodeMutationVariables = Exact<{
  input: ExchangeSignInCodeInput;
}>;


export type AndroidExchangeSignInCodeMutation = { exchangeSignInCode: { accessToken: string, accessTokenExpiresAt: string, refreshToken: string | null, user: { id: string, email: string } } | null };


export const AndroidLinkClicksDocument = {"__meta__":{"hash":"sha256:d8fe1c757f60900fabe309493006f086ab84185e39f198b105549403edba6f86"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AndroidLinkClicks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"granularity"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ClickGranularity"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"timezone"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"link"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"clickCount"}},{"kind":"Field","name":{"kind":"Name","value":"clickSeries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"granularity"},"value":{"kind":"Variable","name":{"kind":"Name","value":"granularity"}}},{"kind":"Argument","name":{"kind":"Name","value":"timezone"},"value":{"kind":"Variable","name":{"kind":"Name","value":"timezone"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"clicks"}}]}}]}}]}}]} as unknown as DocumentNode<AndroidLinkClicksQuery, AndroidLinkClicksQueryVariables>;
export const AndroidLinksDocument = {"__meta__":{"hash":"sha256:219720142346dae88f7b4eb87def603c3d18e21ee137cd535df8bb2441d775e2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AndroidLinks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"links"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"shortUrl"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"clickCount"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<AndroidLinksQuery, AndroidLinksQueryVariables>;
export const AndroidLinkDocument = {"__meta__":{"hash":"sha256:88c7c03f141a102537716e342e53e75aeeb9164cb26f7744a4d339991ab17ac6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AndroidLink"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"link"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"shortUrl"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"clickCount"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<AndroidLinkQuery, AndroidLinkQueryVariables>;
export const AndroidCreateLinkDocument = {"__meta__":{"hash":"sha256:f9fe860e3d936dfd573e43fe846485e53ce3ccbbab98179298505982b0dcbf0a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AndroidCreateLink"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateLinkInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createLink"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"link"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"shortUrl"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"clickCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]} as unknown as DocumentNode<AndroidCreateLinkMutation, AndroidCreateLinkMutationVariables>;
export const AndroidUpdateLinkDocument = {"__meta__":{"hash":"sha256:3030b402bd2537f06d86f558556701461b3591b5c3d81ed4e99bcbacb8dcbbe4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AndroidUpdateLink"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateLinkInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateLink"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"link"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<AndroidUpdateLinkMutation, AndroidUpdateLinkMutationVariables>;
export const AndroidDeleteLinkDocument = {"__meta__":{"hash":"sha256:029e63a51e85a1cd882b402bcbcf429ec159b7498b7e70015609e349b142d7ce"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AndroidDeleteLink"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteLinkInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteLink"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}}]}}]}}]} as unknown as DocumentNode<AndroidDeleteLinkMutation, AndroidDeleteLinkMutationVariables>;
export const AndroidMeDocument = {"__meta__":{"hash":"sha256:a823843c20c70b3b8c0e5024f3825f4807ee086536e7e5e3dec05b24c4bbbaee"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AndroidMe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]} as unknown as DocumentNode<AndroidMeQuery, AndroidMeQueryVariables>;
export const AndroidSignUpDocument = {"__meta__":{"hash":"sha256:3b6f778eccc4f785ccc606c3804eff66a27733bd02cdedb99d9b375051f3e1d4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AndroidSignUp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SignUpInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signUp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokenExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}}]} as unknown as DocumentNode<AndroidSignUpMutation, AndroidSignUpMutationVariables>;
export const AndroidLogInDocument = {"__meta__":{"hash":"sha256:5ae4fd3aa63421daf0a34973c95f4ece26ce0c9dac0833c8b004c1b1471c3d32"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AndroidLogIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LogInInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logIn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokenExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}}]} as unknown as DocumentNode<AndroidLogInMutation, AndroidLogInMutationVariables>;
export const AndroidRefreshSessionDocument = {"__meta__":{"hash":"sha256:77a4a8b28cf2c5473014bee563103ddc90a0fbc47a12c1c180347e46f0ef1af9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AndroidRefreshSession"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RefreshSessionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refreshSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokenExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}}]} as unknown as DocumentNode<AndroidRefreshSessionMutation, AndroidRefreshSessionMutationVariables>;
export const AndroidLogOutDocument = {"__meta__":{"hash":"sha256:df5e2f6f7c9ee064beaefa53511c2c2abaf474cc8a3d5f9355a3c4e43ab53bb7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AndroidLogOut"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LogOutInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logOut"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"success"}}]}}]}}]} as unknown as DocumentNode<AndroidLogOutMutation, AndroidLogOutMutationVariables>;
export const AndroidSignInProvidersDocument = {"__meta__":{"hash":"sha256:c0ed6f5db10f89219a1e96686ebcd54af80b6bb996eccf36eb268c9043dd0cb8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AndroidSignInProviders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signInProviders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"loginUrl"}}]}}]}}]} as unknown as DocumentNode<AndroidSignInProvidersQuery, AndroidSignInProvidersQueryVariables>;
export const AndroidExchangeSignInCodeDocument = {"__meta__":{"hash":"sha256:ebd58f4a277da1b74684cf7028bc70eed2d7473d1d89ef4d7a3b841401e0ee7e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AndroidExchangeSignInCode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ExchangeSignInCodeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"exchangeSignInCode"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokenExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}}]} as unknown as DocumentNode<AndroidExchangeSignInCodeMutation, AndroidExchangeSignInCodeMutationVariables>;