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

export type LinkFilter = {
  /** Instance admins only: every workspace's links instead of the selected workspace's. */
  allOwners?: boolean | null | undefined;
  /** true: only archived links; false (default): only live ones. */
  archived?: boolean | null | undefined;
  /** Case-insensitive match on slug, URL or title. */
  search?: string | null | undefined;
  /** Links carrying any of these tags. */
  tags?: Array<string> | null | undefined;
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

export type Role =
  | 'ADMIN'
  | 'USER';

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

export type WebLinkClicksQueryVariables = Exact<{
  slug: string;
  from: string;
  to?: string | null | undefined;
  granularity: ClickGranularity;
  timezone: string;
}>;


export type WebLinkClicksQuery = { link: { id: string, clickCount: number, clickStats: { clicks: number, uniqueVisitors: number } | null, clickSeries: Array<{ start: string, end: string, clicks: number }> | null } | null };

export type WebClickCountsSubscriptionVariables = Exact<{
  linkIds: Array<string | number> | string | number;
}>;


export type WebClickCountsSubscription = { clickCounts: { linkId: string, total: number } | null };

export type WebLinkRowFragment = { id: string, slug: string, url: string, shortUrl: string, title: string | null, tags: Array<string>, status: LinkStatus, clickCount: number, createdAt: string };

export type WebLinksPageQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: LinkFilter | null | undefined;
}>;


