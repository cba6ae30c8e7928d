/**
 * Database objects that hand-written migration SQL creates because Prisma's schema cannot
 * express them. The live PostgreSQL drift check leaves these out of its comparison (the
 * schema-built database cannot have them); everything else must still match exactly.
 * SQLite needs no list: Prisma's diff ignores virtual tables and triggers.
 */
/** `table.column`: the stored tsvector the full-text index reads (a generated column). */
export const HAND_MADE_POSTGRES_COLUMNS = ["SearchDoc.bodyTsv", "SearchDoc.facetsTsv"] as const;

export const HAND_MADE_POSTGRES_INDEXES = [
  // Full-text search (issue 14): GIN over "bodyTsv". See lib/gallery/README.md.
  "SearchDoc_body_fts_idx",
  // The filter values as words, for counts under filters (same README).
  "SearchDoc_facets_fts_idx",
] as const;

/** The FTS5 table and the shadow tables SQLite keeps for it; the engine's diff leaves them be. */
export const HAND_MADE_SQLITE_TABLES = ["", "_config", "_data", "_docsize", "_idx"].map(
  (suffix) => `SearchDoc_fts${suffix}`,
);
