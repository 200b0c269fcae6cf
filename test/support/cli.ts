import { spawn } from "node:child_process";

/** Runs `jixiao …` on an embedded database directory (no DATABASE_URL), collecting its output. */
export function runCli(
  args: string[],
  dataDir: string | null,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { DATABASE_URL: _db, ...env } = process.env;
  const child = spawn(process.execPath, ["bin/jixiao.mjs", ...args], {
    env: { ...env, ...(dataDir ? { JIXIAO_DATA_DIR: dataDir } : {}) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c: Buffer) => {
    stdout += c.toString();
  });
  child.stderr.on("data", (c: Buffer) => {
    stderr += c.toString();
  });
  return new Promise((resolve) => child.once("close", (code) => resolve({ code, stdout, stderr })));
}
