import { describe, expect, it } from "vitest";
import { PERMISSIONS, ROLE_RANK } from "../access/permissions.js";
import { ROLE_PERMISSIONS, ROLE_RANK as DASHBOARD_ROLE_RANK } from "../../web/dashboard/src/lib/permissions.js";

// The dashboard hides what a role cannot do from its own copy of the permission table; the
// server's decides. A permission or role added on one side only fails here.
describe("the dashboard's permission table", () => {
  it("is the server's", () => {
    expect(Object.fromEntries(Object.entries(ROLE_PERMISSIONS).map(([permission, roles]) => [permission, [...roles].sort()]))).toEqual(
      Object.fromEntries(Object.entries(PERMISSIONS).map(([permission, rule]) => [permission, [...rule.roles].sort()])),
    );
    expect(DASHBOARD_ROLE_RANK).toEqual(ROLE_RANK);
  });
});
