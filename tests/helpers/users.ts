import { decodeGlobalId } from "../../src/graphql/global-id.js";
import type { TestApp } from "./test-app.js";

/** Makes a signed-up user an admin (there is deliberately no API for that) and logs them in again. */
export async function signUpAdmin(test: TestApp) {
  const user = await test.signUp();
  await test.app.services.db.user.update({ where: { id: decodeGlobalId(user.userId).id }, data: { role: "ADMIN" } });
  const login = await test.gql(`mutation ($input: LogInInput!) { logIn(input: $input) { accessToken } }`, {
    input: { email: user.email, password: "correct horse battery" },
  });
  return { ...user, token: login.data.logIn.accessToken as string };
}
