import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorOf } from "../../src/app/auth/actor";
import type { Actor, Deps } from "../../src/app/context";
import { saveSelfEvalForm } from "../../src/app/selfeval/save-form";
import { createUnitOfWork } from "../../src/db/repos";
import { rows } from "../../src/db/repos/rows";
import { argon2Hasher } from "../../src/server/auth/password";
import type { MonitoringDistrict } from "../support/monitoring-district";
import { type FilledForm, selfEvalDistrict } from "../support/selfeval-district";

/**
 * 批量提交 / 批量审核通过 and the review's read side tried once more: a batch racing a unit's save on PostgreSQL,
 * the guidance letter asked for organisations outside the caller's scope, and ids beyond the database's
 * integer in a batch body and in a workbook's hidden identity. Each test states what must hold.
 */
let m: MonitoringDistrict & { forms: FilledForm[] };
const BATCH = "/api/v1/selfeval/forms/actions";
const call = (who: string, method: string, url: string, body?: unknown) => m.d.as(m.d.who(who), method, url, body);
const ok = async (who: string, method: string, url: string, body?: unknown) => {
  const res = await call(who, method, url, body);
  expect(res.statusCode, `${method} ${url}: ${res.body.slice(0, 600)}`).toBe(200);
  return res.json();
};
const codeOf = (res: { json(): { error?: { code?: string } } }) => res.json().error?.code;

/** Form ids by subject code, 一小课后服务补助 (P301001B) included once its goal table is approved. */
let forms: Record<string, number> = {};
const form = async (who: string, code: string) => ok(who, "GET", `/api/v1/selfeval/forms/${forms[code]}`);

/** A second project of 一小 with a sound goal table, so the unit has two forms of the year. */
const AFTER_SCHOOL = {
  overallGoal: "2025年为在校学生提供课后服务，覆盖率不低于90%，学生满意度不低于90%。",
  indicators: [
    ["产出指标", "数量指标", "服务学生数", ">=", "500", "人", 30],
    ["产出指标", "质量指标", "服务覆盖率", ">=", "90", "%", 30],
    ["效益指标", "社会效益指标", "课后看护问题缓解", ">=", "80", "%", 20],
    ["满意度指标", "服务对象满意度指标", "学生满意度", ">=", "90", "%", 20],
  ].map(([level1, level2, name, operator, target, unit, weight]) => ({
    level1,
    level2,
    name,
    kind: "quantitative",
    operator,
    target,
    unit,
    weight,
    explanation: null,
  })),
};

async function actor(username: string): Promise<{ deps: Deps; actor: Actor }> {
  const deps: Deps = {
    uow: createUnitOfWork(m.d.db),
    clock: { now: () => new Date("2026-01-12T03:00:00Z") },
    hasher: argon2Hasher,
  };
  const user = (await deps.uow.read.users.byUsername(username))!;
  return { deps, actor: actorOf((await deps.uow.read.users.withOrg(user.id))!) };
}

/**
 * Deps whose transactions stop just before their audit entries, their record's and task's rows locked, until
 * `open()`; `reached` settles when one got there.
 */
function pausedBeforeAudit(deps: Deps) {
  let open!: () => void;
  let arrive!: () => void;
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  const reached = new Promise<void>((resolve) => {
    arrive = resolve;
  });
  const uow = {
    ...deps.uow,
    transaction: (work: Parameters<Deps["uow"]["transaction"]>[0]) =>
      deps.uow.transaction((repos) =>
        work({
          ...repos,
          audit: {
            ...repos.audit,
            append: async (entries) => {
              arrive();
              await gate;
              return repos.audit.append(entries);
            },
          },
        }),
      ),
  } as Deps["uow"];
  return { deps: { ...deps, uow }, open, reached };
}

/**
 * Until another transaction waits for a row or advisory lock. PGlite runs one transaction at a time (the second
 * waits for the first as a whole, before it starts): there is nothing to wait for.
 */
