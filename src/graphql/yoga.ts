import { randomUUID } from "node:crypto";
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";
import { createYoga, maskError as defaultMaskError } from "graphql-yoga";
import { authenticate } from "../identity/viewer.js";
import { AppError } from "../platform/errors.js";
import type { Services } from "../services.js";
import type { GraphQLContext } from "./context.js";
import { useErrorCodes } from "./error-codes-plugin.js";
import { schema } from "./schema.js";

export function createGraphQLHandler(services: Services) {
  const { config, log } = services;
  return createYoga<{}, GraphQLContext>({
    schema,
    graphqlEndpoint: "/graphql",
    landingPage: false,
    logging: false,
    graphiql: config.graphiql ? { title: "Linkgraph GraphiQL" } : false,
    renderGraphiQL,
    maskedErrors: {
      maskError(error, message, isDev) {
        const original = (error as { originalError?: unknown }).originalError;
        if (!(original instanceof AppError) && !(error instanceof AppError)) {
          log.error({ err: original ?? error }, "unexpected error in GraphQL operation");
        }
        const masked = defaultMaskError(error, message, isDev);
        if (masked !== error && masked instanceof Error && "extensions" in masked) {
          (masked.extensions as Record<string, unknown>).code = "INTERNAL_SERVER_ERROR";
        }
        return masked;
      },
    },
    plugins: [useErrorCodes()],
    context: async ({ request }) => {
      const requestId = request.headers.get("x-request-id") ?? randomUUID();
      return {
        services,
        viewer: await authenticate(request.headers.get("authorization"), services.accessTokens),
        request,
        requestId,
        log: log.child({ requestId }),
      };
    },
  });
}
