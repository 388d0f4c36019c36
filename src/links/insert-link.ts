import type { Prisma } from "../generated/prisma/client.js";
import { conflict } from "../platform/errors.js";
import { generateSlug } from "./slug-generator.js";

type LinkData = Omit<Prisma.LinkCreateManyInput, "slug">;
type Writer = Pick<Prisma.TransactionClient, "link">;

const GENERATION_ATTEMPTS = 6;

/**
 * Inserts with ON CONFLICT DO NOTHING, so a taken slug never aborts an enclosing transaction:
 * a chosen slug that is taken is a CONFLICT; a generated one is retried, longer each time.
 */
export async function insertLink(db: Writer, data: LinkData, chosenSlug?: string | null) {
  if (chosenSlug) {
    const link = await tryInsert(db, { ...data, slug: chosenSlug });
    if (!link) throw conflict(`The slug "${chosenSlug}" is already taken`, { field: "slug" });
    return link;
  }
  for (let attempt = 0; attempt < GENERATION_ATTEMPTS; attempt++) {
    const link = await tryInsert(db, { ...data, slug: generateSlug(7 + Math.floor(attempt / 2)) });
    if (link) return link;
  }
  throw new Error(`No free slug found after ${GENERATION_ATTEMPTS} attempts`);
}

async function tryInsert(db: Writer, data: Prisma.LinkCreateManyInput) {
  const [link] = await db.link.createManyAndReturn({ data: [data], skipDuplicates: true });
  return link;
}
