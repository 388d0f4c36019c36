import { z } from "zod";
import { publicId } from "../platform/public-id.js";
import { text } from "../platform/text.js";
import { hostnameSchema } from "../domains/hostname.js";
import { destinationUrlSchema, MAX_URL_LENGTH, slugSchema } from "./link-rules.js";
import { rulesSchema, type StoredRule } from "./redirect-rules.js";

export const REDIRECT_TYPES = ["FOUND", "MOVED_PERMANENTLY", "TEMPORARY_REDIRECT", "PERMANENT_REDIRECT"] as const;

const titleSchema = text().max(200, "must be at most 200 characters");
const tagsSchema = z
  .array(text().min(1, "must not be empty").max(50, "must be at most 50 characters"))
  .max(20, "must have at most 20 tags")
  .transform((tags) => [...new Set(tags)]);
const maxClicksSchema = z.number().int().min(1, "must be at least 1").max(2_000_000_000);
const linkPasswordSchema = z.string().min(4, "must be at least 4 characters").max(128, "must be at most 128 characters");
const futureDate = z.date().refine((date) => date.getTime() > Date.now(), "must be in the future");

// Schemes a deep link may never use: they run code or read local data in the visitor's browser.
const FORBIDDEN_SCHEMES = new Set(["javascript", "data", "vbscript", "file", "blob", "about", "filesystem"]);
const APP_URL = /^([a-z][a-z0-9+.-]*):\S+$/i;

/** An app link: an http(s) URL (e.g. the App Store or Play Store page) under the destination rules, or an app's own scheme (`myapp://item/42`). */
function appTargetSchema(ownHosts: readonly string[]) {
  const web = destinationUrlSchema(ownHosts);
  return text()
    .min(1, "is required")
    .max(MAX_URL_LENGTH, `must be at most ${MAX_URL_LENGTH} characters`)
    .transform((value, ctx) => {
      if (/^https?:/i.test(value)) {
        const parsed = web.safeParse(value);
        if (parsed.success) return parsed.data;
        ctx.addIssue({ code: "custom", message: parsed.error.issues[0]!.message });
        return z.NEVER;
      }
      const scheme = APP_URL.exec(value)?.[1]?.toLowerCase();
      if (!scheme) ctx.addIssue({ code: "custom", message: "must be an app URL such as myapp://path or an https store URL" });
      else if (FORBIDDEN_SCHEMES.has(scheme)) ctx.addIssue({ code: "custom", message: `must not use the ${scheme}: scheme` });
      return value;
    });
}

interface RoutingSettings {
  /** The trusted country header (CLICK_COUNTRY_HEADER): country conditions need it. */
  countryHeader?: string;
}

function routingFields(ownHosts: readonly string[], settings: RoutingSettings) {
  const app = appTargetSchema(ownHosts);
  return {
    rules: rulesSchema({ ownHosts, countryHeader: settings.countryHeader }).nullish(),
    deepLinks: z.strictObject({ ios: app.nullish(), android: app.nullish() }).nullish(),
    preview: z
      .strictObject({
        title: text().max(200, "must be at most 200 characters").nullish(),
        description: text().max(500, "must be at most 500 characters").nullish(),
        imageUrl: destinationUrlSchema(ownHosts).nullish(),
      })
      .nullish(),
  };
}

type RoutingInput = {
  rules?: StoredRule[] | null;
  deepLinks?: { ios?: string | null; android?: string | null } | null;
  preview?: { title?: string | null; description?: string | null; imageUrl?: string | null } | null;
};

/**
 * The Link columns of rules, deep links and preview. Each group is replaced as a whole when given
 * (null or an empty list clears it) and left alone when absent.
 */
export function routingColumns(input: RoutingInput) {
  const columns: {
    rules?: StoredRule[] | null;
    iosUrl?: string | null;
    androidUrl?: string | null;
    previewTitle?: string | null;
    previewDescription?: string | null;
    previewImageUrl?: string | null;
  } = {};
  if (input.rules !== undefined) columns.rules = input.rules?.length ? input.rules : null;
  if (input.deepLinks !== undefined) {
    columns.iosUrl = input.deepLinks?.ios ?? null;
    columns.androidUrl = input.deepLinks?.android ?? null;
  }
  if (input.preview !== undefined) {
    columns.previewTitle = input.preview?.title || null;
    columns.previewDescription = input.preview?.description || null;
    columns.previewImageUrl = input.preview?.imageUrl ?? null;
  }
  return columns;
}

export function createLinkSchema(ownHosts: readonly string[], settings: RoutingSettings = {}) {
  const url = destinationUrlSchema(ownHosts);
  return z.object({
    workspaceId: publicId("Workspace").nullish(),
    /** A custom domain of the workspace (its hostname); default: PUBLIC_BASE_URL's host. */
    domain: hostnameSchema.nullish(),
    url,
    slug: slugSchema.nullish(),
    title: titleSchema.nullish(),
    expiresAt: futureDate.nullish(),
    maxClicks: maxClicksSchema.nullish(),
    fallbackUrl: url.nullish(),
    password: linkPasswordSchema.nullish(),
    redirectType: z.enum(REDIRECT_TYPES).nullish(),
    tags: tagsSchema.nullish(),
    ...routingFields(ownHosts, settings),
  });
}

/** Absent fields stay as they are; null clears an optional field. */
export function updateLinkSchema(ownHosts: readonly string[], settings: RoutingSettings = {}) {
  const url = destinationUrlSchema(ownHosts);
  return z.object({
    id: publicId("Link"),
    url: url.optional(),
    /** Moves the link to another of the workspace's domains; null: back to the default domain. */
    domain: hostnameSchema.nullish(),
    slug: slugSchema.optional(),
    title: titleSchema.nullish(),
    expiresAt: futureDate.nullish(),
    maxClicks: maxClicksSchema.nullish(),
    fallbackUrl: url.nullish(),
    password: linkPasswordSchema.nullish(),
    redirectType: z.enum(REDIRECT_TYPES).optional(),
    tags: tagsSchema.optional(),
    archived: z.boolean().optional(),
    ...routingFields(ownHosts, settings),
  });
}

export type CreateLinkInput = z.input<ReturnType<typeof createLinkSchema>>;
export type UpdateLinkInput = z.input<ReturnType<typeof updateLinkSchema>>;

export const deleteLinkSchema = z.object({ id: publicId("Link") });
export type DeleteLinkInput = z.input<typeof deleteLinkSchema>;
