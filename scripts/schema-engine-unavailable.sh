#!/bin/sh
# Stand-in for Prisma's native schema engine on machines where it cannot be downloaded.
# `prisma generate` does not need the engine, only a path to an executable; migrations are
# applied by src/db/migrate.ts instead of `prisma migrate`.
echo "Prisma's native schema engine is not available; use 'npm run db:migrate'." >&2
exit 1
