import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUnitOfWork } from "../../src/db/repos";
import { type TestApp, testApp } from "../support/app";

/** A year's on-site review draw is made once, by the server's own seed, whatever clients do. */
let t: TestApp;
let staff: string;
beforeAll(async () => {
  t = await testApp();
  staff = await t.login("staff");
});
afterAll(() => t.close());

const draw = (year: number, extra: Record<string, unknown> = {}) =>
  t.as(staff, "POST", "/api/v1/goals/review-draws", {
    year,
    count: 6,
    lookbackYears: 3,
    forced: [],
    excluded: [],
    ...extra,
  });

describe("the yearly review draw", () => {
  it("lets only one of two concurrent draws for a year through; the other answers 409", async () => {
    const results = await Promise.all([draw(2026), draw(2026), draw(2026)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    for (const r of results.filter((x) => x.statusCode === 409)) expect(r.json().error.code).toBe("DRAW_EXISTS");
    const rows = (await t.as(staff, "GET", "/api/v1/goals/review-draws?year=2026")).json().rows;
    expect(rows).toHaveLength(1);
  });

  it("is backed by a constraint: a second row for the year cannot be written even past the use case's check", async () => {
    const uow = createUnitOfWork(t.db);
    const [existing] = await uow.read.reviews.draws("450202", 2026);
    const insert = uow.transaction((repos) =>
      repos.reviews.insertDraw(
        "450202",
        {
          fiscalYear: 2026,
          algorithm: existing!.algorithm,
          params: existing!.params,
          population: existing!.population,
          result: existing!.result,
        },
        null,
      ),
    );
    await expect(insert).rejects.toMatchObject({ kind: "conflict", code: "DRAW_EXISTS" });
  });

  it("makes the seed itself, records how, and refuses one chosen by the caller", async () => {
    const chosen = await draw(2027, { seed: "我挑的种子" });
    expect(chosen.statusCode).toBe(400);
    expect(chosen.json().error.code).toBe("DRAW_SEED_NOT_ALLOWED");
    const made = await draw(2027);
    expect(made.statusCode).toBe(201);
    const { params } = made.json();
    expect(params.seed).toMatch(/^[0-9a-f]{32}$/);
    expect(params.seedMethod).toBe("server-random-128");
    const recorded = (await t.as(staff, "GET", "/api/v1/goals/review-draws?year=2027")).json().rows[0];
    expect(recorded.params).toMatchObject({ seed: params.seed, seedMethod: "server-random-128" });
    const replay = (await t.as(staff, "GET", `/api/v1/goals/review-draws/${recorded.id}/replay`)).json();
    expect(replay.matches).toBe(true);
  });
});
