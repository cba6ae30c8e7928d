import path from "node:path";
import { describe, expect, it } from "vitest";
import { readEnv, SIMULATOR_KEY } from "@/lib/env";

describe("readEnv", () => {
  it("runs in demo mode with nothing set", () => {
    const env = readEnv({});
    expect(env.demoMode).toBe(true);
    expect(env.cometBaseUrl).toBe("http://127.0.0.1:3000/api/simulator");
    expect(env.cometBearer).toBe(SIMULATOR_KEY);
    expect(env.database.provider).toBe("sqlite");
    expect(env.mediaDir).toBe(path.resolve("data/media"));
  });

  it("talks to CometAPI when a key is set", () => {
    const env = readEnv({ COMETAPI_KEY: "sk-live-123" });
    expect(env.demoMode).toBe(false);
    expect(env.cometBaseUrl).toBe("https://api.cometapi.com");
    expect(env.cometBearer).toBe("sk-live-123");
  });

  it("accepts Prisma's SQLite form and PostgreSQL URLs", () => {
    expect(readEnv({ DATABASE_URL: "file:./tmp/x.db" }).database).toEqual({
      provider: "sqlite",
      url: `file:${path.resolve("tmp/x.db")}`,
      filePath: path.resolve("tmp/x.db"),
    });
    expect(readEnv({ DATABASE_URL: "postgres://u@h:5432/db" }).database.provider).toBe("postgres");
    expect(readEnv({ DATABASE_URL: "postgresql://u@h/db" }).database.provider).toBe("postgres");
  });

  it("refuses an unknown database URL with a clear message", () => {
    expect(() => readEnv({ DATABASE_URL: "mysql://x" })).toThrow(/file:<path>.*postgres/);
  });

  it("treats empty values as unset and trims trailing slashes", () => {
    const env = readEnv({ COMETAPI_KEY: "", COMETAPI_BASE_URL: "http://127.0.0.1:4010/" });
    expect(env.demoMode).toBe(true);
    expect(env.cometBaseUrl).toBe("http://127.0.0.1:4010");
  });
});
