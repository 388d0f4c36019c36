import { createIsbotFromList } from "isbot";
import type { LinkPreview } from "./link-routing.js";

/**
 * Crawlers that fetch a link to draw its card in a chat or feed (regular expressions, matched
 * case-insensitively by isbot). Other bots (curl, scripts, search engines) get the redirect like
 * people do. In-app browsers (Instagram, Snapchat, LINE, Teams…) are people: not listed.
 */
export const PREVIEW_BOT_PATTERNS = [
  "facebookexternalhit",
  "facebookcatalog",
  "facebot",
  "twitterbot",
  "linkedinbot",
  "slackbot",
  "slack-imgproxy",
  "discordbot",
  "telegrambot",
  "whatsapp",
  "skypeuripreview",
  "microsoftpreview",
  "pinterestbot",
  "pinterest/0\\.",
  "redditbot",
  "applebot",
  "embedly",
  "iframely",
  "vkshare",
  "mastodon/",
  "bluesky cardyb",
  "kakaotalk-scrap",
  "mattermost-bot",
  "rocket\\.chat",
  "tumblr",
  "xing-contenttabreceiver",
  "google-pagerenderer",
  "yahoo link preview",
  "bitlybot",
];

export const isPreviewBot: (userAgent: string) => boolean = createIsbotFromList(PREVIEW_BOT_PATTERNS);

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => ESCAPES[char]!);

/**
 * A small page with Open Graph and Twitter card tags, every value escaped. Its link points at the
 * short URL, so a password-protected destination never leaks to a crawler.
 */
export function previewPage(preview: LinkPreview, shortUrl: string): string {
  const tags: string[] = [
    `<meta property="og:type" content="website">`,
    `<meta property="og:url" content="${escapeHtml(shortUrl)}">`,
    `<meta name="twitter:card" content="${preview.imageUrl ? "summary_large_image" : "summary"}">`,
  ];
  if (preview.title) {
    const title = escapeHtml(preview.title);
    tags.push(`<meta property="og:title" content="${title}">`, `<meta name="twitter:title" content="${title}">`);
  }
  if (preview.description) {
    const description = escapeHtml(preview.description);
    tags.push(
      `<meta name="description" content="${description}">`,
      `<meta property="og:description" content="${description}">`,
      `<meta name="twitter:description" content="${description}">`,
    );
  }
  if (preview.imageUrl) {
    const image = escapeHtml(preview.imageUrl);
    tags.push(`<meta property="og:image" content="${image}">`, `<meta name="twitter:image" content="${image}">`);
  }
  const title = escapeHtml(preview.title ?? shortUrl);
  return (
    `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title>${tags.join("")}</head>` +
    `<body><h1>${title}</h1>${preview.description ? `<p>${escapeHtml(preview.description)}</p>` : ""}<p><a href="${escapeHtml(shortUrl)}">${escapeHtml(shortUrl)}</a></p></body></html>`
  );
}
