import { afterEach, describe, expect, it } from "vitest";
import { IMPORT_SPECS } from "../../core/imports/spec";
import { UploadPool } from "./pool";

const execution = IMPORT_SPECS.execution;
const small = Buffer.from("预算年度,项目编码,月份,支付数（元）\n2024,P1,1,100\n", "utf8");
/** 9 MB of CSV: about 300,000 cells once read, far more than a few MB of heap can hold. */
const heavy = Buffer.from(
  `预算年度,项目编码,月份,支付数（元）\n${"2024,P000000001,12,100000000\n".repeat(90_000)}`,
  "utf8",
);

let pools: UploadPool[] = [];
const pool = (options: ConstructorParameters<typeof UploadPool>[0]) => {
  const p = new UploadPool(options);
  pools.push(p);
  return p;
};
afterEach(async () => {
  await Promise.all(pools.map((p) => p.close()));
  pools = [];
});

describe("the upload worker pool", () => {
  it("reads a file in a worker and answers its rows", async () => {
    const t = await pool({}).run({ op: "table", input: { bytes: small, fileName: "a.csv" }, spec: execution });
    expect(t.rows).toEqual([
      { rowNumber: 2, cells: { fiscalYear: "2024", projectCode: "P1", month: "1", executed: "100" } },
    ]);
  });

  it("ends a worker that runs out of its heap with a clear error, and the next file reads", async () => {
    const p = pool({ size: 1, memoryMb: 16 });
    await expect(
      p.run({ op: "table", input: { bytes: heavy, fileName: "heavy.csv" }, spec: execution }),
    ).rejects.toMatchObject({ kind: "too_large", code: "IMPORT_FILE_TOO_COMPLEX" });
    const t = await p.run({ op: "table", input: { bytes: small, fileName: "a.csv" }, spec: execution });
    expect(t.rows).toHaveLength(1);
  });

  it("ends a read that passes its deadline, and the next file reads", async () => {
    const p = pool({ size: 1, timeoutMs: 1 });
    await expect(
      p.run({ op: "table", input: { bytes: heavy, fileName: "heavy.csv" }, spec: execution }),
    ).rejects.toMatchObject({ code: "IMPORT_TIMEOUT" });
  });

  it("ends idle workers and reads the next file in a new one", async () => {
    const p = pool({ size: 1, idleMs: 10 });
    const job = { op: "table" as const, input: { bytes: small, fileName: "a.csv" }, spec: execution };
    expect((await p.run(job)).rows).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 50));
    expect((await p.run(job)).rows).toHaveLength(1);
  });

  it("lets one account read one file at a time, so it cannot hold every worker", async () => {
    const p = pool({ size: 2 });
    const job = { op: "table" as const, input: { bytes: heavy, fileName: "h.csv" }, spec: execution };
    const results = await Promise.allSettled([p.run(job, "user:7"), p.run(job, "user:7"), p.run(job, "user:8")]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect((results[1] as PromiseRejectedResult).reason).toMatchObject({
      kind: "rate_limited",
      code: "UPLOAD_IN_PROGRESS",
    });
    // Once done, the account may send the next one.
    expect((await p.run(job, "user:7")).rows.length).toBeGreaterThan(0);
  });

  it("queues files beyond its workers and refuses them beyond the queue", async () => {
    const p = pool({ size: 1, maxQueue: 1 });
    const job = { op: "table" as const, input: { bytes: small, fileName: "a.csv" }, spec: execution };
    const results = await Promise.allSettled([p.run(job), p.run(job), p.run(job)]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "rejected"]);
    expect((results[2] as PromiseRejectedResult).reason).toMatchObject({ kind: "unavailable", code: "UPLOAD_BUSY" });
  });
});
