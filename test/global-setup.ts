/** Builds the migrated PGlite template once per test run; API tests clone it (see test/support/db.ts). */
export { setup } from "./support/template";
