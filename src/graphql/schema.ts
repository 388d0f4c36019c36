import "./scalars.js";
import "../identity/schema.js";
import "../identity/api-keys/schema.js";
import "../links/schema.js";
import "../analytics/schema.js";
import "../webhooks/schema.js";
import "../workspaces/schema.js";
import "../instance/schema.js";
import "../domains/schema.js";
import "../qr/schema.js";
import { builder } from "./builder.js";

export const schema = builder.toSchema({ sortSchema: false });
