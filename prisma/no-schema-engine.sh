#!/bin/sh
# Stands in for Prisma's schema-engine binary, which cannot be downloaded on these machines.
# `prisma generate` never runs it; anything that would (migrate, db push) lands here.
echo "Prisma's schema engine is not installed. Use npm run db:migrate / db:diff (see prisma/README.md)," >&2
echo "or set PRISMA_SCHEMA_ENGINE_BINARY to a real engine binary." >&2
exit 1
