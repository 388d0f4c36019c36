import { pino, type Logger } from "pino";

export type { Logger };

/** Structured JSON logs. Secrets never reach a log line: the usual carriers are redacted. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: "linkgraph" },
    redact: {
      paths: [
        "req.headers.authorization",
        "req.headers.cookie",
        "*.password",
        "*.refreshToken",
        "*.accessToken",
        "*.secret",
        "variables.input.password",
        "variables.input.refreshToken",
        "variables.input.currentPassword",
        "variables.input.newPassword",
        "variables.input.code",
        "variables.input.codeVerifier",
        "*.codeVerifier",
        "*.clientSecret",
      ],
      censor: "[redacted]",
    },
  });
}
