import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAudit } from "../../src/app/audit/list-audit";
import { actorOf } from "../../src/app/auth/actor";
import { type Actor, type Deps, systemClock } from "../../src/app/context";
import { actOnGoalTable } from "../../src/app/goals/act-on-goal-table";
import { getGoalTable } from "../../src/app/goals/get-goal-table";
import { createLibraryEntry } from "../../src/app/goals/library-create";
import { listLibrary } from "../../src/app/goals/library-list";
import { listFindings } from "../../src/app/goals/list-findings";
import { saveGoalTable } from "../../src/app/goals/save-goal-table";
import type { Scope } from "../../src/core/scope";
import { createUnitOfWork } from "../../src/db/repos";
import { rows } from "../../src/db/repos/rows";
import { argon2Hasher } from "../../src/server/auth/password";
import { freshDb, type TestDb } from "../support/db";

/**
 * Kept reads are never stale: each is checked after a write made through another unit of work on the
 * same database, as another server process would (its own memo, the same data).
 */
let db: TestDb;
let reader: Deps;
let writer: Deps;
let finance: Actor;
let unit: Actor;
let dept: Actor;
let auditor: Actor;
beforeAll(async () => {
  db = await freshDb("demo");
  reader = { uow: createUnitOfWork(db), clock: systemClock, hasher: argon2Hasher };
  writer = { uow: createUnitOfWork(db), clock: systemClock, hasher: argon2Hasher };
  const actor = async (name: string) =>
    actorOf((await reader.uow.read.users.withOrg((await reader.uow.read.users.byUsername(name))!.id))!);
  [finance, unit, dept, auditor] = [
    await actor("staff"),
    await actor("unit"),
    await actor("dept"),
    await actor("auditor"),
  ];
});
afterAll(() => db.dispose());

/** A draft revision of one of the declarer's approved tables without blocking findings (own projects when asked). */
async function cleanDraft(declarer: Actor, scope: Scope, ownProject = false): Promise<number> {
  const list = await writer.uow.read.goals.list(
    scope,
    { fiscalYear: 2024, status: "approved", subjectKind: "project" },
    1,
    200,
  );
  for (const r of list.rows) {
    if (ownProject !== (r.unitCode === r.departmentCode)) continue;
    if ((await getGoalTable(writer, declarer, r.id)).quality.errors > 0) continue;
    return (await actOnGoalTable(writer, declarer, r.id, { version: r.version, action: "revise", comment: "测试" })).id;
  }
  throw new Error("the demo has no such table");
}

const findings = async (rule?: string) => (await listFindings(reader, finance, 2024, { rule }, 1, 20)).total;

describe("reads kept while their data is unchanged", () => {
  it("show a finding the moment another process saves the fault, and drop it when it is fixed", async () => {
    const before = await findings("GOAL_WEIGHTS_NOT_100");
    expect(await findings("GOAL_WEIGHTS_NOT_100")).toBe(before); // kept
    const draftId = await cleanDraft(unit, { kind: "own", regionCode: unit.regionCode, orgId: unit.orgId });
    const draft = await getGoalTable(writer, unit, draftId);
    const slipped = draft.table.indicators.map((i, n) => (n === 0 ? { ...i, weight: i.weight + 3 } : i));
    const saved = await saveGoalTable(writer, unit, draftId, {
      version: draft.version,
      overallGoal: draft.table.overallGoal,
      indicators: slipped,
    });
    expect(await findings("GOAL_WEIGHTS_NOT_100")).toBe(before + 1);
    await saveGoalTable(writer, unit, draftId, {
      version: saved.version,
      overallGoal: draft.table.overallGoal,
      indicators: draft.table.indicators,
    });
    expect(await findings("GOAL_WEIGHTS_NOT_100")).toBe(before);
  });

  it("show a library entry fed by an approval after the library was read, with its target", async () => {
    const name = "校园安全巡查次数";
    const page = async () =>
      (await listLibrary(reader, finance, { q: name }, { sort: "uses", order: "desc", page: 1, pageSize: 20 })).rows;
    expect(await page()).toEqual([]);
    // The department declares one of its own projects again with the new indicator; finance approves it.
    const scope = { kind: "subtree" as const, regionCode: dept.regionCode, orgId: dept.orgId, orgPath: dept.orgPath };
    const draftId = await cleanDraft(dept, scope, true);
    const draft = await getGoalTable(writer, dept, draftId);
    const at = draft.table.indicators.findIndex((i) => i.kind === "quantitative");
    const indicators = draft.table.indicators.map((i, n) =>
      n === at ? { ...i, name, operator: ">=" as const, target: "12", unit: "次" } : i,
    );
    const saved = await saveGoalTable(writer, dept, draftId, {
      version: draft.version,
      overallGoal: draft.table.overallGoal,
      indicators,
    });
    expect(saved.quality.errors).toBe(0);
    await actOnGoalTable(writer, dept, draftId, { version: saved.version, action: "submit" });
    const pending = await getGoalTable(writer, finance, draftId);
    await actOnGoalTable(writer, finance, draftId, { version: pending.version, action: "approve" });
    const [entry] = await page();
    expect(entry!.targets.map((t) => [t.fiscalYear, t.commonTarget, t.tables])).toEqual([[2024, "12", 1]]);
  });

  it("count the audit log exactly as it grows", async () => {
    const total = async () => (await listAudit(reader, auditor, {}, 1, 5)).total;
    const all = async () =>
      (
        await rows<{ n: number }>(
          db.orm,
          sql`select count(*)::int as n from audit_log where region_code = '450202' or region_code is null`,
        )
      )[0]!.n;
    expect(await total()).toBe(await all());
    await createLibraryEntry(writer, finance, {
      fiscalYear: 2024,
      sector: "教育",
      level1: "产出指标",
      level2: "数量指标",
      name: "教师培训人次",
      kind: "quantitative",
      operator: ">=",
      unit: "人次",
      explanation: null,
    });
    expect(await total()).toBe(await all());
    const filtered = (await listAudit(reader, auditor, { entity: "indicator_library", action: "create" }, 1, 5)).total;
    expect(filtered).toBe(1);
  });
});
