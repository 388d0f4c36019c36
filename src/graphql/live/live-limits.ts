export { createPrincipalCounter, principalOf, type PrincipalCounter } from "../../platform/principal-counter.js";

/** graphql-ws close codes for an ended credential: 4401 "refresh and reconnect", 4403 "sign in again". */
export const closeCodeFor = (reason: string) => (reason === "TOKEN_EXPIRED" || reason === "PERMISSIONS_CHANGED" ? 4401 : 4403);
