import { z } from "zod";

/**
 * The building block of every free-text input (titles, names, descriptions, tags): trimmed. The
 * shared control-character rule (issue 10) plugs in here, once, for every use case.
 */
export const text = () => z.string().trim();
