import { request } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../../src/server/app";
import { freshDb, type TestDb } from "../support/db";

/**
 * A caller without access is answered before its body is read: nobody can make the server buffer 10 MB
 * uploads (or hold them on stalled connections) without signing in.
 */
let db: TestDb;
let app: Awaited<ReturnType<typeof buildServer>>["app"];
let port: number;
beforeAll(async () => {
  db = await freshDb("empty");
  ({ app } = await buildServer({ db, logLevel: "silent" }));
  await app.listen({ port: 0, host: "127.0.0.1" });
  port = (app.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await app.close();
  await db.dispose();
});

/** Sends the headers of a 10 MB upload and 1 MB of it, then waits: resolves with the status if one arrives. */
function stalledUpload(path: string): Promise<number | "no answer"> {
  return new Promise((resolve) => {
    const req = request({
      host: "127.0.0.1",
      port,
      method: "POST",
      path,
      headers: { "content-type": "application/octet-stream", "content-length": String(10 * 1024 * 1024) },
    });
    const timer = setTimeout(() => {
      req.destroy();
      resolve("no answer");
    }, 3_000);
    req.on("response", (res) => {
      clearTimeout(timer);
      res.resume();
      req.destroy();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", () => undefined);
    req.write(Buffer.alloc(1024 * 1024, 0x41));
  });
}

describe("access before the body", () => {
  it("answers 401 to an unsigned upload while its body is still arriving", async () => {
    expect(await stalledUpload("/api/v1/imports/projects?mode=preview")).toBe(401);
    expect(await stalledUpload("/api/v1/goals/tables/import?mode=preview")).toBe(401);
  });
});
