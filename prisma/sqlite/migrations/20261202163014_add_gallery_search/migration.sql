-- AlterTable
ALTER TABLE "Generation" ADD COLUMN "batchId" TEXT;

-- CreateTable
CREATE TABLE "SearchDoc" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "generationId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    CONSTRAINT "SearchDoc_generationId_fkey" FOREIGN KEY ("generationId") REFERENCES "Generation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Collection" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "name" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "CollectionItem" (
    "collectionId" TEXT NOT NULL,
    "generationId" TEXT NOT NULL,
    "addedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("collectionId", "generationId"),
    CONSTRAINT "CollectionItem_collectionId_fkey" FOREIGN KEY ("collectionId") REFERENCES "Collection" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CollectionItem_generationId_fkey" FOREIGN KEY ("generationId") REFERENCES "Generation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "SearchDoc_generationId_key" ON "SearchDoc"("generationId");

-- CreateIndex
CREATE UNIQUE INDEX "Collection_name_key" ON "Collection"("name");

-- CreateIndex
CREATE INDEX "CollectionItem_generationId_idx" ON "CollectionItem"("generationId");

-- CreateIndex
CREATE INDEX "Generation_batchId_idx" ON "Generation"("batchId");

-- Hand-written below (issue 14; see lib/gallery/README.md). Prisma cannot express these, and
-- its diff ignores virtual tables and triggers, so db:check stays green.
--
-- The full-text index: FTS5 over SearchDoc.body, addressed by SearchDoc.id (an INTEGER
-- PRIMARY KEY, so table rebuilds keep it). unicode61 splits on anything that is not a letter
-- or digit, so Hangul words are tokens ("여우가"), and the search adds a prefix star to every
-- word ("여우"* finds "여우가", "fox"* finds "foxes"); prefix='1 2' indexes short prefixes.
CREATE VIRTUAL TABLE "SearchDoc_fts" USING fts5(
    body,
    content='SearchDoc',
    content_rowid='id',
    tokenize='unicode61 remove_diacritics 2',
    prefix='1 2'
);

CREATE TRIGGER "SearchDoc_fts_insert" AFTER INSERT ON "SearchDoc" BEGIN
    INSERT INTO "SearchDoc_fts"(rowid, body) VALUES (new."id", new."body");
END;

CREATE TRIGGER "SearchDoc_fts_delete" AFTER DELETE ON "SearchDoc" BEGIN
    INSERT INTO "SearchDoc_fts"("SearchDoc_fts", rowid, body) VALUES ('delete', old."id", old."body");
END;

CREATE TRIGGER "SearchDoc_fts_update" AFTER UPDATE OF "body" ON "SearchDoc" BEGIN
    INSERT INTO "SearchDoc_fts"("SearchDoc_fts", rowid, body) VALUES ('delete', old."id", old."body");
    INSERT INTO "SearchDoc_fts"(rowid, body) VALUES (new."id", new."body");
END;

-- SearchDoc follows every writer of Generation and Reference (app, import, seed scripts).
-- SEARCH BODY HOOK: the body is the prompt, then every reference's name and element name.
-- When storyboard shots get their own table, a migration recreates these triggers with the
-- shots' prompts appended, and adds the same triggers on that table.
CREATE TRIGGER "Generation_search_insert" AFTER INSERT ON "Generation" BEGIN
    INSERT INTO "SearchDoc" ("generationId", "body")
    VALUES (new."id", new."prompt" || ' ' || coalesce((
        SELECT group_concat(coalesce(r."name", '') || ' ' || coalesce(r."elementName", ''), ' ')
        FROM "Reference" r WHERE r."generationId" = new."id"), ''));
END;

CREATE TRIGGER "Generation_search_update" AFTER UPDATE OF "prompt" ON "Generation" BEGIN
    UPDATE "SearchDoc" SET "body" = new."prompt" || ' ' || coalesce((
        SELECT group_concat(coalesce(r."name", '') || ' ' || coalesce(r."elementName", ''), ' ')
        FROM "Reference" r WHERE r."generationId" = new."id"), '')
    WHERE "generationId" = new."id";
END;

-- The foreign key cascades too, but only where foreign keys are on; this does not depend on it.
CREATE TRIGGER "Generation_search_delete" AFTER DELETE ON "Generation" BEGIN
    DELETE FROM "SearchDoc" WHERE "generationId" = old."id";
END;

CREATE TRIGGER "Reference_search_insert" AFTER INSERT ON "Reference" BEGIN
    UPDATE "SearchDoc" SET "body" = (SELECT g."prompt" FROM "Generation" g WHERE g."id" = new."generationId") || ' ' || coalesce((
        SELECT group_concat(coalesce(r."name", '') || ' ' || coalesce(r."elementName", ''), ' ')
        FROM "Reference" r WHERE r."generationId" = new."generationId"), '')
    WHERE "generationId" = new."generationId"
      AND EXISTS (SELECT 1 FROM "Generation" g WHERE g."id" = new."generationId");
END;

CREATE TRIGGER "Reference_search_update" AFTER UPDATE OF "name", "elementName" ON "Reference" BEGIN
    UPDATE "SearchDoc" SET "body" = (SELECT g."prompt" FROM "Generation" g WHERE g."id" = new."generationId") || ' ' || coalesce((
        SELECT group_concat(coalesce(r."name", '') || ' ' || coalesce(r."elementName", ''), ' ')
        FROM "Reference" r WHERE r."generationId" = new."generationId"), '')
    WHERE "generationId" = new."generationId"
      AND EXISTS (SELECT 1 FROM "Generation" g WHERE g."id" = new."generationId");
END;

CREATE TRIGGER "Reference_search_delete" AFTER DELETE ON "Reference" BEGIN
    UPDATE "SearchDoc" SET "body" = (SELECT g."prompt" FROM "Generation" g WHERE g."id" = old."generationId") || ' ' || coalesce((
        SELECT group_concat(coalesce(r."name", '') || ' ' || coalesce(r."elementName", ''), ' ')
        FROM "Reference" r WHERE r."generationId" = old."generationId"), '')
    WHERE "generationId" = old."generationId"
      AND EXISTS (SELECT 1 FROM "Generation" g WHERE g."id" = old."generationId");
END;

-- Existing generations: one document each (the SearchDoc trigger fills the index).
INSERT INTO "SearchDoc" ("generationId", "body")
SELECT g."id", g."prompt" || ' ' || coalesce((
    SELECT group_concat(coalesce(r."name", '') || ' ' || coalesce(r."elementName", ''), ' ')
    FROM "Reference" r WHERE r."generationId" = g."id"), '')
FROM "Generation" g;
