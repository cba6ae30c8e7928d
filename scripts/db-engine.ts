import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";

const require = createRequire(import.meta.url);
let instantiated: Promise<void> | undefined;

/**
 * Node 20 cannot `import` a .wasm file (the package's entry does), so the module is
 * instantiated by hand against its generated JS glue, once per process.
 */
function instantiateWasm(): Promise<void> {
  instantiated ??= (async () => {
    // The package exports only its JS; the .wasm sits beside the glue file.
    const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const wasmPath = gluePath.replace(/\.js$/, ".wasm");
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
      "./schema_engine_bg.js": bindings as unknown as WebAssembly.ModuleImports,
    });
    const exports = instance.exports as WebAssembly.Exports & { __wbindgen_start: () => void };
    bindings.__wbg_set_wasm(exports);
    exports.__wbindgen_start();
  })();
  return instantiated;
}

/** A schema engine talking to the database through a Prisma driver adapter. */
export async function openSchemaEngine(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  schema?: { path: string; content: string },
): Promise<SchemaEngine> {
  await instantiateWasm();
  const log = (message: string) => {
    if (/"level":"(ERROR|WARN)"/.test(message)) console.warn(message);
  };
  return bindings.SchemaEngine.new(
    { datamodels: schema ? [[schema.path, schema.content]] : undefined },
    log,
    bindMigrationAwareSqlAdapterFactory(adapterFactory),
  );
}
