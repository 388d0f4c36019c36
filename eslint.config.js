// ESLint (flat config): typescript-eslint's recommended rules plus the architecture rules of
// issue 12 — resolvers only map to use cases; use cases know nothing of GraphQL; config knows no domain.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const RESOLVERS_ONLY_MAP =
  "Resolvers map arguments to a use case and shape its result: database access and authorization live in the use case (see /src/access).";

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "data/**",
      "node_modules/**",
      "src/generated/**",
      "persisted-queries/**/__generated__/**",
      "bench/results/**",
      "src/dashboard/client/**/*.js",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: "readonly", process: "readonly", Buffer: "readonly", URL: "readonly", fetch: "readonly" } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" }],
      "no-undef": "off", // TypeScript checks names.
    },
  },
  {
    // Tests and benchmarks read untyped JSON answers.
    files: ["**/*.test.ts", "tests/**", "bench/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // GraphQL resolvers (and every other schema file): no services.db, no authorization calls.
    files: ["src/**/schema.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "MemberExpression[property.name='db']", message: RESOLVERS_ONLY_MAP },
        {
          selector: "CallExpression[callee.name=/^(require(Scope|Viewer|Session)|isAdmin|mayAccessOwnedBy|authenticate)$/]",
          message: RESOLVERS_ONLY_MAP,
        },
        { selector: "CallExpression[callee.property.name=/^(require|requireUser|requireSession|access|can)$/]", message: RESOLVERS_ONLY_MAP },
        { selector: "Property[key.name=/^(authScopes|grantScopes)$/]", message: RESOLVERS_ONLY_MAP },
      ],
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["**/db/client.js", "**/generated/prisma/client.js"], allowTypeImports: true, message: RESOLVERS_ONLY_MAP }] },
      ],
    },
  },
  {
    // Use cases and shared mechanisms: nothing from the GraphQL layer (global ids live in src/platform/public-id.ts).
    files: ["src/**/*.ts"],
    ignores: ["src/graphql/**", "src/**/schema.ts", "src/**/*.test.ts", "src/app.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/graphql/*", "!graphql"],
              message: "Use cases know nothing of GraphQL: take an Actor and plain input (src/access, src/platform).",
            },
          ],
        },
      ],
    },
  },
  {
    // One config module that depends on no domain.
    files: ["src/config.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["./identity/*", "./links/*", "./analytics/*", "./webhooks/*", "./workspaces/*", "./graphql/*"],
              message: "src/config.ts depends on no domain.",
            },
          ],
        },
      ],
    },
  },
);
