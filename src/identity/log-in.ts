import { unauthenticated } from "../platform/errors.js";
import { parseInput } from "../platform/validation.js";
import type { Services } from "../services.js";
import { loginSchema } from "./credentials.js";
import { verifyPassword } from "./passwords.js";
import { startSession } from "./sessions.js";

export async function logIn(services: Services, input: { email: string; password: string }, request: { clientIp: string }) {
  const { email, password } = parseInput(loginSchema, input);
  await services.loginThrottle.check(email, request.clientIp);
  const user = await services.db.user.findUnique({ where: { email } });
  // One message for both cases: the response never tells whether the account exists.
  if (!(await verifyPassword(user?.passwordHash, password)) || !user) {
    await services.loginThrottle.failed(email, request.clientIp);
    throw unauthenticated("Email or password is incorrect");
  }
  await services.loginThrottle.succeeded(email, request.clientIp);
  return startSession(services, user);
}
