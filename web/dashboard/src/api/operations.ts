// The dashboard's operations, by persisted id only (persisted-queries/dashboard/*.graphql; run
// `npm run codegen` after changing one). Types come from the generated documents; text never ships.
import ids from "virtual:persisted-operations";
import type * as G from "../../../../persisted-queries/dashboard/__generated__/graphql";

export interface Operation<Result, Variables> {
  readonly name: string;
  readonly id: string;
  /** Type carrier only. */
  readonly types?: (variables: Variables) => Result;
}

export function operation<Result, Variables>(name: string): Operation<Result, Variables> {
  const id = ids[name];
  if (!id) throw new Error(`${name} is not a persisted dashboard operation: run npm run codegen`);
  return { name, id };
}

export const Me = operation<G.DashboardMeQuery, G.DashboardMeQueryVariables>("DashboardMe");
export const SignUp = operation<G.DashboardSignUpMutation, G.DashboardSignUpMutationVariables>("DashboardSignUp");
export const LogIn = operation<G.DashboardLogInMutation, G.DashboardLogInMutationVariables>("DashboardLogIn");
export const RefreshSession = operation<G.DashboardRefreshSessionMutation, G.DashboardRefreshSessionMutationVariables>("DashboardRefreshSession");
export const LogOut = operation<G.DashboardLogOutMutation, G.DashboardLogOutMutationVariables>("DashboardLogOut");
export const ChangePassword = operation<G.DashboardChangePasswordMutation, G.DashboardChangePasswordMutationVariables>("DashboardChangePassword");
export const SignInProviders = operation<G.DashboardSignInProvidersQuery, G.DashboardSignInProvidersQueryVariables>("DashboardSignInProviders");

export const Links = operation<G.DashboardLinksQuery, G.DashboardLinksQueryVariables>("DashboardLinks");
export const LinkBySlug = operation<G.DashboardLinkBySlugQuery, G.DashboardLinkBySlugQueryVariables>("DashboardLinkBySlug");
export const CreateLink = operation<G.DashboardCreateLinkMutation, G.DashboardCreateLinkMutationVariables>("DashboardCreateLink");
export const UpdateLink = operation<G.DashboardUpdateLinkMutation, G.DashboardUpdateLinkMutationVariables>("DashboardUpdateLink");
export const DeleteLink = operation<G.DashboardDeleteLinkMutation, G.DashboardDeleteLinkMutationVariables>("DashboardDeleteLink");
export const ClickCounts = operation<G.DashboardClickCountsSubscription, G.DashboardClickCountsSubscriptionVariables>("DashboardClickCounts");

export const LinkStats = operation<G.DashboardLinkStatsQuery, G.DashboardLinkStatsQueryVariables>("DashboardLinkStats");
export const LinkBreakdown = operation<G.DashboardLinkBreakdownQuery, G.DashboardLinkBreakdownQueryVariables>("DashboardLinkBreakdown");
export const ClickSummary = operation<G.DashboardClickSummaryQuery, G.DashboardClickSummaryQueryVariables>("DashboardClickSummary");
export const WorkspaceBreakdown = operation<G.DashboardWorkspaceBreakdownQuery, G.DashboardWorkspaceBreakdownQueryVariables>(
  "DashboardWorkspaceBreakdown",
);

export const Webhooks = operation<G.DashboardWebhooksQuery, G.DashboardWebhooksQueryVariables>("DashboardWebhooks");
export const WebhookDeliveries = operation<G.DashboardWebhookDeliveriesQuery, G.DashboardWebhookDeliveriesQueryVariables>(
  "DashboardWebhookDeliveries",
);
export const WebhookDelivery = operation<G.DashboardWebhookDeliveryQuery, G.DashboardWebhookDeliveryQueryVariables>("DashboardWebhookDelivery");
export const CreateWebhook = operation<G.DashboardCreateWebhookMutation, G.DashboardCreateWebhookMutationVariables>("DashboardCreateWebhook");
export const UpdateWebhook = operation<G.DashboardUpdateWebhookMutation, G.DashboardUpdateWebhookMutationVariables>("DashboardUpdateWebhook");
export const DeleteWebhook = operation<G.DashboardDeleteWebhookMutation, G.DashboardDeleteWebhookMutationVariables>("DashboardDeleteWebhook");
export const RotateWebhookSecret = operation<G.DashboardRotateWebhookSecretMutation, G.DashboardRotateWebhookSecretMutationVariables>(
  "DashboardRotateWebhookSecret",
);
export const SendTestWebhookEvent = operation<G.DashboardSendTestWebhookEventMutation, G.DashboardSendTestWebhookEventMutationVariables>(
  "DashboardSendTestWebhookEvent",
);
export const RedeliverWebhookDelivery = operation<G.DashboardRedeliverWebhookDeliveryMutation, G.DashboardRedeliverWebhookDeliveryMutationVariables>(
  "DashboardRedeliverWebhookDelivery",
);

export const ApiKeys = operation<G.DashboardApiKeysQuery, G.DashboardApiKeysQueryVariables>("DashboardApiKeys");
export const CreateApiKey = operation<G.DashboardCreateApiKeyMutation, G.DashboardCreateApiKeyMutationVariables>("DashboardCreateApiKey");
export const RevokeApiKey = operation<G.DashboardRevokeApiKeyMutation, G.DashboardRevokeApiKeyMutationVariables>("DashboardRevokeApiKey");

export const Domains = operation<G.DashboardDomainsQuery, G.DashboardDomainsQueryVariables>("DashboardDomains");
export const AddDomain = operation<G.DashboardAddDomainMutation, G.DashboardAddDomainMutationVariables>("DashboardAddDomain");
export const VerifyDomain = operation<G.DashboardVerifyDomainMutation, G.DashboardVerifyDomainMutationVariables>("DashboardVerifyDomain");
export const RemoveDomain = operation<G.DashboardRemoveDomainMutation, G.DashboardRemoveDomainMutationVariables>("DashboardRemoveDomain");

export type * from "../../../../persisted-queries/dashboard/__generated__/graphql";
