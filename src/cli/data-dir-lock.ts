import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The embedded database allows one process per data dir. The lock file is created atomically, content and
 * all (written aside, then hard-linked into place, which fails if the lock exists), before the database is
 * opened, so of two processes starting at once exactly one gets it and nobody reads a half-written lock.
 *
 * A lock names its owner by pid and the process's start time, so a pid reused by another program does not
 * keep a dead server's lock alive. Only a process holding the takeover lock may remove a dead owner's lock,
 * and it re-reads the lock first: a fresh lock another process just took is never removed. A takeover lock
 * is held for a few file operations; one left by a process that died then is moved aside and checked.
 */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "jixiao.lock");
  const takeover = join(dir, "jixiao.lock.takeover");
  const mine = ownerOf(process.pid);
  for (let attempt = 0; attempt < 50; attempt++) {
    if (createWith(file, mine)) return () => (read(file) === mine ? rmSync(file, { force: true }) : undefined);
    const held = read(file);
    if (held === null) continue; // released meanwhile
    const owner = parseOwner(held);
    if (owner && isAlive(owner)) throw busy(dir, owner.pid);
    if (createWith(takeover, mine)) {
      try {
        if (read(file) === held) rmSync(file, { force: true });
      } finally {
        rmSync(takeover, { force: true });
      }
      continue;
    }
    const taker = read(takeover);
    const takerOwner = taker === null ? null : parseOwner(taker);
    if (taker !== null && !(takerOwner && isAlive(takerOwner))) removeIfStill(takeover, taker);
    else pause(20); // another process is taking over: see what it did
  }
  throw new Error(`无法锁定数据目录 ${dir}，请稍后重试`);
}

const busy = (dir: string, pid: number) =>
  new Error(
    `数据目录 ${dir} 正被进程 ${pid} 使用（内嵌数据库只允许一个进程）。请先停止该进程，或设置 DATABASE_URL 使用 PostgreSQL。`,
  );

/** Creates `file` holding `content`, or answers false if it exists. */
function createWith(file: string, content: string): boolean {
  const temp = `${file}.${process.pid}.new`;
  writeFileSync(temp, content);
  try {
    linkSync(temp, file);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    return false;
  } finally {
    rmSync(temp, { force: true });
  }
}

/** Removes `file` if it still holds `content`; a newer file moved aside by mistake is put back. */
function removeIfStill(file: string, content: string): void {
  const aside = `${file}.${process.pid}.stale`;
  try {
    renameSync(file, aside);
  } catch {
    return; // gone already
  }
  if (read(aside) !== content) {
    try {
      linkSync(aside, file);
    } catch {}
  }
  rmSync(aside, { force: true });
}

function read(file: string): string | null {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

interface Owner {
  pid: number;
  /** The process's start time in clock ticks since boot (Linux), to tell a reused pid apart. */
  started: string | null;
}

const ownerOf = (pid: number): string => [pid, startTime(pid)].filter((v) => v !== null).join(" ");

function parseOwner(text: string): Owner | null {
  const [pid, started] = text.trim().split(" ");
  const n = Number(pid);
  return Number.isInteger(n) && n > 0 ? { pid: n, started: started ?? null } : null;
}

function isAlive(owner: Owner): boolean {
  try {
    process.kill(owner.pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const now = startTime(owner.pid);
  return owner.started === null || now === null || now === owner.started;
}

/** Field 22 of /proc/<pid>/stat; null where there is no /proc. The name (field 2) may hold spaces. */
function startTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
