/**
 * Runs in the browser before any page module. Zod compiles its object parsers with
 * `new Function` where it may, and finds out whether it may by trying once, when the first
 * object schema is built. Under the page CSP (script-src without 'unsafe-eval') the try is
 * refused and the browser reports a CSP violation on every page that builds a schema (the
 * composer's). Zod is told here, before any schema exists, to use its plain parser.
 *
 * Zod keeps its configuration on `globalThis.__zod_globalConfig` (zod/v4/core/core.js) and
 * fills in what is already there, so no zod code has to ship with every page for this;
 * `z.config({ jitless: true })` would add about 5 KB (gzip) to each. Should zod move it,
 * the CSP check in tests/e2e/auth.spec.ts fails.
 */
const holder = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
holder.__zod_globalConfig = { ...holder.__zod_globalConfig, jitless: true };
