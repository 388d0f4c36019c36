import type { LiveCredential } from "../identity/credential-events.js";

/** Counts what each principal holds open on this instance (WebSockets, SSE streams) under a cap. */
export interface PrincipalCounter {
  /** Takes a slot at once (no await between check and count), or null when the cap is reached. */
  tryAcquire(credential: LiveCredential): (() => void) | null;
  count(credential: LiveCredential): number;
}

/** An API key counts separately from its owner's sessions: a busy integration cannot lock its owner out. */
export const principalOf = (credential: LiveCredential) => (credential.apiKeyId ? `key:${credential.apiKeyId}` : `user:${credential.userId}`);

export function createPrincipalCounter(max: number): PrincipalCounter {
  const open = new Map<string, number>();
  return {
    tryAcquire(credential) {
      const principal = principalOf(credential);
      const current = open.get(principal) ?? 0;
      if (current >= max) return null;
      open.set(principal, current + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const left = (open.get(principal) ?? 1) - 1;
        if (left > 0) open.set(principal, left);
        else open.delete(principal);
      };
    },
    count: (credential) => open.get(principalOf(credential)) ?? 0,
  };
}
