// The upload reader's worker thread: TypeScript through tsx, then one job per message (see pool.ts).
import { parentPort } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { runJob } = await import("./jobs.ts");

parentPort.on("message", async ({ id, job }) => {
  try {
    parentPort.postMessage({ id, ok: true, result: await runJob(job) });
  } catch (e) {
    const error =
      e && typeof e === "object" && e.name === "AppError"
        ? { kind: e.kind, code: e.code, message: e.message, details: e.details }
        : { kind: "internal", code: "INTERNAL", message: e instanceof Error ? e.message : String(e) };
    parentPort.postMessage({ id, ok: false, error });
  }
});
parentPort.postMessage({ ready: true });
