import autocannon from "autocannon";

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx3xx: number;
}

/** A bounded autocannon run against a loopback URL. */
export async function load(
  url: string,
  options: {
    connections?: number;
    durationSeconds?: number;
    method?: "GET" | "POST";
    headers?: Record<string, string>;
    body?: string;
    /** Changes each request before it is sent (e.g. a different client address every time). */
    setupRequest?: (request: autocannon.Request) => autocannon.Request;
  } = {},
): Promise<LoadResult> {
  const result = await autocannon({
    url,
    connections: options.connections ?? 50,
    duration: options.durationSeconds ?? 5,
    method: options.method ?? "GET",
    headers: options.headers,
    body: options.body,
    // Redirects are the answer being measured, not something to follow.
    followRedirects: false,
    ...(options.setupRequest ? { requests: [{ setupRequest: options.setupRequest }] } : {}),
  } as autocannon.Options);
  const okStatuses = (result["2xx"] ?? 0) + (result["3xx"] ?? 0);
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx3xx: result.requests.total - okStatuses,
  };
}
