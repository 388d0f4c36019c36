# syntax=docker/dockerfile:1
# Linkgraph: build stage (all dependencies, `npm run build`), then a slim runtime stage that holds only
# dist/, the few packages the bundle loads at run time, the migrations and the persisted-operation manifests.
#   docker build -t linkgraph .
#   docker run -p 3000:3000 -v linkgraph-data:/data linkgraph          # embedded database in /data
# NODE_IMAGE is the official Node 24 slim image by default; CI builds from a locally made equivalent.
ARG NODE_IMAGE=node:24-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /src
COPY package.json package-lock.json ./
COPY scripts/ scripts/
COPY prisma/ prisma/
COPY prisma.config.ts ./
RUN npm ci --no-audit --no-fund --ignore-scripts \
 && node scripts/prisma-generate.mjs
COPY tsconfig.json ./
COPY src/ src/
COPY persisted-queries/ persisted-queries/
RUN npm run build
# Run-time dependencies: the bundle in dist/server holds our code and most packages; only those it
# still imports (dist/server/runtime-packages.json: PGlite, Prisma's client, argon2's native binary)
# are installed, at the versions the lockfile pins.
RUN mkdir /runtime && cp package-lock.json /runtime/ \
 && node -e 'const p = require("./package.json"); const keep = require("./dist/server/runtime-packages.json"); \
      const dependencies = Object.fromEntries(keep.map((name) => [name, p.dependencies[name]])); \
      require("fs").writeFileSync("/runtime/package.json", JSON.stringify({ name: p.name, version: p.version, private: true, type: "module", dependencies }, null, 2))' \
 && cd /runtime && npm install --omit=dev --ignore-scripts --no-audit --no-fund \
 # Prisma ships a query compiler for every database; we use PostgreSQL's (the "fast" ESM build).
 && find node_modules/@prisma/client/runtime -name 'query_compiler_*' ! -name 'query_compiler_fast_bg.postgresql.*mjs' -delete \
 && find node_modules \( -name '*.map' -o -name '*.d.ts' -o -name '*.d.mts' -o -name '*.d.cts' \) -delete \
 && npm cache clean --force

FROM ${NODE_IMAGE} AS runtime
# NODE_ENV is left unset (development defaults) so that `docker run` alone works on the embedded
# database; production deployments set NODE_ENV=production with DATABASE_URL and JWT_SECRET (compose.yaml).
ENV HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data \
    PERSISTED_QUERIES_DIR=/app/persisted-queries
RUN groupadd --system --gid 10001 linkgraph \
 && useradd --system --uid 10001 --gid linkgraph --home-dir /app --no-create-home --shell /usr/sbin/nologin linkgraph \
 && mkdir -p /data && chown linkgraph:linkgraph /data
WORKDIR /app
COPY --from=build /runtime/package.json ./package.json
COPY --from=build /runtime/node_modules/ node_modules/
COPY --from=build /src/dist/ dist/
COPY --from=build /src/prisma/migrations/ prisma/migrations/
COPY --from=build /src/persisted-queries/ persisted-queries/
RUN find persisted-queries -type f ! -name '*.json' -delete
USER linkgraph
# The embedded database (used when DATABASE_URL is unset) and the generated signing secret live here.
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT||3000}/healthz`).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node runs as PID 1 itself (no npm, no shell): it receives SIGTERM directly, and the server's own
# handler drains requests and flushes click counts before exiting. Nothing here spawns children.
CMD ["node", "dist/server/server.js"]
