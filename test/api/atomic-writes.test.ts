import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorOf } from "../../src/app/auth/actor";
import { type Actor, type Deps, systemClock } from "../../src/app/context";
import { actOnGoalTable } from "../../src/app/goals/act-on-goal-table";
import { carryOverGoalTable } from "../../src/app/goals/carry-over";
import { getGoalTable } from "../../src/app/goals/get-goal-table";
import { createLibraryEntry } from "../../src/app/goals/library-create";
import { editLibraryEntry } from "../../src/app/goals/library-edit";
import { saveGoalTable } from "../../src/app/goals/save-goal-table";
import { createUnitOfWork } from "../../src/db/repos";
import { argon2Hasher } from "../../src/server/auth/password";
import { type TestApp, testApp } from "../support/app";
import { held, untilHeld } from "../support/held";

/**
 * A write re-checks, atomically, the state its use case checked: the interleavings below are made
 * deterministic by holding the use case's transaction until another write has committed.
 */
let t: TestApp;
let deps: Deps;
let unit: Actor;
let finance: Actor;
beforeAll(async () => {
  t = await testApp();
  deps = { uow: createUnitOfWork(t.db), clock: systemClock, hasher: argon2Hasher };
  const user = async (name: string) =>
    actorOf((await deps.uow.read.users.withOrg((await deps.uow.read.users.byUsername(name))!.id))!);
  [unit, finance] = [await user("unit"), await user("finance")];
});
afterAll(() => t.close());

/** Deps whose transactions wait until `open()`: the use case has made its checks, its write has not run. */

const scopeOfUnit = () => ({ kind: "own" as const, regionCode: unit.regionCode, orgId: unit.orgId });
const read = async (id: number) => (await deps.uow.read.goals.get(scopeOfUnit(), id))!;

/** A fresh draft of one of the unit's approved tables. */
async function draft(): Promise<number> {
  const list = await deps.uow.read.goals.list(scopeOfUnit(), { fiscalYear: 2024, status: "approved" }, 1, 1);
  const approved = list.rows[0]!;
  const revised = await actOnGoalTable(deps, unit, approved.id, {
    version: approved.version,
    action: "revise",
    comment: "测试",
  });
  return revised.id;
}

