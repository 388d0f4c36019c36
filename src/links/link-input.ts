import { z } from "zod";
import { publicId } from "../platform/public-id.js";
import { text } from "../platform/text.js";
import { hostnameSchema } from "../domains/hostname.js";
import { destinationUrlSchema, slugSchema } from "./link-rules.js";

export const REDIRECT_TYPES = ["FOUND", "MOVED_PERMANENTLY", "TEMPORARY_REDIRECT", "PERMANENT_REDIRECT"] as const;

const titleSchema = text().max(200, "must be at most 200 characters");
const tagsSchema = z
  .array(text().min(1, "must not be empty").max(50, "must be at most 50 characters"))
  .max(20, "must have at most 20 tags")
  .transform((tags) => [...new Set(tags)]);
const maxClicksSchema = z.number().int().min(1, "must be at least 1").max(2_000_000_000);
const linkPasswordSchema = z.string().min(4, "must be at least 4 characters").max(128, "must be at most 128 characters");
const futureDate = z.date().refine((date) => date.getTime() > Date.now(), "must be in the future");

export function createLinkSchema(ownHosts: readonly string[]) {
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
  });
}

/** Absent fields stay as they are; null clears an optional field. */
export function updateLinkSchema(ownHosts: readonly string[]) {
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
  });
}

export type CreateLinkInput = z.input<ReturnType<typeof createLinkSchema>>;
export type UpdateLinkInput = z.input<ReturnType<typeof updateLinkSchema>>;

export const deleteLinkSchema = z.object({ id: publicId("Link") });
export type DeleteLinkInput = z.input<typeof deleteLinkSchema>;
