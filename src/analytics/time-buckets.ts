import { DateTime, IANAZone } from "luxon";
import { badInput } from "../platform/errors.js";

export const GRANULARITIES = ["MINUTE", "HOUR", "DAY", "WEEK", "MONTH"] as const;
export type Granularity = (typeof GRANULARITIES)[number];

const UNIT = { MINUTE: "minute", HOUR: "hour", DAY: "day", WEEK: "week", MONTH: "month" } as const;
export const MAX_BUCKETS = 2_000;
const HOUR_MS = 3_600_000;

export interface Buckets {
  /** Bucket i covers [starts[i], starts[i + 1]) and the last one [starts[n-1], end). */
  starts: Date[];
  end: Date;
  /** Every boundary is a whole UTC hour, so the hourly rollups answer exactly. */
  hourAligned: boolean;
}

/** Validates an IANA time zone name ("Europe/Paris", "UTC"). */
export function parseTimeZone(timezone: string | null | undefined, field = "timezone"): string {
  const zone = timezone ?? "UTC";
  if (validZones.has(zone)) return zone;
  if (!IANAZone.isValidZone(zone)) throw badInput(field, `${field} must be an IANA time zone such as "UTC" or "Europe/Paris"`);
  validZones.add(zone);
  return zone;
}

// isValidZone builds an Intl.DateTimeFormat each call (a profile's top frame for a links page with
// series); the valid names are a bounded set (the IANA list), so remember them.
const validZones = new Set<string>();

export function parseRange(from: Date, to: Date | null | undefined): { from: Date; to: Date } {
  const end = to ?? new Date();
  if (Number.isNaN(from.getTime())) throw badInput("from", "from must be a date-time");
  if (!(from.getTime() < end.getTime())) throw badInput("to", "to must be after from");
  return { from, to: end };
}

/**
 * The calendar buckets covering [from, to) in a time zone: from is rounded down to the start of
 * its bucket and to up to the end of its own. Boundaries are local wall-clock starts (weeks
 * start on Monday), so a day is 23 or 25 hours long across a DST change, and an hour repeated
 * when clocks go back is two buckets.
 */
export function bucketsFor(from: Date, to: Date, granularity: Granularity, timezone: string): Buckets {
  const unit = UNIT[granularity];
  const step = { [`${unit}s`]: 1 };
  let cursor = DateTime.fromJSDate(from, { zone: timezone }).startOf(unit);
  const starts: Date[] = [];
  while (cursor.toMillis() < to.getTime()) {
    if (starts.length === MAX_BUCKETS) {
      throw badInput("granularity", `That range has more than ${MAX_BUCKETS} ${unit} buckets: choose a coarser granularity or a shorter range`);
    }
    starts.push(cursor.toJSDate());
    // Minutes and hours advance in elapsed time (distinct buckets for a repeated hour), days and
    // longer in calendar time (the next local midnight).
    cursor = cursor.plus(step);
  }
  const end = cursor.toJSDate();
  const hourAligned = granularity !== "MINUTE" && [...starts, end].every((date) => date.getTime() % HOUR_MS === 0);
  return { starts, end, hourAligned };
}