async function untilSomeoneWaitsForALock() {
  if (m.d.db.kind !== "postgres") return;
  for (let i = 0; i < 800; i++) {
    const [w] = await rows<{ n: number }>(
      m.d.db.orm,
      sql`select count(*)::int as n from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock'`,
    );
    if (w!.n > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error("no transaction came to wait for a lock");
}

beforeAll(async () => {
  m = await selfEvalDistrict({ stopAt: "filled" });
  // 一小课后服务补助's goal table is declared and approved after the year opened; opening again issues its form.
  const list = await ok("unit1", "GET", "/api/v1/goals/tables?year=2025&q=P301001B");
  const table = list.rows.find((r: { subjectCode: string }) => r.subjectCode === "P301001B");
  const url = `/api/v1/goals/tables/${table.id}`;
  const version = async (who: string) => (await ok(who, "GET", url)).version;
  await ok("unit1", "PUT", url, { version: await version("unit1"), ...AFTER_SCHOOL });
  for (const [who, action] of [
    ["unit1", "submit"],
    ["edu", "approve"],
    ["admin", "approve"],
  ] as const)
    await ok(who, "POST", `${url}/actions`, { version: await version(who), action });
  const opened = await ok("admin", "POST", "/api/v1/selfeval/rounds", { fiscalYear: 2025, dueOn: "2026-02-28" });
  expect(opened.forms).toBe(1);
  const all = await ok("admin", "GET", "/api/v1/selfeval/forms?year=2025");
  forms = Object.fromEntries(all.rows.map((r: { code: string; id: number }) => [r.code, r.id]));
}, 300_000);
afterAll(async () => {
  await m?.d.close();
});

describe("self-evaluation batches and the review's read side under attack, again", () => {
  it("reports a workbook whose hidden identity names an id beyond the database's integer on its sheet", async () => {
    const res = await call("unit1", "GET", "/api/v1/selfeval/forms.xlsx?year=2025");
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const meta = wb.getWorksheet("_jixiao")!;
    const header = meta.getRow(1).values as unknown[];
    let forged = 0;
    meta.eachRow((row, n) => {
      if (n > 1 && row.getCell(header.indexOf("sheet")).value === "P301001A") {
        row.getCell(header.indexOf("formId")).value = 2_147_483_648;
        forged++;
      }
    });
    expect(forged).toBe(1);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const url = "/api/v1/selfeval/forms/import?year=2025";
    const preview = await m.d.upload(m.d.who("unit1"), `${url}&mode=preview`, bytes, "自评表.xlsx");
    expect(preview.statusCode, preview.body.slice(0, 300)).toBe(200);
    const sheet = preview.json().sheets.find((s: { sheet: string }) => s.sheet === "P301001A");
    expect(sheet.status).toBe("error");
    expect(sheet.issues).toContainEqual(expect.objectContaining({ code: "SELFEVAL_WORKBOOK_MISMATCH" }));
    const before = await form("unit1", "P301001A");
    const commit = await m.d.upload(m.d.who("unit1"), `${url}&mode=commit`, bytes, "自评表.xlsx");
    expect([commit.statusCode, codeOf(commit)]).toEqual([422, "IMPORT_INVALID"]);
    expect(commit.json().error.message).toContain("P301001A");
    expect((await form("unit1", "P301001A")).version).toBe(before.version);
  });

  it("refuses a batch naming a form id beyond the database's integer by the request's field, writing nothing", async () => {
    const before = await form("unit1", "P301001A");
    for (const id of [2_147_483_648, Number.MAX_SAFE_INTEGER]) {
      const res = await call("unit1", "POST", BATCH, {
        fiscalYear: 2025,
        action: "submit",
        forms: [
          { id: forms.P301001A, version: before.version },
          { id, version: 1 },
        ],
      });
      expect([res.statusCode, codeOf(res)], String(id)).toEqual([400, "REQUEST_INVALID"]);
      expect(res.json().error.details.issues).toContainEqual(expect.objectContaining({ field: "body.forms.1.id" }));
    }
    const after = await form("unit1", "P301001A");
    expect({ status: after.status, version: after.version }).toEqual({ status: "draft", version: before.version });
  });

  it("moves a unit's form through the desks while the unit saves its other form at the same moment", async () => {
    const a = await form("unit1", "P301001A");
    const submitted = await ok("unit1", "POST", BATCH, {
      fiscalYear: 2025,
      action: "submit",
      forms: [{ id: a.id, version: a.version }],
    });
    const saveAtOnce = async (overallActual: string, desk: () => Promise<{ statusCode: number; body: string }>) => {
      const unit = await actor("unit1");
      const paused = pausedBeforeAudit(unit.deps);
      const b = await form("unit1", "P301001B");
      // 一小 saves 课后服务补助: its form and its 单位自评 task are locked, its audit entry not yet written.
      const saving = saveSelfEvalForm(paused.deps, unit.actor, b.id, { version: b.version, overallActual, items: [] });
      await Promise.race([paused.reached, saving]);
      // Meanwhile a desk moves 校舍维修, whose task is the same one.
      const moving = desk();
      await untilSomeoneWaitsForALock();
      paused.open();
      const [saved, moved] = await Promise.all([saving, moving]);
      expect(saved.overallActual).toBe(overallActual);
      expect(moved.statusCode, moved.body.slice(0, 400)).toBe(200);
    };
    // 教育局 approves by batch, then finance approves the one form.
    await saveAtOnce("课后服务已覆盖全部在校学生", () =>
      call("edu", "POST", BATCH, {
        fiscalYear: 2025,
        action: "approve",
        forms: [{ id: a.id, version: submitted.forms[0].version }],
        comment: "同意",
      }),
    );
    const approved = await form("admin", "P301001A");
    expect(approved.status).toBe("dept_approved");
    await saveAtOnce("课后服务全年开展，学生满意", () =>
      call("admin", "POST", `/api/v1/selfeval/forms/${a.id}/actions`, {
        version: approved.version,
        action: "approve",
      }),
    );
    expect((await form("admin", "P301001A")).status).toBe("approved");
    // Both saves and all three steps are in the audit log, and the unit's task follows its two forms.
    const [audit] = await rows<{ saves: number; steps: number }>(
      m.d.db.orm,
      sql`select count(*) filter (where entity_id = ${String(forms.P301001B)} and action = 'update')::int as saves,
                 count(*) filter (where entity_id = ${String(a.id)} and action in ('submit', 'approve'))::int as steps
          from audit_log where entity = 'selfeval_form'`,
    );
    expect(audit).toEqual({ saves: 2, steps: 3 });
    const [task] = await rows<{ status: string }>(
      m.d.db.orm,
      sql`select t.status from tasks t join orgs o on o.id = t.org_id where t.kind = 'selfeval' and o.code = '301001'`,
    );
    expect(task!.status).toBe("in_progress");
  });

  it("does not name, in the guidance letter's refusal, an organisation outside the caller's scope", async () => {
    const orgs = Object.fromEntries(
      (await rows<{ code: string; id: number; name: string }>(m.d.db.orm, sql`select code, id, name from orgs`)).map(
        (o) => [o.code, o],
      ),
    );
    const letter = (who: string, orgId: number) =>
      call(who, "GET", `/api/v1/review/letter.docx?year=2025&orgId=${orgId}`);
    const nobody = await letter("unit2", 99_999);
    expect([nobody.statusCode, nobody.json()]).toEqual([404, { error: { code: "NOT_FOUND", message: "没有该单位" } }]);
    const outside: Record<string, string[]> = {
      unit2: ["301", "301001", "302", "302001"],
      cdc: ["301", "301001", "301002", "302"],
      edu: ["302", "302001"],
      rev1: ["301", "301001", "301002", "302", "302001"],
    };
    for (const [who, codes] of Object.entries(outside))
      for (const code of codes) {
        const res = await letter(who, orgs[code]!.id);
        // The same answer as for an organisation that does not exist: nothing tells the one from the other.
        expect([res.statusCode, res.json()], `${who} → ${code}`).toEqual([nobody.statusCode, nobody.json()]);
        expect(res.body, `${who} → ${code}`).not.toContain(orgs[code]!.name);
      }
    // Within the scope the refusal still says whose results are missing.
    for (const [who, code] of [
      ["edu", "301002"],
      ["unit2", "301002"],
      ["admin", "302001"],
    ] as const) {
      const res = await letter(who, orgs[code]!.id);
      expect(res.statusCode, `${who} → ${code}`).toBe(404);
      expect(res.json().error.message, `${who} → ${code}`).toBe(`${orgs[code]!.name}没有已确认的2025年度抽查复核结果`);
    }
  });

  it("tells a review's notices (assigned, returned, 催办) to its reviewer only, not the firm's other accounts", async () => {
    const [firm] = await ok("admin", "GET", "/api/v1/review/firms");
    const reviewer = (username: string) =>
      firm.reviewers.find((r: { username: string }) => r.username === username).id as number;
    const drawn = await ok("admin", "POST", "/api/v1/review/draws", {
      fiscalYear: 2025,
      count: 1,
      stratify: { department: false, budget: false },
      includeDeptWide: true,
    });
    expect(drawn.reviews).toBe(1);
    await ok("admin", "POST", "/api/v1/review/assignments", {
      fiscalYear: 2025,
      firmId: firm.id,
      reviewerId: reviewer("rev2"),
      dueOn: "2026-04-30",
    });
    const [review] = (await ok("rev2", "GET", "/api/v1/review/items?year=2025")).rows;
    expect(review.code).toBe("P301001A");
    const url = `/api/v1/review/items/${review.id}`;
    const detail = await ok("rev2", "GET", url);
    const items = detail.items.map((i: { uid: string; self: { points: number | null } | null }) => ({
      uid: i.uid,
      points: i.self?.points ?? 0,
      notApplicable: false,
      comment: "与佐证材料一致",
    }));
    const saved = await ok("rev2", "PUT", url, { version: detail.version, guidance: "自评规范", items });
    const submitted = await ok("rev2", "POST", `${url}/actions`, { version: saved.version, action: "submit" });
    const comment = "第2项维修单价的佐证不足，请重新核对";
    await ok("admin", "POST", `${url}/actions`, { version: submitted.version, action: "return", comment });
    const task = await ok("admin", "GET", `/api/v1/tasks/${review.taskId}`);
    await ok("admin", "POST", `/api/v1/tasks/${task.id}/remind`, { version: task.version, message: "请本周内完成" });

    const notices = async (who: string) =>
      (await ok(who, "GET", "/api/v1/notifications?pageSize=100")).rows as {
        kind: string;
        title: string;
        body: string;
        link: string | null;
      }[];
    const theirs = await notices("rev2");
    expect(theirs.map((n) => n.kind).sort()).toEqual(["assigned", "reminded", "returned"]);
    expect(theirs.find((n) => n.kind === "returned")).toMatchObject({
      title: "复核结果被退回：一小校舍维修",
      body: `退回意见：${comment}`,
    });
    // The firm's other reviewer was given nothing: it hears nothing of the review, its form or finance's comment.
    const others = await notices("rev1");
    expect(others).toEqual([]);
    expect((await ok("rev1", "GET", "/api/v1/tasks/inbox")).tasks).toEqual([]);
  });

  it("gives a returned review to a colleague without finance's note to the former reviewer", async () => {
    const [firm] = await ok("admin", "GET", "/api/v1/review/firms");
    const rev1 = firm.reviewers.find((r: { username: string }) => r.username === "rev1").id as number;
    const [review] = (await ok("admin", "GET", "/api/v1/review/items?year=2025")).rows;
    expect(review).toMatchObject({ code: "P301001A", status: "returned", reviewNote: expect.any(String) });
    await ok("admin", "POST", "/api/v1/review/assignments", {
      fiscalYear: 2025,
      firmId: firm.id,
      reviewIds: [review.id],
      reviewerId: rev1,
      dueOn: "2026-05-15",
    });
    const fresh = await call("rev1", "GET", `/api/v1/review/items/${review.id}`);
    expect(fresh.statusCode).toBe(200);
    // Finance's comment was on rev2's scores, which are gone: rev1 starts blank, with nothing of it.
    expect(fresh.json()).toMatchObject({ status: "assigned", guidance: "", reviewNote: null });
    expect(fresh.body).not.toContain(review.reviewNote);
  });

  it("tells the reviewer a review is moved to, as it tells one given a new review", async () => {
    const [firm] = await ok("admin", "GET", "/api/v1/review/firms");
    const rev2 = firm.reviewers.find((r: { username: string }) => r.username === "rev2").id as number;
    const [review] = (await ok("rev1", "GET", "/api/v1/review/items?year=2025")).rows;
    const notices = async (who: string) => (await ok(who, "GET", "/api/v1/notifications?pageSize=100")).rows;
    const before = { rev1: await notices("rev1"), rev2: await notices("rev2") };
    await ok("admin", "POST", "/api/v1/review/assignments", {
      fiscalYear: 2025,
      firmId: firm.id,
      reviewIds: [review.id],
      reviewerId: rev2,
      dueOn: "2026-05-20",
    });
    expect(await notices("rev2")).toEqual([
      expect.objectContaining({
        kind: "assigned",
        link: `/review/items/${review.id}`,
        taskId: review.taskId,
        body: expect.stringContaining("2026-05-20"),
      }),
      ...before.rev2,
    ]);
    expect(await notices("rev1")).toEqual(before.rev1);
  });
});
