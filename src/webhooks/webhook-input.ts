import net from "node:net";
import { z } from "zod";
import type { Config } from "../config.js";
import { createAddressPolicy } from "./address-policy.js";
import { WEBHOOK_EVENTS } from "./events.js";
import { text } from "../platform/text.js";

const MAX_URL_LENGTH = 2048;

/**
 * An endpoint URL: http(s) (https only in production), no credentials, and not an address the
 * SSRF guard refuses. Host names are checked again on every delivery, where it matters, because
 * what a name resolves to can change after registration.
 */
function webhookUrl(config: Pick<Config, "isProduction" | "webhookAllowedHosts">) {
  const policy = createAddressPolicy(config.webhookAllowedHosts);
  return z
    .string()
    .trim()
    .max(MAX_URL_LENGTH, `must be at most ${MAX_URL_LENGTH} characters`)
    .superRefine((value, context) => {
      const problem = urlProblem(value, config.isProduction, policy);
      if (problem) context.addIssue({ code: "custom", message: problem });
    })
    .transform((value) => new URL(value).href);
}

function urlProblem(value: string, isProduction: boolean, policy: ReturnType<typeof createAddressPolicy>): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "must be an absolute http(s) URL";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "must be an http(s) URL";
  if (isProduction && url.protocol !== "https:") return "must use https";
  if (url.username || url.password) return "must not contain credentials; authenticate the request with its signature";
  const host = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (policy.allowsHost(host)) return null;
  if (host === "localhost" || host.endsWith(".localhost")) return "must not point at this machine (localhost)";
  if (net.isIP(host)) {
    const refusal = policy.refusal(host);
    if (refusal) return `must not point at a non-public address: ${host} is ${refusal}`;
  }
  return null;
}

const events = z
  .array(z.enum(WEBHOOK_EVENTS))
  .min(1, "must name at least one event")
  .transform((list) => [...new Set(list)]);
const description = text({ multiline: true }).max(500, "must be at most 500 characters").nullish();

export const createWebhookSchema = (config: Pick<Config, "isProduction" | "webhookAllowedHosts">) =>
  z.object({ url: webhookUrl(config), events, description });

export const updateWebhookSchema = (config: Pick<Config, "isProduction" | "webhookAllowedHosts">) =>
  z.object({ url: webhookUrl(config).optional(), events: events.optional(), description, enabled: z.boolean().optional() });

export const rotateSecretSchema = z.object({
  gracePeriodSeconds: z.number().int().min(0).max(604_800, "must be at most 604800 (7 days)").nullish(),
});

export type CreateWebhookInput = z.input<ReturnType<typeof createWebhookSchema>>;
export type UpdateWebhookInput = z.input<ReturnType<typeof updateWebhookSchema>>;
