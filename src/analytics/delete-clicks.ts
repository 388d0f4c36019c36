import type { Prisma } from "../generated/prisma/client.js";

/**
 * Deletes a link's raw clicks (its rollups go with the link, by foreign key). Raw clicks have no
 * foreign key, which would cost a lookup per stored click; a click of this link still in flight
 * is skipped by the writer.
 */
export async function deleteClicksOfLink(tx: Pick<Prisma.TransactionClient, "click">, linkId: string) {
  await tx.click.deleteMany({ where: { linkId } });
}
