-- AlterTable
-- Hand-edited from the engine's RedefineTables: adding a column with a default needs no
-- rebuild, and a rebuild of SearchDoc would drop its triggers (the FTS5 sync) with the table.
ALTER TABLE "SearchDoc" ADD COLUMN "facets" TEXT NOT NULL DEFAULT '';

-- Hand-written below (issue 14; see lib/gallery/README.md, "Counts under filters").
--
-- SearchDoc.facets holds the generation's filter values as words: a search's matching count
-- under status / model / mode / aspect ratio / favorite filters is then one FTS5 query
-- ({body}: words AND {facets}: values) that never reads Generation. The words are letters and
-- digits only, so unicode61 keeps each one whole; lib/gallery/search-facets.ts builds the
-- same words for the query. FACETS HOOK: change both together.
DROP TRIGGER "SearchDoc_fts_insert";
DROP TRIGGER "SearchDoc_fts_delete";
DROP TRIGGER "SearchDoc_fts_update";
DROP TABLE "SearchDoc_fts";

-- Existing documents get their facets while no trigger copies each change into the index;
-- the index is then built once over both columns.
UPDATE "SearchDoc" SET "facets" = (
    SELECT 'status' || g."status" || ' model' || replace(g."model", '-', '') ||
        ' mode' || g."mode" || ' aspect' || coalesce(replace(g."aspectRatio", ':', 'x'), 'auto') ||
        ' favorite' || (CASE WHEN g."favorite" THEN '1' ELSE '0' END)
    FROM "Generation" g WHERE g."id" = "SearchDoc"."generationId");

-- prefix='1 2 3 4' (was '1 2'): a prefix of up to four characters reads one stored doclist
-- instead of merging every word that starts with it, so a common short word beside a rare
-- one ("shot 4242": every document has "shot") costs a seek, not a 100,000-entry merge
-- (6.5 ms -> 0.03 ms at 100,000 rows). The price: the index grows by about 60%.
CREATE VIRTUAL TABLE "SearchDoc_fts" USING fts5(
    body,
    facets,
    content='SearchDoc',
    content_rowid='id',
    tokenize='unicode61 remove_diacritics 2',
    prefix='1 2 3 4'
);
INSERT INTO "SearchDoc_fts"("SearchDoc_fts") VALUES ('rebuild');

CREATE TRIGGER "SearchDoc_fts_insert" AFTER INSERT ON "SearchDoc" BEGIN
    INSERT INTO "SearchDoc_fts"(rowid, body, facets) VALUES (new."id", new."body", new."facets");
END;

CREATE TRIGGER "SearchDoc_fts_delete" AFTER DELETE ON "SearchDoc" BEGIN
    INSERT INTO "SearchDoc_fts"("SearchDoc_fts", rowid, body, facets)
    VALUES ('delete', old."id", old."body", old."facets");
END;

CREATE TRIGGER "SearchDoc_fts_update" AFTER UPDATE OF "body", "facets" ON "SearchDoc" BEGIN
    INSERT INTO "SearchDoc_fts"("SearchDoc_fts", rowid, body, facets)
    VALUES ('delete', old."id", old."body", old."facets");
    INSERT INTO "SearchDoc_fts"(rowid, body, facets) VALUES (new."id", new."body", new."facets");
END;

-- A new generation's document carries its facets from the start (the body as before).
DROP TRIGGER "Generation_search_insert";
CREATE TRIGGER "Generation_search_insert" AFTER INSERT ON "Generation" BEGIN
    INSERT INTO "SearchDoc" ("generationId", "body", "facets")
    VALUES (new."id", new."prompt" || ' ' || coalesce((
        SELECT group_concat(coalesce(r."name", '') || ' ' || coalesce(r."elementName", ''), ' ')
        FROM "Reference" r WHERE r."generationId" = new."id"), ''),
        'status' || new."status" || ' model' || replace(new."model", '-', '') ||
        ' mode' || new."mode" || ' aspect' || coalesce(replace(new."aspectRatio", ':', 'x'), 'auto') ||
        ' favorite' || (CASE WHEN new."favorite" THEN '1' ELSE '0' END));
END;

-- Status changes a few times in a generation's life, favorite when a person says so.
CREATE TRIGGER "Generation_search_facets" AFTER UPDATE OF "status", "model", "mode", "aspectRatio", "favorite" ON "Generation" BEGIN
    UPDATE "SearchDoc" SET "facets" =
        'status' || new."status" || ' model' || replace(new."model", '-', '') ||
        ' mode' || new."mode" || ' aspect' || coalesce(replace(new."aspectRatio", ':', 'x'), 'auto') ||
        ' favorite' || (CASE WHEN new."favorite" THEN '1' ELSE '0' END)
    WHERE "generationId" = new."id";
END;