export type WebLinksPageQuery = { links: { edges: Array<{ cursor: string, node: { id: string, slug: string, url: string, shortUrl: string, title: string | null, tags: Array<string>, status: LinkStatus, clickCount: number, createdAt: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null };

export type WebLinkBySlugQueryVariables = Exact<{
  slug: string;
}>;


export type WebLinkBySlugQuery = { link: { redirectType: RedirectType, expiresAt: string | null, maxClicks: number | null, fallbackUrl: string | null, hasPassword: boolean, archivedAt: string | null, updatedAt: string, id: string, slug: string, url: string, shortUrl: string, title: string | null, tags: Array<string>, status: LinkStatus, clickCount: number, createdAt: string } | null };

export type WebCreateLinkMutationVariables = Exact<{
  input: CreateLinkInput;
}>;


export type WebCreateLinkMutation = { createLink: { link: { id: string, slug: string, url: string, shortUrl: string, title: string | null, tags: Array<string>, status: LinkStatus, clickCount: number, createdAt: string } } | null };

export type WebUpdateLinkMutationVariables = Exact<{
  input: UpdateLinkInput;
}>;


export type WebUpdateLinkMutation = { updateLink: { link: { redirectType: RedirectType, expiresAt: string | null, maxClicks: number | null, fallbackUrl: string | null, hasPassword: boolean, archivedAt: string | null, updatedAt: string, id: string, slug: string, url: string, shortUrl: string, title: string | null, tags: Array<string>, status: LinkStatus, clickCount: number, createdAt: string } } | null };

export type WebDeleteLinkMutationVariables = Exact<{
  input: DeleteLinkInput;
}>;


export type WebDeleteLinkMutation = { deleteLink: { deletedId: string } | null };

export type WebMeQueryVariables = Exact<{ [key: string]: never; }>;


export type WebMeQuery = { me: { id: string, email: string, role: Role } | null };

export type WebSignUpMutationVariables = Exact<{
  input: SignUpInput;
}>;


export type WebSignUpMutation = { signUp: { accessToken: string, accessTokenExpiresAt: string, refreshToken: string | null, user: { id: string, email: string } } | null };

export type WebLogInMutationVariables = Exact<{
  input: LogInInput;
}>;


export type WebLogInMutation = { logIn: { accessToken: string, accessTokenExpiresAt: string, refreshToken: string | null, user: { id: string, email: string } } | null };

export type WebRefreshSessionMutationVariables = Exact<{
  input: RefreshSessionInput;
}>;


export type WebRefreshSessionMutation = { refreshSession: { accessToken: string, accessTokenExpiresAt: string, refreshToken: string | null, user: { id: string, email: string } } | null };

export type WebLogOutMutationVariables = Exact<{
  input: LogOutInput;
}>;


export type WebLogOutMutation = { logOut: { success: boolean } | null };

export type WebSignInProvidersQueryVariables = Exact<{ [key: string]: never; }>;


export type WebSignInProvidersQuery = { signInProviders: Array<{ id: string, name: string, loginUrl: string }> };

export const WebLinkRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WebLinkRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Link"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"shortUrl"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"clickCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<WebLinkRowFragment, unknown>;
export const WebLinkClicksDocument = {"__meta__":{"hash":"sha256:251ab3e2c88b5d04eeab3514506fc145dc8c56fbd30779dd3dbe19d2b6936b82"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebLinkClicks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"granularity"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ClickGranularity"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"timezone"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"link"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"clickCount"}},{"kind":"Field","name":{"kind":"Name","value":"clickStats"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clicks"}},{"kind":"Field","name":{"kind":"Name","value":"uniqueVisitors"}}]}},{"kind":"Field","name":{"kind":"Name","value":"clickSeries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"granularity"},"value":{"kind":"Variable","name":{"kind":"Name","value":"granularity"}}},{"kind":"Argument","name":{"kind":"Name","value":"timezone"},"value":{"kind":"Variable","name":{"kind":"Name","value":"timezone"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}},{"kind":"Field","name":{"kind":"Name","value":"clicks"}}]}}]}}]}}]} as unknown as DocumentNode<WebLinkClicksQuery, WebLinkClicksQueryVariables>;
export const WebClickCountsDocument = {"__meta__":{"hash":"sha256:71280916f7ae7c57fc58e2e38f1c1d86d81f5bbc182dc4c9db9e8d4994ba2eb3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"WebClickCounts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"linkIds"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clickCounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"linkIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"linkIds"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"linkId"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}}]}}]} as unknown as DocumentNode<WebClickCountsSubscription, WebClickCountsSubscriptionVariables>;
export const WebLinksPageDocument = {"__meta__":{"hash":"sha256:8e79aa24b7c994ec0a2d8d3fed75a1898200e1474a310fcd9548388e85d1df22"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebLinksPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LinkFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"links"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WebLinkRow"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WebLinkRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Link"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"shortUrl"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"clickCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<WebLinksPageQuery, WebLinksPageQueryVariables>;
export const WebLinkBySlugDocument = {"__meta__":{"hash":"sha256:3e705c0bb0242fa1a87dfd73eda194aed07283377e2268aaa5532306df38f1b4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebLinkBySlug"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"link"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WebLinkRow"}},{"kind":"Field","name":{"kind":"Name","value":"redirectType"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"maxClicks"}},{"kind":"Field","name":{"kind":"Name","value":"fallbackUrl"}},{"kind":"Field","name":{"kind":"Name","value":"hasPassword"}},{"kind":"Field","name":{"kind":"Name","value":"archivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WebLinkRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Link"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"shortUrl"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"clickCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<WebLinkBySlugQuery, WebLinkBySlugQueryVariables>;
export const WebCreateLinkDocument = {"__meta__":{"hash":"sha256:d5c88a9997717f0cc47ca7997e78ccce7def67e58f9918e94c7d5dc7fd74f88f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebCreateLink"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateLinkInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createLink"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"link"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WebLinkRow"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WebLinkRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Link"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"shortUrl"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"clickCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<WebCreateLinkMutation, WebCreateLinkMutationVariables>;
export const WebUpdateLinkDocument = {"__meta__":{"hash":"sha256:5337648b74974543b49fb45d645f3c4c8583ebf1fa3c4160f5f1447fea640967"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebUpdateLink"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateLinkInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateLink"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"link"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WebLinkRow"}},{"kind":"Field","name":{"kind":"Name","value":"redirectType"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"maxClicks"}},{"kind":"Field","name":{"kind":"Name","value":"fallbackUrl"}},{"kind":"Field","name":{"kind":"Name","value":"hasPassword"}},{"kind":"Field","name":{"kind":"Name","value":"archivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WebLinkRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Link"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"shortUrl"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"clickCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<WebUpdateLinkMutation, WebUpdateLinkMutationVariables>;
export const WebDeleteLinkDocument = {"__meta__":{"hash":"sha256:8a489045c8c3945eda2347637a5684e2e0851c1a7f70edecf0ad71e5ca4ed996"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebDeleteLink"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteLinkInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteLink"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}}]}}]}}]} as unknown as DocumentNode<WebDeleteLinkMutation, WebDeleteLinkMutationVariables>;
export const WebMeDocument = {"__meta__":{"hash":"sha256:fce1b857982723ef1821c175423601f4eef5cca46693399ac26a27a8c06daf48"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebMe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]} as unknown as DocumentNode<WebMeQuery, WebMeQueryVariables>;
export const WebSignUpDocument = {"__meta__":{"hash":"sha256:9d6d5a56f6879aea108768e70a32c6cd7da71f88d22a5f57fd08d652ba020de7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebSignUp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SignUpInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signUp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokenExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}}]} as unknown as DocumentNode<WebSignUpMutation, WebSignUpMutationVariables>;
export const WebLogInDocument = {"__meta__":{"hash":"sha256:2184a5dfd0e7884c7f9192e771efb5f4f432aa3d5ba0f0b25386919bdb417e47"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebLogIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LogInInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logIn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokenExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}}]} as unknown as DocumentNode<WebLogInMutation, WebLogInMutationVariables>;
export const WebRefreshSessionDocument = {"__meta__":{"hash":"sha256:da735ff3c9864cfdcb270080f4afe72a5fa29b21c4265c05fdbd9e3a884a50d2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebRefreshSession"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RefreshSessionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refreshSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokenExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}}]} as unknown as DocumentNode<WebRefreshSessionMutation, WebRefreshSessionMutationVariables>;
export const WebLogOutDocument = {"__meta__":{"hash":"sha256:e5a14b1e321baeb8f04c9d38558974354da0231dc5d475e759260bce3f468ae1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebLogOut"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LogOutInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logOut"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"success"}}]}}]}}]} as unknown as DocumentNode<WebLogOutMutation, WebLogOutMutationVariables>;
export const WebSignInProvidersDocument = {"__meta__":{"hash":"sha256:5ed423b932599f3ab609bcdbc7bf0278d65afd8b9a4327997f52e267bc74ca36"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebSignInProviders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signInProviders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"loginUrl"}}]}}]}}]} as unknown as DocumentNode<WebSignInProvidersQuery, WebSignInProvidersQueryVariables>;