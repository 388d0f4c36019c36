// `npm run codegen`: validates every client's operations (persisted-queries/<client>/*.graphql)
// against schema.graphql, writes typed documents for the client and its persisted-operation
// manifest (persisted-queries/<client>/__generated__/persisted-documents.json, ids `sha256:<hex>`),
// which the server serves by id. A test fails when a manifest is stale.
import type { CodegenConfig } from "@graphql-codegen/cli";

export const CLIENTS = ["web", "ios", "android", "dashboard"] as const;

const config: CodegenConfig = {
  schema: "schema.graphql",
  ignoreNoDocuments: false,
  emitLegacyCommonJSImports: false,
  generates: Object.fromEntries(
    CLIENTS.map((client) => [
      `persisted-queries/${client}/__generated__/`,
      {
        documents: [`persisted-queries/${client}/*.graphql`],
        preset: "client",
        presetConfig: {
          // The preset defaults to sha1; sha256 ids are the GraphQL-over-HTTP `sha256:<hex>` form.
          persistedDocuments: { hashAlgorithm: "sha256" },
          fragmentMasking: false,
        },
        config: {
          useTypeImports: true,
          enumsAsTypes: true,
          scalars: { DateTime: "string" },
          strictScalars: true,
        },
      },
    ]),
  ),
};

export default config;
