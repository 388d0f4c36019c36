import { randomBytes } from "node:crypto";
import type { Db } from "../db/client.js";

/**
 * One random salt per UTC day, shared by every instance through the database. Salts older than
 * yesterday are deleted when a new day's salt is made: after that, nobody (not even us) can
 * tell which address or user agent a stored visitor hash came from.
 */
export function createVisitorSalts(db: Db) {
  const salts = new Map<string, Promise<Buffer>>();

  async function load(day: string): Promise<Buffer> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const rows = await db.$queryRawUnsafe<Array<{ salt: string }>>(
        `WITH made AS (
           INSERT INTO "VisitorSalt" (day, salt) VALUES ($1::date, decode($2, 'hex'))
           ON CONFLICT (day) DO NOTHING RETURNING salt
         ), expired AS (
           DELETE FROM "VisitorSalt" WHERE day < $1::date - 1
         )
         SELECT encode(salt, 'hex') AS salt FROM made
         UNION ALL SELECT encode(salt, 'hex') FROM "VisitorSalt" WHERE day = $1::date`,
        day,
        randomBytes(32).toString("hex"),
      );
      // Empty only when another instance made the salt concurrently: read it again.
      if (rows[0]) return Buffer.from(rows[0].salt, "hex");
    }
    throw new Error(`could not read the visitor salt of ${day}`);
  }

  return {
    /** The salt of the UTC day of `at` (epoch ms). */
    saltFor(at: number): Promise<Buffer> {
      const day = new Date(at).toISOString().slice(0, 10);
      let salt = salts.get(day);
      if (!salt) {
        salt = load(day);
        salt.catch(() => salts.delete(day));
        salts.set(day, salt);
        // Keep today's and yesterday's only.
        for (const known of salts.keys()) if (known < previousDay(day)) salts.delete(known);
      }
      return salt;
    },
  };
}

function previousDay(day: string) {
  return new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}
