-- AlterTable
ALTER TABLE "Generation" ADD COLUMN     "batchId" TEXT;

-- CreateTable
CREATE TABLE "SearchDoc" (
    "id" SERIAL NOT NULL,
    "generationId" TEXT NOT NULL,
    "body" TEXT NOT NULL,

    CONSTRAINT "SearchDoc_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Collection" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Collection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CollectionItem" (
    "collectionId" TEXT NOT NULL,
    "generationId" TEXT NOT NULL,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CollectionItem_pkey" PRIMARY KEY ("collectionId","generationId")
);

-- CreateIndex
CREATE UNIQUE INDEX "SearchDoc_generationId_key" ON "SearchDoc"("generationId");

-- CreateIndex
CREATE UNIQUE INDEX "Collection_name_key" ON "Collection"("name");

-- CreateIndex
CREATE INDEX "CollectionItem_generationId_idx" ON "CollectionItem"("generationId");

-- CreateIndex
CREATE INDEX "Generation_batchId_idx" ON "Generation"("batchId");

-- AddForeignKey
ALTER TABLE "SearchDoc" ADD CONSTRAINT "SearchDoc_generationId_fkey" FOREIGN KEY ("generationId") REFERENCES "Generation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollectionItem" ADD CONSTRAINT "CollectionItem_collectionId_fkey" FOREIGN KEY ("collectionId") REFERENCES "Collection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollectionItem" ADD CONSTRAINT "CollectionItem_generationId_fkey" FOREIGN KEY ("generationId") REFERENCES "Generation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written below (issue 14; see lib/gallery/README.md). Prisma cannot express these; the
-- index is listed in scripts/db-hand-made.ts so the live drift check expects it.
--
-- The full-text index: a GIN index over to_tsvector('simple', body), kept in "bodyTsv". The 'simple'
-- configuration lowercases and never stems, so it treats Korean and English alike (stemming
-- English would not help Korean and would hide exact words); the search asks for every word
-- as a prefix (to_tsquery('simple', '여우:*')), which finds 여우가 and foxes.
-- The vector is stored (a generated column) rather than an index expression: the index's
-- recheck then reads it instead of parsing every matched body again, which made a common
-- word (10,000 matches in 100,000 rows) ten times slower.
ALTER TABLE "SearchDoc" ADD COLUMN "bodyTsv" tsvector
    GENERATED ALWAYS AS (to_tsvector('simple', "body")) STORED;
CREATE INDEX "SearchDoc_body_fts_idx" ON "SearchDoc" USING GIN ("bodyTsv");

-- SEARCH BODY HOOK: the body is the prompt, then every reference's name and element name.
-- When storyboard shots get their own table, a migration replaces this function with the
-- shots' prompts appended, and adds the reference-style trigger on that table.
CREATE FUNCTION "search_doc_body"(generation_id TEXT) RETURNS TEXT LANGUAGE sql STABLE AS $$
    SELECT g."prompt" || ' ' || coalesce((
        SELECT string_agg(coalesce(r."name", '') || ' ' || coalesce(r."elementName", ''), ' ')
        FROM "Reference" r WHERE r."generationId" = generation_id), '')
    FROM "Generation" g WHERE g."id" = generation_id
$$;

-- SearchDoc follows every writer of Generation and Reference (app, import, seed scripts).
CREATE FUNCTION "search_doc_refresh"(generation_id TEXT) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    body TEXT := "search_doc_body"(generation_id);
BEGIN
    -- NULL when the generation is gone (its references are being deleted with it).
    IF body IS NOT NULL THEN
        INSERT INTO "SearchDoc" ("generationId", "body") VALUES (generation_id, body)
        ON CONFLICT ("generationId") DO UPDATE SET "body" = EXCLUDED."body";
    END IF;
END
$$;

CREATE FUNCTION "search_doc_on_write"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'Generation' THEN
        PERFORM "search_doc_refresh"(NEW."id");
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM "search_doc_refresh"(OLD."generationId");
    ELSE
        PERFORM "search_doc_refresh"(NEW."generationId");
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER "Generation_search_write" AFTER INSERT OR UPDATE OF "prompt" ON "Generation"
    FOR EACH ROW EXECUTE FUNCTION "search_doc_on_write"();
CREATE TRIGGER "Reference_search_write" AFTER INSERT OR DELETE OR UPDATE OF "name", "elementName"
    ON "Reference" FOR EACH ROW EXECUTE FUNCTION "search_doc_on_write"();

-- Existing generations: one document each.
INSERT INTO "SearchDoc" ("generationId", "body")
SELECT g."id", "search_doc_body"(g."id") FROM "Generation" g;
