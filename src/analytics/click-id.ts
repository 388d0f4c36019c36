import { randomFillSync } from "node:crypto";

// Random hex drawn in bulk: one call to the CSPRNG per 200 ids instead of one per id.
const POOL_BYTES = 2_000;
const pool = Buffer.allocUnsafe(POOL_BYTES);
let hex = "";
let offset = 0;

function randomHex(length: number): string {
  if (offset + length > hex.length) {
    hex = randomFillSync(pool).toString("hex");
    offset = 0;
  }
  const out = hex.slice(offset, offset + length);
  offset += length;
  return out;
}

/**
 * A UUIDv7 (RFC 9562): 48 bits of milliseconds, then 74 random bits. Time-ordered, so the
 * clicks' primary key grows at its right edge; random, so ids made anywhere never collide.
 */
export function clickId(ms: number): string {
  const time = ms.toString(16).padStart(12, "0");
  const random = randomHex(20);
  const variant = ((parseInt(random[3]!, 16) & 0x3) | 0x8).toString(16);
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(0, 3)}-${variant}${random.slice(4, 7)}-${random.slice(8, 20)}`;
}
