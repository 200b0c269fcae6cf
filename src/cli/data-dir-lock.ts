import { linkSync, mkdirSync, readFileSync, readlinkSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";

/**
 * The embedded database allows one process per data dir. The lock file is created atomically, content and
 * all (written aside, then hard-linked into place, which fails if the lock exists), before the database is
 * opened, so of two processes starting at once exactly one gets it and nobody reads a half-written lock.
 *
 * A lock names its owner by pid, the process's start time, its host and pid namespace, so a pid reused by
 * another program does not keep a dead server's lock alive, and a lock of another container sharing the
 * volume (whose pid means nothing here) is never taken as dead. Only a process holding the takeover lock may remove a dead owner's lock,
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
    if (owner && isAlive(owner)) throw busy(dir, owner, file);
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

const busy = (dir: string, owner: Owner, file: string) =>
  new Error(
    owner.place !== null && owner.place !== PLACE
      ? `数据目录 ${dir} 正被另一台主机或容器（${owner.place}）上的进程 ${owner.pid} 使用（内嵌数据库只允许一个进程）。如确认该进程已停止，请删除 ${file} 后重试。`
      : `数据目录 ${dir} 正被进程 ${owner.pid} 使用（内嵌数据库只允许一个进程）。请先停止该进程，或设置 DATABASE_URL 使用 PostgreSQL。`,
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
  /** Where the pid means something: the host and the pid namespace (containers sharing a volume). */
  place: string | null;
}

/** Host name and pid namespace: two containers on one volume may both run their server as pid 1. */
const PLACE = `${hostname()}/${pidNamespace()}`;

const ownerOf = (pid: number): string => `${pid} ${startTime(pid) ?? "-"} ${PLACE}`;

function parseOwner(text: string): Owner | null {
  const [pid, started, place] = text.trim().split(" ");
  const n = Number(pid);
  if (!Number.isInteger(n) || n <= 0) return null;
  return { pid: n, started: started && started !== "-" ? started : null, place: place ?? null };
}

function isAlive(owner: Owner): boolean {
  // A pid of another host or container cannot be checked from here: count it alive, and say so.
  if (owner.place !== null && owner.place !== PLACE) return true;
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

function pidNamespace(): string {
  try {
    return readlinkSync("/proc/self/ns/pid").replace(/\D/g, "");
  } catch {
    return "-";
  }
}

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
