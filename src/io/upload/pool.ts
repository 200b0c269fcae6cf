import { Worker } from "node:worker_threads";
import { isErrorCode } from "../../core/error-codes";
import { AppError, type ErrorKind } from "../../core/errors";
import type { UploadJob, UploadResult } from "./jobs";

/**
 * Uploaded files are read in worker threads with their own heap limit and a deadline, so no file, however
 * crafted, can exhaust the server's memory or hold its event loop: a worker that runs out of memory or
 * time is terminated and the upload answered with a clear error, while the API goes on serving.
 * Workers are kept for the next upload and end after a minute idle.
 */
export interface UploadPoolOptions {
  /** Workers reading at once (files beyond wait in the queue). */
  size?: number;
  /** Files waiting beyond this are refused with 503: each holds its bytes in memory. */
  maxQueue?: number;
  /** Files one account may have reading or waiting at once (beyond: 429), so nobody holds every worker. */
  maxPerOwner?: number;
  timeoutMs?: number;
  /** Heap limit of each worker (old generation). */
  memoryMb?: number;
  idleMs?: number;
}

interface Pending {
  id: number;
  job: UploadJob;
  owner: string | undefined;
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer?: NodeJS.Timeout;
  /** Why the worker is being ended, when it is (time, memory, a crash). */
  failure?: Error;
}

interface Slot {
  worker: Worker;
  job: Pending | null;
  idle?: NodeJS.Timeout;
}

const tooComplex = () =>
  new AppError(
    "too_large",
    "IMPORT_FILE_TOO_COMPLEX",
    "文件过大或过于复杂，读取时超出了服务器为单个文件设定的内存上限；请删除无关内容或拆分后分批导入",
  );

export class UploadPool {
  private readonly slots = new Set<Slot>();
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private readonly perOwner = new Map<string, number>();
  private readonly maxPerOwner: number;
  private readonly size: number;
  private readonly maxQueue: number;
  private readonly timeoutMs: number;
  private readonly memoryMb: number;
  private readonly idleMs: number;

  constructor(options: UploadPoolOptions = {}) {
    this.size = options.size ?? 2;
    this.maxQueue = options.maxQueue ?? 16;
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.memoryMb = options.memoryMb ?? 512;
    this.idleMs = options.idleMs ?? 60_000;
    this.maxPerOwner = options.maxPerOwner ?? 1;
  }

  /** Reads `job` in a worker; `owner` (an account) may have `maxPerOwner` files in the pool at once. */
  run<J extends UploadJob>(job: J, owner?: string): Promise<UploadResult<J>> {
    return new Promise((resolve, reject) => {
      if (owner !== undefined) {
        const held = this.perOwner.get(owner) ?? 0;
        if (held >= this.maxPerOwner)
          return reject(
            new AppError("rate_limited", "UPLOAD_IN_PROGRESS", "您上传的上一个文件还在读取，请等它完成后再上传", {
              retryAfterSeconds: 10,
            }),
          );
        this.perOwner.set(owner, held + 1);
      }
      const release = () => {
        if (owner === undefined) return;
        const left = (this.perOwner.get(owner) ?? 1) - 1;
        if (left > 0) this.perOwner.set(owner, left);
        else this.perOwner.delete(owner);
      };
      const pending: Pending = {
        id: this.nextId++,
        job,
        owner,
        resolve: (v) => {
          release();
          resolve(v as UploadResult<J>);
        },
        reject: (e) => {
          release();
          reject(e);
        },
      };
      const free = [...this.slots].find((s) => s.job === null);
      if (free) this.dispatch(free, pending);
      else if (this.slots.size < this.size) this.dispatch(this.spawn(), pending);
      else if (this.queue.length < this.maxQueue) this.queue.push(pending);
      else
        pending.reject(
          new AppError("unavailable", "UPLOAD_BUSY", "服务器正在处理较多的上传文件，请稍后再试", {
            retryAfterSeconds: 10,
          }),
        );
    });
  }

  /** Ends every worker; waiting and running reads fail. */
  async close(): Promise<void> {
    for (const p of this.queue.splice(0)) p.reject(new Error("upload reader closed"));
    await Promise.all([...this.slots].map((s) => s.worker.terminate()));
    this.slots.clear();
  }

  private spawn(): Slot {
    const worker = new Worker(new URL("./worker.mjs", import.meta.url), {
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: this.memoryMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
    });
    const slot: Slot = { worker, job: null };
    this.slots.add(slot);
    worker.on("message", (msg: { id?: number; ok?: boolean; result?: unknown; error?: SerializedError }) => {
      const job = slot.job;
      if (msg.id === undefined || !job || job.id !== msg.id) return;
      this.finish(slot);
      if (msg.ok) job.resolve(msg.result);
      else job.reject(revive(msg.error!));
    });
    worker.on("error", (err: Error & { code?: string }) => {
      if (slot.job && !slot.job.failure)
        slot.job.failure = err.code === "ERR_WORKER_OUT_OF_MEMORY" ? tooComplex() : err;
    });
    worker.on("exit", () => {
      this.slots.delete(slot);
      clearTimeout(slot.idle);
      const job = slot.job;
      if (job) {
        clearTimeout(job.timer);
        slot.job = null;
        job.reject(job.failure ?? tooComplex());
      }
      this.drain();
    });
    return slot;
  }

  private dispatch(slot: Slot, pending: Pending): void {
    clearTimeout(slot.idle);
    slot.job = pending;
    slot.worker.ref();
    pending.timer = setTimeout(() => {
      pending.failure = new AppError(
        "too_large",
        "IMPORT_TIMEOUT",
        `读取文件超过 ${Math.round(this.timeoutMs / 1000)} 秒仍未完成，文件可能过于复杂；请删除无关内容或拆分后分批导入`,
      );
      void slot.worker.terminate();
    }, this.timeoutMs);
    slot.worker.postMessage({ id: pending.id, job: pending.job });
  }

  private finish(slot: Slot): void {
    clearTimeout(slot.job?.timer);
    slot.job = null;
    const next = this.queue.shift();
    if (next) {
      this.dispatch(slot, next);
      return;
    }
    slot.worker.unref();
    slot.idle = setTimeout(() => {
      // Out of the pool first, so no upload is handed to a worker that is ending.
      this.slots.delete(slot);
      void slot.worker.terminate();
    }, this.idleMs);
    slot.idle.unref();
  }

  /** After a worker ended, the queue moves on with a new one. */
  private drain(): void {
    while (this.queue.length > 0 && this.slots.size < this.size) this.dispatch(this.spawn(), this.queue.shift()!);
  }
}

interface SerializedError {
  kind: ErrorKind | "internal";
  code: string;
  message: string;
  details?: unknown;
}

function revive(e: SerializedError): Error {
  if (e.kind === "internal" || !isErrorCode(e.code)) return new Error(`upload reader: ${e.message}`);
  return new AppError(e.kind, e.code, e.message, e.details);
}

/** The server's and the CLI's reader. */
export const uploadPool = new UploadPool();