describe("a save, a carry-over or an action re-checks state and version in its write", () => {
  it("refuses a save whose pre-read is older than the version the client sent, after a submit got in between", async () => {
    const id = await draft();
    const before = await read(id);
    const slow = held(deps);
    // The client sends the version it expects after its own submit: the save must not ride on it.
    const saving = saveGoalTable(slow.deps, unit, id, {
      version: before.version + 1,
      overallGoal: before.table.overallGoal,
      indicators: [],
    }).catch((e: unknown) => e);
    await untilHeld(slow, saving);
    await actOnGoalTable(deps, unit, id, { version: before.version, action: "submit" });
    slow.open();
    expect(await saving).toMatchObject({ code: "STALE_VERSION" });
    const after = await read(id);
    expect(after.status).toBe("submitted");
    expect(after.table.indicators).toHaveLength(before.table.indicators.length);
  });

  it("refuses a submit checked against indicators that a save replaced before the submit was written", async () => {
    const id = await draft();
    const before = await read(id);
    const slow = held(deps);
    const submitting = actOnGoalTable(slow.deps, unit, id, { version: before.version + 1, action: "submit" }).catch(
      (e: unknown) => e,
    );
    await untilHeld(slow, submitting);
    await saveGoalTable(deps, unit, id, { version: before.version, overallGoal: "", indicators: [] });
    slow.open();
    expect(await submitting).toMatchObject({ code: "STALE_VERSION" });
    expect((await read(id)).status).toBe("draft");
  });

  it("refuses a carry-over that raced the unit's submit", async () => {
    const id = await draft();
    const before = await read(id);
    const slow = held(deps);
    const carrying = carryOverGoalTable(slow.deps, unit, id, { version: before.version + 1 }).catch((e: unknown) => e);
    await untilHeld(slow, carrying);
    await actOnGoalTable(deps, unit, id, { version: before.version, action: "submit" });
    slow.open();
    expect(await carrying).toMatchObject({ code: "STALE_VERSION" });
    expect((await read(id)).status).toBe("submitted");
  });

  it("guards the status in the UPDATE itself: a write expecting a draft finds a submitted table and changes nothing", async () => {
    const id = await draft();
    const before = await read(id);
    await actOnGoalTable(deps, unit, id, { version: before.version, action: "submit" });
    const now = await read(id);
    const written = await deps.uow.transaction((repos) =>
      repos.goals.save(id, { version: now.version, status: "draft" }, "", [], "2024.1"),
    );
    expect(written).toBeNull();
    expect((await read(id)).table.indicators).toHaveLength(before.table.indicators.length);
  });

  it("refuses renaming a library entry that an approval used after the rename was checked", async () => {
    const fields = {
      fiscalYear: 2024,
      sector: "教育",
      level1: "产出指标",
      level2: "数量指标",
      name: "校舍维修面积",
      kind: "quantitative" as const,
      operator: ">=" as const,
      unit: "平方米",
      explanation: null,
    };
    const entry = await createLibraryEntry(deps, finance, fields);
    expect(entry.uses).toBe(0);
    const slow = held(deps);
    const renaming = editLibraryEntry(slow.deps, finance, entry.id, {
      ...fields,
      version: entry.version,
      name: "校舍维修改造面积",
    }).catch((e: unknown) => e);
    await untilHeld(slow, renaming);
    // What an approval's feed does: one more use, the entry's version untouched.
    await t.db.orm.execute(sql`update indicator_library set uses = uses + 1 where id = ${entry.id}`);
    slow.open();
    expect(await renaming).toMatchObject({ code: "LIBRARY_KEY_IN_USE" });
    expect((await deps.uow.read.indicatorLibrary.get(finance.regionCode, entry.id))!.name).toBe("校舍维修面积");
  });

  it("refuses an edit whose client version is not the one the checks were made on", async () => {
    const [entry] = (
      await deps.uow.read.indicatorLibrary.list(finance.regionCode, {}, {
        page: 1,
        pageSize: 1,
        sort: "uses",
        order: "desc",
      } as never)
    ).rows;
    const stale = editLibraryEntry(deps, finance, entry!.id, {
      fiscalYear: 2024,
      sector: entry!.sector,
      level1: entry!.level1,
      level2: entry!.level2,
      name: entry!.name,
      kind: entry!.kind,
      operator: entry!.operator,
      unit: entry!.unit,
      explanation: "改写说明",
      version: entry!.version + 1,
    });
    await expect(stale).rejects.toMatchObject({ code: "STALE_VERSION" });
  });
});

describe("the race the review found, over HTTP", () => {
  it("never leaves a submitted table with the indicators of a save that raced the submit", async () => {
    const cookie = await t.login("unit");
    // A draft without blocking findings, so that its submit is allowed; withdrawn after each round.
    const mine = await deps.uow.read.goals.list(scopeOfUnit(), { fiscalYear: 2024, status: "approved" }, 1, 50);
    let id = 0;
    for (const r of mine.rows) {
      if ((await getGoalTable(deps, unit, r.id)).quality.errors > 0) continue;
      id = (await actOnGoalTable(deps, unit, r.id, { version: r.version, action: "revise", comment: "并发" })).id;
      break;
    }
    expect(id).toBeGreaterThan(0);
    for (let round = 0; round < 12; round++) {
      const before = await read(id);
      const [saved, submitted] = await Promise.all([
        t.as(cookie, "PUT", `/api/v1/goals/tables/${id}`, {
          version: before.version + 1,
          overallGoal: before.table.overallGoal,
          indicators: [],
        }),
        t.as(cookie, "POST", `/api/v1/goals/tables/${id}/actions`, { version: before.version, action: "submit" }),
      ]);
      const after = await read(id);
      expect([submitted.statusCode, saved.statusCode, after.status]).toEqual([200, 409, "submitted"]);
      expect(after.table.indicators).toHaveLength(before.table.indicators.length);
      await actOnGoalTable(deps, unit, id, { version: after.version, action: "withdraw" });
    }
  });
});
