import { Redis } from "ioredis";
import type { Logger } from "./logger.js";

/** The shared command connection (pub/sub subscribers need their own: use `duplicate()`). */
export function createRedisClient(url: string, log: Logger): Redis {
  const client = new Redis(url, { maxRetriesPerRequest: 2, enableOfflineQueue: true });
  client.on("error", (error) => log.warn({ err: error }, "redis connection error"));
  return client;
}
