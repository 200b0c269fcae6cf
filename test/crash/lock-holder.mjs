// Takes the data dir lock, holds it for a moment and releases it, printing when (for the lock race test).
import { register } from "tsx/esm/api";

register();
const { lockDataDir } = await import("../../src/cli/data-dir-lock.ts");
const [dir, holdMs] = process.argv.slice(2);
try {
  const unlock = lockDataDir(dir);
  const from = Date.now();
  await new Promise((r) => setTimeout(r, Number(holdMs)));
  const to = Date.now();
  unlock();
  process.stdout.write(JSON.stringify({ from, to }));
} catch (e) {
  process.stdout.write(JSON.stringify({ refused: String(e.message) }));
}
