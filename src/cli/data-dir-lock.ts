import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";

/**
 * The embedded database allows one process per data dir. The lock file is created atomically (O_EXCL)
 * before the database is opened, so of two processes starting at once exactly one gets it. A lock left
 * by a process that died is taken over by moving it aside (an atomic rename only one process can win)
 * and checking that what was moved was that dead process's lock.
 */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "jixiao.lock");
  const mine = String(process.pid);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, mine);
      closeSync(fd);
      return () => {
        if (readPid(file) === process.pid) rmSync(file, { force: true });
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    const holder = readPid(file);
    if (holder !== null && holder !== process.pid && isAlive(holder)) throw busy(dir, holder);
    const aside = `${file}.${process.pid}.stale`;
    try {
      renameSync(file, aside);
    } catch {
      continue; // another process moved it first: try again
    }
    const moved = readPid(aside);
    rmSync(aside, { force: true });
    if (moved !== holder && moved !== null && isAlive(moved)) {
      // We moved a live process's fresh lock: put it back and give way.
      try {
        const fd = openSync(file, "wx");
        writeSync(fd, String(moved));
        closeSync(fd);
      } catch {}
      throw busy(dir, moved);
    }
  }
  throw new Error(`无法锁定数据目录 ${dir}，请稍后重试`);
}

const busy = (dir: string, pid: number) =>
  new Error(
    `数据目录 ${dir} 正被进程 ${pid} 使用（内嵌数据库只允许一个进程）。请先停止该进程，或设置 DATABASE_URL 使用 PostgreSQL。`,
  );

function readPid(file: string): number | null {
  try {
    const pid = Number(readFileSync(file, "utf8"));
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
