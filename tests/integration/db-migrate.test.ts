import { execFile } from "node:child_process";
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { MigrationConflictError, migrateDatabase } from "@/lib/db/migrate";
import { readMigrationFiles, resolveMigrationsDir } from "@/lib/db/migration-files";
import { getEnv } from "@/lib/env";
import {
  queryTestDatabase,
  type TestDatabase,
  type TestDatabaseProvider,
  testPostgresUrl,
  useTestDatabase,
} from "../helpers/db-test-env";

const run = promisify(execFile);

type MigrationRow = {
  id: string;
  checksum: string;
  migration_name: string;
  finished_at: unknown;
  rolled_back_at: unknown;
  logs: unknown;
  started_at: unknown;
  applied_steps_count: number | bigint;
};

const cases: { provider: TestDatabaseProvider; skip: boolean }[] = [
  { provider: "sqlite", skip: false },
  { provider: "postgres", skip: testPostgresUrl() === undefined },
];

for (const { provider, skip } of cases) {
  describe.skipIf(skip)(`migrateDatabase on ${provider}`, () => {
    let db: TestDatabase | undefined;
    afterEach(async () => {
      await db?.cleanup();
      db = undefined;
    });

    const fresh = async () => {
      db = await useTestDatabase(provider, { migrate: false });
    };
    const files = () => readMigrationFiles(resolveMigrationsDir(provider));
    const rows = () =>
      queryTestDatabase<MigrationRow>(
        `SELECT * FROM "_prisma_migrations" ORDER BY migration_name, started_at`,
      );

    it("migrates an empty database, and a rerun changes nothing", async () => {
      await fresh();
      const committed = await files();
      expect(committed.length).toBeGreaterThan(0);

      const first = await migrateDatabase();
      expect(first).toEqual({ provider, applied: committed.map((file) => file.name) });
      const tables = await queryTestDatabase<{ n: number | bigint }>(
        `SELECT count(*) AS n FROM "Generation"`,
      );
      expect(Number(tables[0]?.n)).toBe(0);

      const before = await rows();
      expect(await migrateDatabase()).toEqual({ provider, applied: [] });
      expect(await rows()).toEqual(before);
    });

    it("records _prisma_migrations rows as prisma migrate deploy does", async () => {
      await fresh();
      await migrateDatabase();
      const committed = await files();
      const recorded = await rows();
      expect(recorded.map((row) => [row.migration_name, row.checksum])).toEqual(
        committed.map((file) => [file.name, file.checksum]),
      );
      for (const row of recorded) {
        expect(row.id).toMatch(
          /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
        );
        expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
        expect(row.finished_at).not.toBeNull();
        expect(row.started_at).not.toBeNull();
        expect(row.rolled_back_at).toBeNull();
        expect(row.logs).toBeNull();
        expect(Number(row.applied_steps_count)).toBe(1);
      }
    });

    it("two concurrent runs apply each migration once", async () => {
      await fresh();
      const results = await Promise.all([migrateDatabase(), migrateDatabase()]);
      const applied = results.flatMap((result) => result.applied).sort();
      expect(applied).toEqual((await files()).map((file) => file.name));
      expect((await rows()).length).toBe(applied.length);
    });

    it("two concurrent processes apply each migration once", async () => {
      await fresh();
      const url = getEnv().database.url;
      const migrate = () =>
        run(process.execPath, [tsxCli(), "--conditions=react-server", "scripts/db-migrate.ts"], {
          env: { ...process.env, DATABASE_URL: url },
        });
      const outputs = await Promise.all([migrate(), migrate()]);
      expect(outputs.map((output) => output.stdout).join("")).toMatch(/already up to date/);
      expect((await rows()).length).toBe((await files()).length);
    });

    it("makes generations from before Kling 3.0 Omni O1, without sound or storyboard", async () => {
      await fresh();
      const dir = await mkdtemp(path.join(os.tmpdir(), "omni-migrations-"));
      try {
        // The migrations as they stood before the v3 one, then a generation made then.
        await cp(resolveMigrationsDir(provider), dir, { recursive: true });
        const v3 = (await files()).findIndex((file) =>
          file.name.endsWith("_kling_v3_model_sound_shots"),
        );
        expect(v3).toBeGreaterThan(0);
        for (const later of (await files()).slice(v3)) {
          await rm(path.join(dir, later.name), { recursive: true });
        }
        await migrateDatabase(undefined, { migrationsDir: dir });
        await getDb().$executeRawUnsafe(
          `INSERT INTO "Generation" ("id", "updatedAt", "prompt", "mode", "duration", "status") VALUES ('gen_old', CURRENT_TIMESTAMP, 'A paper boat', 'std', '5', 'succeeded')`,
        );
        await migrateDatabase();
        const [row] = await queryTestDatabase<{ model: string; sound: unknown; shotType: unknown }>(
          `SELECT "model", "sound", "shotType" FROM "Generation" WHERE "id" = 'gen_old'`,
        );
        expect(row).toEqual({ model: "kling-video-o1", sound: null, shotType: null });
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });

    it("refuses when an applied migration's file has changed", async () => {
      await fresh();
      await migrateDatabase();
      const dir = await mkdtemp(path.join(os.tmpdir(), "omni-migrations-"));
      try {
        await cp(resolveMigrationsDir(provider), dir, { recursive: true });
        const first = (await files())[0];
        if (first === undefined) throw new Error("no migrations");
        await writeFile(path.join(dir, first.name, "migration.sql"), `${first.sql}\n-- edited\n`);
        const attempt = migrateDatabase(undefined, { migrationsDir: dir });
        await expect(attempt).rejects.toBeInstanceOf(MigrationConflictError);
        await expect(attempt).rejects.toThrow(/was changed after it was applied/);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  });
}

function tsxCli(): string {
  return path.resolve("node_modules", "tsx", "dist", "cli.mjs");
}
