import { z } from "zod";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "must be at most 254 characters")
  .pipe(z.email({ message: "must be a valid email address" }));

export const newPasswordSchema = z.string().min(10, "must be at least 10 characters").max(256, "must be at most 256 characters");

export const credentialsSchema = z.object({ email: emailSchema, password: newPasswordSchema });
// Logging in checks only that something was sent: old passwords may predate today's rules.
export const loginSchema = z.object({ email: emailSchema, password: z.string().min(1, "is required").max(256) });
