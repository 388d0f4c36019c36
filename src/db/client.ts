import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client.js";

export type Db = PrismaClient;

export interface DbOptions {
  connectionString: string;
  poolMax: number;
  /** Called once per SQL statement Prisma sends (metrics and tests count them). */
  onQuery?: (sql: string) => void;
}

export function createPrismaClient({ connectionString, poolMax, onQuery }: DbOptions): PrismaClient {
  const adapter = new PrismaPg({ connectionString, max: poolMax });
  const prisma = new PrismaClient({ adapter, log: onQuery ? [{ level: "query", emit: "event" }] : [] });
  if (onQuery) prisma.$on("query" as never, (event: { query: string }) => onQuery(event.query));
  return prisma;
}
