import { execFile, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lockDataDir } from "../../src/cli/data-dir-lock";

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

  it("does not count a reused pid as the dead owner alive, but gives way to a live one", () => {
    const dataDir = join(dir, "reused");
    const lock = join(dataDir, "jixiao.lock");
    const parent = process.ppid;
    const started = readFileSync(`/proc/${parent}/stat`, "utf8").split(") ")[1]!.split(" ")[19];
    lockDataDir(dataDir)();
    writeFileSync(lock, `${parent} ${started}`);
    expect(() => lockDataDir(dataDir)).toThrow(`正被进程 ${parent} 使用`);
    writeFileSync(lock, String(parent)); // a lock written before start times were recorded
    expect(() => lockDataDir(dataDir)).toThrow(`正被进程 ${parent} 使用`);
    // The same pid, started at another time: another program now has the dead server's pid.
    writeFileSync(lock, `${parent} 1`);
    const unlock = lockDataDir(dataDir);
    expect(readFileSync(lock, "utf8")).toMatch(new RegExp(`^${process.pid} \\d+ \\S+/\\S+$`));
    unlock();
    expect(existsSync(lock)).toBe(false);
  });

  it("gives way to a lock of another host or container, whose pid means nothing here", () => {
    const dataDir = join(dir, "elsewhere");
    const lock = join(dataDir, "jixiao.lock");
    lockDataDir(dataDir)();
    // Two containers sharing the volume both run their server as pid 1.
    writeFileSync(lock, "1 123456 other-container/4026532000");
    expect(() => lockDataDir(dataDir)).toThrow("另一台主机或容器");
    expect(readFileSync(lock, "utf8")).toBe("1 123456 other-container/4026532000");
  });

  it("clears a takeover left by a process that died in the middle of one", () => {
    const dataDir = join(dir, "takeover");
    lockDataDir(dataDir)();
    writeFileSync(join(dataDir, "jixiao.lock"), "999999");
    writeFileSync(join(dataDir, "jixiao.lock.takeover"), "999998");
    lockDataDir(dataDir)();
    expect(existsSync(join(dataDir, "jixiao.lock.takeover"))).toBe(false);
    expect(existsSync(join(dataDir, "jixiao.lock"))).toBe(false);
  });

  it("gives a dead owner's lock to one process at a time, however many start at once", async () => {
    const dataDir = join(dir, "crowd");
    lockDataDir(dataDir)();
    for (let round = 0; round < 3; round++) {
      writeFileSync(join(dataDir, "jixiao.lock"), "999999");
      const runs = await Promise.all(
        Array.from(
          { length: 6 },
          () =>
            new Promise<{ from?: number; to?: number; refused?: string }>((resolve, reject) =>
              execFile(process.execPath, ["test/crash/lock-holder.mjs", dataDir, "400"], (err, out) =>
                err ? reject(err) : resolve(JSON.parse(out)),
              ),
            ),
        ),
      );
      const held = runs.filter((r) => r.from !== undefined).sort((a, b) => a.from! - b.from!);
      expect(held.length).toBeGreaterThanOrEqual(1);
      for (let i = 1; i < held.length; i++) expect(held[i]!.from!).toBeGreaterThanOrEqual(held[i - 1]!.to!);
      for (const r of runs) if (r.refused) expect(r.refused).toContain("只允许一个进程");
      expect(existsSync(join(dataDir, "jixiao.lock"))).toBe(false);
    }
  }, 60_000);
});
