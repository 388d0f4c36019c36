import "./scalars.js";
import "../identity/schema.js";
import "../links/schema.js";
import { builder } from "./builder.js";

export const schema = builder.toSchema({ sortSchema: false });
