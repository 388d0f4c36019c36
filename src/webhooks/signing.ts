import { createHmac, randomBytes } from "node:crypto";

// Standard Webhooks (https://www.standardwebhooks.com): the secret is "whsec_" + base64 of random
// bytes; a signature is "v1," + base64(HMAC-SHA256(decoded secret, "<id>.<timestamp>.<body>")).
const SECRET_PREFIX = "whsec_";

export const generateWebhookSecret = () => `${SECRET_PREFIX}${randomBytes(32).toString("base64")}`;

export function sign(secret: string, eventId: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.slice(SECRET_PREFIX.length), "base64");
  return `v1,${createHmac("sha256", key).update(`${eventId}.${timestamp}.${body}`).digest("base64")}`;
}

/** The signing headers of one attempt; several secrets (during a rotation) give space-separated signatures. */
export function signatureHeaders(secrets: string[], eventId: string, body: string, now = Date.now()): Record<string, string> {
  const timestamp = Math.floor(now / 1000);
  return {
    "webhook-id": eventId,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": secrets.map((secret) => sign(secret, eventId, timestamp, body)).join(" "),
  };
}
