import { config } from "zod/v4/core";

/**
 * Runs in the browser before any page module. Zod compiles its object parsers with
 * `new Function` where it may, and finds out whether it may by trying once, as each object
 * schema is built. Under the page CSP (script-src without 'unsafe-eval') the try is
 * refused and the browser reports a CSP violation on every page that builds a schema
 * (the composer's). Zod is told here, before any schema exists, to use its plain parser.
 */
config({ jitless: true });
