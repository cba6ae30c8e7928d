-- AlterTable
ALTER TABLE "SearchDoc" ADD COLUMN     "facets" TEXT NOT NULL DEFAULT '';

-- Hand-written below (issue 14; see lib/gallery/README.md, "Counts under filters").
--
-- SearchDoc.facets holds the generation's filter values as words ("statussucceeded modepro
-- aspect16x9 …"); a search's matching count under status / model / mode / aspect ratio /
-- favorite filters then reads SearchDoc alone, through the two GIN indexes, never joining
-- Generation. lib/gallery/search-facets.ts builds the same words. FACETS HOOK: change both.
ALTER TABLE "SearchDoc" ADD COLUMN "facetsTsv" tsvector
    GENERATED ALWAYS AS (to_tsvector('simple', "facets")) STORED;
CREATE INDEX "SearchDoc_facets_fts_idx" ON "SearchDoc" USING GIN ("facetsTsv");

CREATE FUNCTION "search_doc_facets"(generation_id TEXT) RETURNS TEXT LANGUAGE sql STABLE AS $$
    SELECT 'status' || g."status" || ' model' || replace(g."model", '-', '') ||
        ' mode' || g."mode" || ' aspect' || coalesce(replace(g."aspectRatio", ':', 'x'), 'auto') ||
        ' favorite' || (CASE WHEN g."favorite" THEN '1' ELSE '0' END)
    FROM "Generation" g WHERE g."id" = generation_id
$$;

-- As before, plus the facets; a write that changes neither leaves the document alone.
CREATE OR REPLACE FUNCTION "search_doc_refresh"(generation_id TEXT) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    body TEXT := "search_doc_body"(generation_id);
    facets TEXT := "search_doc_facets"(generation_id);
BEGIN
    -- NULL when the generation is gone (its references are being deleted with it).
    IF body IS NOT NULL THEN
        INSERT INTO "SearchDoc" ("generationId", "body", "facets") VALUES (generation_id, body, facets)
        ON CONFLICT ("generationId") DO UPDATE SET "body" = EXCLUDED."body", "facets" = EXCLUDED."facets"
        WHERE "SearchDoc"."body" IS DISTINCT FROM EXCLUDED."body"
           OR "SearchDoc"."facets" IS DISTINCT FROM EXCLUDED."facets";
    END IF;
END
$$;

DROP TRIGGER "Generation_search_write" ON "Generation";
CREATE TRIGGER "Generation_search_write"
    AFTER INSERT OR UPDATE OF "prompt", "status", "model", "mode", "aspectRatio", "favorite"
    ON "Generation" FOR EACH ROW EXECUTE FUNCTION "search_doc_on_write"();

-- Existing documents.
UPDATE "SearchDoc" SET "facets" = "search_doc_facets"("generationId");
