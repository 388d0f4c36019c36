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

export type IosLinkClicksQueryVariables = Exact<{
  slug: string;
  from: string;
  granularity: ClickGranularity;
  timezone: string;
}>;


export type IosLinkClicksQuery = { link: { id: string, clickCount: number, clickSeries: Array<{ start: string, clicks: number }> | null } | null };

export type IosLinksQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type IosLinksQuery = { links: { edges: Array<{ node: { id: string, slug: string, shortUrl: string, url: string, clickCount: number, status: LinkStatus } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null };

export type IosLinkQueryVariables = Exact<{
  slug: string;
}>;


export type IosLinkQuery = { link: { id: string, slug: string, shortUrl: string, url: string, title: string | null, tags: Array<string>, clickCount: number, status: LinkStatus, expiresAt: string | null, createdAt: string } | null };

export type IosCreateLinkMutationVariables = Exact<{
  input: CreateLinkInput;
}>;


export type IosCreateLinkMutation = { createLink: { link: { id: string, slug: string, shortUrl: string, url: string, clickCount: number, createdAt: string } } | null };

export type IosUpdateLinkMutationVariables = Exact<{
  input: UpdateLinkInput;
}>;


export type IosUpdateLinkMutation = { updateLink: { link: { id: string, slug: string, url: string, title: string | null, tags: Array<string>, status: LinkStatus } } | null };

export type IosDeleteLinkMutationVariables = Exact<{
  input: DeleteLinkInput;
}>;


export type IosDeleteLinkMutation = { deleteLink: { deletedId: string } | null };

export type IosMeQueryVariables = Exact<{ [key: string]: never; }>;


export type IosMeQuery = { me: { id: string, email: string } | null };

export type IosSignUpMutationVariables = Exact<{
  input: SignUpInput;
}>;


export type IosSignUpMutation = { signUp: { accessToken: string, accessTokenExpiresAt: string, refreshToken: string | null, user: { id: string, email: string } } | null };

export type IosLogInMutationVariables = Exact<{
  input: LogInInput;
}>;


export type IosLogInMutation = { logIn: { accessToken: string, accessTokenExpiresAt: string, refreshToken: string | null, user: { id: string, email: string } } | null };

export type IosRefreshSessionMutationVariables = Exact<{
  input: RefreshSessionInput;
}>;


export type IosRefreshSessionMutation = { refreshSession: { accessToken: string, accessTokenExpiresAt: string, refreshToken: string | null, user: { id: string, email: string } } | null };

export type IosLogOutMutationVariables = Exact<{
  input: LogOutInput;
}>;


export type IosLogOutMutation = { logOut: { success: boolean } | null };

export type IosSignInProvidersQueryVariables = Exact<{ [key: string]: never; }>;


export type IosSignInProvidersQuery = { signInProviders: Array<{ id: string, name: string, loginUrl: string }> };

export type IosExchangeSignInCodeMutationVariables = Exact<{
  input: ExchangeSignInCodeInput;
}>;


export type IosExchangeSignInCodeMutation = { exchangeSignInCode: { accessToken: string, accessTokenExpiresAt: string, refreshToken: string | null, user: { id: string, email: string } } | null };


export const IosLinkClicksDocument = {"__meta__":{"hash":"sha256:8204d778d5e9cfe283173632abad3c490c5032bd9dcc9526889f37ac6bab8987"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"IosLinkClicks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"granularity"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ClickGranularity"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"timezone"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"link"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"clickCount"}},{"kind":"Field","name":{"kind":"Name","value":"clickSeries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"granularity"},"value":{"kind":"Variable","name":{"kind":"Name","value":"granularity"}}},{"kind":"Argument","name":{"kind":"Name","value":"timezone"},"value":{"kind":"Variable","name":{"kind":"Name","value":"timezone"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"clicks"}}]}}]}}]}}]} as unknown as DocumentNode<IosLinkClicksQuery, IosLinkClicksQueryVariables>;
export const IosLinksDocument = {"__meta__":{"hash":"sha256:8ee9bcf6451f821cfdfacf274bcf7466dbad0c21777257304d66aa8c15d9814a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"IosLinks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"links"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"shortUrl"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"clickCount"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<IosLinksQuery, IosLinksQueryVariables>;
export const IosLinkDocument = {"__meta__":{"hash":"sha256:76d800eab9b94731e10e48347e5a1b6e11486e573d9100c0133d23cbd0db0105"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"IosLink"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"link"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"shortUrl"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"clickCount"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<IosLinkQuery, IosLinkQueryVariables>;
export const IosCreateLinkDocument = {"__meta__":{"hash":"sha256:cf880fcf4ef1ea9d4661cf2dcbdced6f5612d4c2570d09b823a3ae05d6cc4d1e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"IosCreateLink"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateLinkInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createLink"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"link"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"shortUrl"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"clickCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]} as unknown as DocumentNode<IosCreateLinkMutation, IosCreateLinkMutationVariables>;
export const IosUpdateLinkDocument = {"__meta__":{"hash":"sha256:b9e33845513403213b1e89dd20a93af98732ac939ae8865d3788195a702f5ca5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"IosUpdateLink"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateLinkInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateLink"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"link"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<IosUpdateLinkMutation, IosUpdateLinkMutationVariables>;
export const IosDeleteLinkDocument = {"__meta__":{"hash":"sha256:5456969f9f41d642999be0f3be565a6e04b8e8256383aecc133ab7082c7c1598"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"IosDeleteLink"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteLinkInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteLink"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}}]}}]}}]} as unknown as DocumentNode<IosDeleteLinkMutation, IosDeleteLinkMutationVariables>;
export const IosMeDocument = {"__meta__":{"hash":"sha256:86ec80cf81ce05b052b95aa51e4aec8358157ba147fe7503bc867ea5d1fe8046"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"IosMe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]} as unknown as DocumentNode<IosMeQuery, IosMeQueryVariables>;
export const IosSignUpDocument = {"__meta__":{"hash":"sha256:241a89b7ecf4f1fe0e1d803c7087a311631ca0b8c9d558ea23bf7d02da23b848"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"IosSignUp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SignUpInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signUp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokenExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}}]} as unknown as DocumentNode<IosSignUpMutation, IosSignUpMutationVariables>;
export const IosLogInDocument = {"__meta__":{"hash":"sha256:808618dc5ebef376a8edd56a811ee1caa7cb996191eb46f487726409ff0cdcf9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"IosLogIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LogInInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logIn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokenExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}}]} as unknown as DocumentNode<IosLogInMutation, IosLogInMutationVariables>;
export const IosRefreshSessionDocument = {"__meta__":{"hash":"sha256:064bc1914cb4582683eaedd84d33022a8eadb08ee402324a8b518ca4a4338668"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"IosRefreshSession"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RefreshSessionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refreshSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokenExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}}]} as unknown as DocumentNode<IosRefreshSessionMutation, IosRefreshSessionMutationVariables>;
export const IosLogOutDocument = {"__meta__":{"hash":"sha256:30ac162dd36289e15d9a215f8f6f8444100b7460ca3fe063bf97578931310a8a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"IosLogOut"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LogOutInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logOut"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"success"}}]}}]}}]} as unknown as DocumentNode<IosLogOutMutation, IosLogOutMutationVariables>;
export const IosSignInProvidersDocument = {"__meta__":{"hash":"sha256:88ac6e61f7806120eeb06f80a9c451b849cd19ef9cc3ef3e0b574d22a97f15ca"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"IosSignInProviders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signInProviders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"loginUrl"}}]}}]}}]} as unknown as DocumentNode<IosSignInProvidersQuery, IosSignInProvidersQueryVariables>;
export const IosExchangeSignInCodeDocument = {"__meta__":{"hash":"sha256:f72294363d833bde181609de396c5fb2b50a6f0512af98b76697b6fa6e57383e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"IosExchangeSignInCode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ExchangeSignInCodeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"exchangeSignInCode"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokenExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}}]} as unknown as DocumentNode<IosExchangeSignInCodeMutation, IosExchangeSignInCodeMutationVariables>;