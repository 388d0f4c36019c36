/** What `/auth/<provider>/callback` puts in `?error=` when a sign-in cannot complete, as sentences. */
const SIGN_IN_ERRORS: Record<string, string> = {
  ACCESS_DENIED: "The sign-in was cancelled at the provider, or the provider refused access. Nothing was changed.",
  EMAIL_NOT_VERIFIED:
    "An account with this email address already exists, and the provider has not confirmed that the address is yours. Sign in with your password, or verify the address at the provider and try again.",
  EMAIL_REQUIRED: "The provider did not share your email address. Allow access to your email address at the provider and try again.",
  SIGN_IN_FAILED: "The sign-in could not be completed: the provider's answer could not be verified. Please try again.",
  PROVIDER_ERROR: "The sign-in provider reported a problem. Please try again in a moment.",
};

export function describeSignInError(code: string): string {
  return SIGN_IN_ERRORS[code] ?? `The sign-in did not complete (${code.slice(0, 64)}). Please try again.`;
}
