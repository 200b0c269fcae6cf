// Fails when the schema (src/db/schema/) has changes that no committed migration contains.
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const committed = join(root, "src/db/migrations");
const scratch = mkdtempSync(join(tmpdir(), "jixiao-migrations-"));
try {
  cpSync(committed, scratch, { recursive: true });
  const before = readdirSync(scratch).length;
  execFileSync(
    join(root, "node_modules/.bin/drizzle-kit"),
    ["generate", "--dialect=postgresql", "--schema=./src/db/schema/index.ts", `--out=${scratch}`, "--name=pending"],
    { cwd: root, stdio: "pipe" },
  );
  const after = readdirSync(scratch).filter((f) => f.endsWith(".sql"));
  if (after.some((f) => f.includes("pending")) || readdirSync(scratch).length !== before) {
    console.error(
      "The schema has changes without a migration: run `npm run db:generate -- --name <what>` and commit it.",
    );
    process.exit(1);
  }
  console.log("migrations: current");
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
