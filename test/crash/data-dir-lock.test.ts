import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

/** One process per embedded data dir, however they start: the lock is taken atomically before opening. */
const dir = mkdtempSync(join(tmpdir(), "jixiao-lock-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `jixiao <args>` on the data dir; resolves with its exit code and output. */
function jixiao(dataDir: string, args: string[]) {
  const child = spawn(process.execPath, ["bin/jixiao.mjs", ...args], {
    env: { ...process.env, JIXIAO_DATA_DIR: dataDir, JIXIAO_DEMO: "0", PORT: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (b: Buffer) => {
    out += b.toString();
  });
  child.stderr.on("data", (b: Buffer) => {
    out += b.toString();
  });
  const done = new Promise<{ code: number | null; out: string }>((resolve) =>
    child.on("exit", (code) => resolve({ code, out })),
  );
  return { child, done, output: () => out };
}

describe("the data dir lock", () => {
  it("lets exactly one of two processes started at once open the database", async () => {
    const dataDir = join(dir, "race");
    const [a, b] = [jixiao(dataDir, ["serve"]), jixiao(dataDir, ["serve"])];
    // The loser exits with the lock message; the winner keeps serving until stopped.
    const first = await Promise.race([a.done.then((r) => ({ r, other: b })), b.done.then((r) => ({ r, other: a }))]);
    expect(first.r.code).not.toBe(0);
    expect(first.r.out).toContain("正被进程");
    expect(first.r.out).toContain("只允许一个进程");
    const winner = first.other;
    expect(winner.child.exitCode).toBeNull();
    winner.child.kill("SIGTERM");
    await winner.done;
  }, 60_000);

  it("takes over a lock left by a process that died, and removes its own on exit", async () => {
    const dataDir = join(dir, "stale");
    const first = jixiao(dataDir, ["migrate"]);
    expect((await first.done).code).toBe(0);
    const lock = join(dataDir, "jixiao.lock");
    expect(existsSync(lock)).toBe(false);
    writeFileSync(lock, "999999"); // a pid no process has
    const again = jixiao(dataDir, ["migrate"]);
    const result = await again.done;
    expect(result.code, result.out).toBe(0);
    expect(existsSync(lock)).toBe(false);
    expect(readFileSync(join(dataDir, "PG_VERSION"), "utf8").trim()).toMatch(/^\d+$/);
  }, 60_000);
});
