import path from "node:path";
import { describe, expect, it } from "vitest";
import { readEnv } from "@/lib/env";

describe("readEnv", () => {
  it("runs in demo mode with nothing set", () => {
    const env = readEnv({});
    expect(env.demoMode).toBe(true);
    expect(env.cometBaseUrl).toBe("http://127.0.0.1:3000/api/simulator");
    // The built-in simulator's key: random per process, never a constant in the source.
    expect(env.cometBearer).toBe(env.simulator.key);
    expect(env.cometBearer).toMatch(/^sk-sim-[A-Za-z0-9_-]{32}$/);
    expect(readEnv({}).simulator.key).toBe(env.simulator.key);
    expect(readEnv({ SIMULATOR_KEY: "sk-chosen" }).cometBearer).toBe("sk-chosen");
    expect(env.database.provider).toBe("sqlite");
    expect(env.mediaDir).toBe(path.resolve("data/media"));
  });

  it("talks to CometAPI when a key is set", () => {
    const env = readEnv({ COMETAPI_KEY: "sk-live-123" });
    expect(env.demoMode).toBe(false);
    expect(env.cometBaseUrl).toBe("https://api.cometapi.com");
    expect(env.cometBearer).toBe("sk-live-123");
  });

  it("lets the built-in simulator call back over loopback, whatever PUBLIC_BASE_URL says", () => {
    expect(readEnv({}).callbackBaseUrl).toBe("http://127.0.0.1:3000");
    expect(
      readEnv({ PORT: "3456", PUBLIC_BASE_URL: "https://studio.example" }).callbackBaseUrl,
    ).toBe("http://127.0.0.1:3456");
    // A real provider (or a simulator elsewhere) can only reach the public address, if any.
    expect(readEnv({ COMETAPI_KEY: "k" }).callbackBaseUrl).toBeUndefined();
    expect(
      readEnv({ COMETAPI_KEY: "k", PUBLIC_BASE_URL: "https://studio.example/" }).callbackBaseUrl,
    ).toBe("https://studio.example");
    expect(readEnv({ COMETAPI_BASE_URL: "http://127.0.0.1:4010" }).callbackBaseUrl).toBeUndefined();
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
