/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query IosLinkClicks($slug: String!, $from: DateTime!, $granularity: ClickGranularity!, $timezone: String!) {\n  link(slug: $slug) {\n    id\n    clickCount\n    clickSeries(from: $from, granularity: $granularity, timezone: $timezone) {\n      start\n      clicks\n    }\n  }\n}": typeof types.IosLinkClicksDocument,
    "query IosLinks($first: Int!, $after: String) {\n  links(first: $first, after: $after) {\n    edges {\n      node {\n        id\n        slug\n        shortUrl\n        url\n        clickCount\n        status\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nquery IosLink($slug: String!) {\n  link(slug: $slug) {\n    id\n    slug\n    shortUrl\n    url\n    title\n    tags\n    clickCount\n    status\n    expiresAt\n    createdAt\n  }\n}\n\nmutation IosCreateLink($input: CreateLinkInput!) {\n  createLink(input: $input) {\n    link {\n      id\n      slug\n      shortUrl\n      url\n      clickCount\n      createdAt\n    }\n  }\n}\n\nmutation IosUpdateLink($input: UpdateLinkInput!) {\n  updateLink(input: $input) {\n    link {\n      id\n      slug\n      url\n      title\n      tags\n      status\n    }\n  }\n}\n\nmutation IosDeleteLink($input: DeleteLinkInput!) {\n  deleteLink(input: $input) {\n    deletedId\n  }\n}": typeof types.IosLinksDocument,
    "query IosMe {\n  me {\n    id\n    email\n  }\n}\n\nmutation IosSignUp($input: SignUpInput!) {\n  signUp(input: $input) {\n    accessToken\n    accessTokenExpiresAt\n    refreshToken\n    user {\n      id\n      email\n    }\n  }\n}\n\nmutation IosLogIn($input: LogInInput!) {\n  logIn(input: $input) {\n    accessToken\n    accessTokenExpiresAt\n    refreshToken\n    user {\n      id\n      email\n    }\n  }\n}\n\nmutation IosRefreshSession($input: RefreshSessionInput!) {\n  refreshSession(input: $input) {\n    accessToken\n    accessTokenExpiresAt\n    refreshToken\n    user {\n      id\n      email\n    }\n  }\n}\n\nmutation IosLogOut($input: LogOutInput!) {\n  logOut(input: $input) {\n    success\n  }\n}\n\nquery IosSignInProviders {\n  signInProviders {\n    id\n    name\n    loginUrl\n  }\n}\n\nmutation IosExchangeSignInCode($input: ExchangeSignInCodeInput!) {\n  exchangeSignInCode(input: $input) {\n    accessToken\n    accessTokenExpiresAt\n    refreshToken\n    user {\n      id\n      email\n    }\n  }\n}": typeof types.IosMeDocument,
};
const documents: Documents = {
    "query IosLinkClicks($slug: String!, $from: DateTime!, $granularity: ClickGranularity!, $timezone: String!) {\n  link(slug: $slug) {\n    id\n    clickCount\n    clickSeries(from: $from, granularity: $granularity, timezone: $timezone) {\n      start\n      clicks\n    }\n  }\n}": types.IosLinkClicksDocument,
    "query IosLinks($first: Int!, $after: String) {\n  links(first: $first, after: $after) {\n    edges {\n      node {\n        id\n        slug\n        shortUrl\n        url\n        clickCount\n        status\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nquery IosLink($slug: String!) {\n  link(slug: $slug) {\n    id\n    slug\n    shortUrl\n    url\n    title\n    tags\n    clickCount\n    status\n    expiresAt\n    createdAt\n  }\n}\n\nmutation IosCreateLink($input: CreateLinkInput!) {\n  createLink(input: $input) {\n    link {\n      id\n      slug\n      shortUrl\n      url\n      clickCount\n      createdAt\n    }\n  }\n}\n\nmutation IosUpdateLink($input: UpdateLinkInput!) {\n  updateLink(input: $input) {\n    link {\n      id\n      slug\n      url\n      title\n      tags\n      status\n    }\n  }\n}\n\nmutation IosDeleteLink($input: DeleteLinkInput!) {\n  deleteLink(input: $input) {\n    deletedId\n  }\n}": types.IosLinksDocument,
    "query IosMe {\n  me {\n    id\n    email\n  }\n}\n\nmutation IosSignUp($input: SignUpInput!) {\n  signUp(input: $input) {\n    accessToken\n    accessTokenExpiresAt\n    refreshToken\n    user {\n      id\n      email\n    }\n  }\n}\n\nmutation IosLogIn($input: LogInInput!) {\n  logIn(input: $input) {\n    accessToken\n    accessTokenExpiresAt\n    refreshToken\n    user {\n      id\n      email\n    }\n  }\n}\n\nmutation IosRefreshSession($input: RefreshSessionInput!) {\n  refreshSession(input: $input) {\n    accessToken\n    accessTokenExpiresAt\n    refreshToken\n    user {\n      id\n      email\n    }\n  }\n}\n\nmutation IosLogOut($input: LogOutInput!) {\n  logOut(input: $input) {\n    success\n  }\n}\n\nquery IosSignInProviders {\n  signInProviders {\n    id\n    name\n    loginUrl\n  }\n}\n\nmutation IosExchangeSignInCode($input: ExchangeSignInCodeInput!) {\n  exchangeSignInCode(input: $input) {\n    accessToken\n    accessTokenExpiresAt\n    refreshToken\n    user {\n      id\n      email\n    }\n  }\n}": types.IosMeDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query IosLinkClicks($slug: String!, $from: DateTime!, $granularity: ClickGranularity!, $timezone: String!) {\n  link(slug: $slug) {\n    id\n    clickCount\n    clickSeries(from: $from, granularity: $granularity, timezone: $timezone) {\n      start\n      clicks\n    }\n  }\n}"): (typeof documents)["query IosLinkClicks($slug: String!, $from: DateTime!, $granularity: ClickGranularity!, $timezone: String!) {\n  link(slug: $slug) {\n    id\n    clickCount\n    clickSeries(from: $from, granularity: $granularity, timezone: $timezone) {\n      start\n      clicks\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query IosLinks($first: Int!, $after: String) {\n  links(first: $first, after: $after) {\n    edges {\n      node {\n        id\n        slug\n        shortUrl\n        url\n        clickCount\n        status\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nquery IosLink($slug: String!) {\n  link(slug: $slug) {\n    id\n    slug\n    shortUrl\n    url\n    title\n    tags\n    clickCount\n    status\n    expiresAt\n    createdAt\n  }\n}\n\nmutation IosCreateLink($input: CreateLinkInput!) {\n  createLink(input: $input) {\n    link {\n      id\n      slug\n      shortUrl\n      url\n      clickCount\n      createdAt\n    }\n  }\n}\n\nmutation IosUpdateLink($input: UpdateLinkInput!) {\n  updateLink(input: $input) {\n    link {\n      id\n      slug\n      url\n      title\n      tags\n      status\n    }\n  }\n}\n\nmutation IosDeleteLink($input: DeleteLinkInput!) {\n  deleteLink(input: $input) {\n    deletedId\n  }\n}"): (typeof documents)["query IosLinks($first: Int!, $after: String) {\n  links(first: $first, after: $after) {\n    edges {\n      node {\n        id\n        slug\n        shortUrl\n        url\n        clickCount\n        status\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nquery IosLink($slug: String!) {\n  link(slug: $slug) {\n    id\n    slug\n    shortUrl\n    url\n    title\n    tags\n    clickCount\n    status\n    expiresAt\n    createdAt\n  }\n}\n\nmutation IosCreateLink($input: CreateLinkInput!) {\n  createLink(input: $input) {\n    link {\n      id\n      slug\n      shortUrl\n      url\n      clickCount\n      createdAt\n    }\n  }\n}\n\nmutation IosUpdateLink($input: UpdateLinkInput!) {\n  updateLink(input: $input) {\n    link {\n      id\n      slug\n      url\n      title\n      tags\n      status\n    }\n  }\n}\n\nmutation IosDeleteLink($input: DeleteLinkInput!) {\n  deleteLink(input: $input) {\n    deletedId\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query IosMe {\n  me {\n    id\n    email\n  }\n}\n\nmutation IosSignUp($input: SignUpInput!) {\n  signUp(input: $input) {\n    accessToken\n    accessTokenExpiresAt\n    refreshToken\n    user {\n      id\n      email\n    }\n  }\n}\n\nmutation IosLogIn($input: LogInInput!) {\n  logIn(input: $input) {\n    accessToken\n    accessTokenExpiresAt\n    refreshToken\n    user {\n      id\n      email\n    }\n  }\n}\n\nmutation IosRefreshSession($input: RefreshSessionInput!) {\n  refreshSession(input: $input) {\n    accessToken\n    accessTokenExpiresAt\n    refreshToken\n    user {\n      id\n      email\n    }\n  }\n}\n\nmutation IosLogOut($input: LogOutInput!) {\n  logOut(input: $input) {\n    success\n  }\n}\n\nquery IosSignInProviders {\n  signInProviders {\n    id\n    name\n    loginUrl\n  }\n}\n\nmutation IosExchangeSignInCode($input: ExchangeSignInCodeInput!) {\n  exchangeSignInCode(input: $input) {\n    accessToken\n    accessTokenExpiresAt\n    refreshToken\n    user {\n      id\n      email\n    }\n  }\n}"): (typeof documents)["query IosMe {\n  me {\n    id\n    email\n  }\n}\n\nmutation IosSignUp($input: SignUpInput!) {\n  signUp(input: $input) {\n    accessToken\n    accessTokenExpiresAt\n    refreshToken\n    user {\n      id\n      email\n    }\n  }\n}\n\nmutation IosLogIn($input: LogInInput!) {\n  logIn(input: $input) {\n    accessToken\n    accessTokenExpiresAt\n    refreshToken\n    user {\n      id\n      email\n    }\n  }\n}\n\nmutation IosRefreshSession($input: RefreshSessionInput!) {\n  refreshSession(input: $input) {\n    accessToken\n    accessTokenExpiresAt\n    refreshToken\n    user {\n      id\n      email\n    }\n  }\n}\n\nmutation IosLogOut($input: LogOutInput!) {\n  logOut(input: $input) {\n    success\n  }\n}\n\nquery IosSignInProviders {\n  signInProviders {\n    id\n    name\n    loginUrl\n  }\n}\n\nmutation IosExchangeSignInCode($input: ExchangeSignInCodeInput!) {\n  exchangeSignInCode(input: $input) {\n    accessToken\n    accessTokenExpiresAt\n    refreshToken\n    user {\n      id\n      email\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;