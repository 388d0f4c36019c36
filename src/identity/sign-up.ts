import { Prisma } from "../generated/prisma/client.js";
import { conflict } from "../platform/errors.js";
import { parseInput } from "../platform/validation.js";
import type { Services } from "../services.js";
import { credentialsSchema } from "./credentials.js";
import { hashPassword } from "./passwords.js";
import { startSession } from "./sessions.js";
import { createUserWithPersonalWorkspace } from "../workspaces/personal-workspace.js";

export async function signUp(services: Services, input: { email: string; password: string }) {
  const { email, password } = parseInput(credentialsSchema, input);
  try {
    const user = await createUserWithPersonalWorkspace(services.db, { email, passwordHash: await hashPassword(password) });
    return await startSession(services, user);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw conflict("An account with this email already exists", { field: "email" });
    }
    throw error;
  }
}
