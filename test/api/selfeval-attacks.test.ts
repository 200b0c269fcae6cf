import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { SaxesParser } from "saxes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorOf } from "../../src/app/auth/actor";
import type { Actor, Deps } from "../../src/app/context";
import { assignReviews } from "../../src/app/selfeval/assign-reviews";
import { createUnitOfWork } from "../../src/db/repos";
import { rows } from "../../src/db/repos/rows";
import { argon2Hasher } from "../../src/server/auth/password";
import { bombXlsx, craftXlsx } from "../support/crafted-xlsx";
import { held, untilHeld } from "../support/held";
import type { MonitoringDistrict } from "../support/monitoring-district";
import { type FilledForm, selfEvalDistrict } from "../support/selfeval-district";

/**
 * 单位自评 and 抽查复核 tried the way a hostile or careless client would: other scopes, the auditor writing,
 * rules changed behind an open year, crafted workbooks, requests racing each other, a reviewer who must stand
 * aside, and text that would break the files it is written into. Each test states what must hold.
 */
let m: MonitoringDistrict & { forms: FilledForm[] };
const call = (who: string, method: string, url: string, body?: unknown) => m.d.as(m.d.who(who), method, url, body);
const ok = async (who: string, method: string, url: string, body?: unknown) => {
  const res = await call(who, method, url, body);
  expect(res.statusCode, `${method} ${url}: ${res.body.slice(0, 600)}`).toBe(200);
  return res.json();
};
const codeOf = (res: { json(): { error?: { code?: string } } }) => res.json().error?.code;

interface Review {
  id: number;
  code: string;
  status: string;
  version: number;
  firm: { id: number; code: string } | null;
  reviewer: { id: number; name: string } | null;
}
interface Firm {
  id: number;
  code: string;
  reviewers: { id: number; username: string }[];
}

let firms: Record<string, Firm> = {};
const reviewers: Record<string, number> = {};
const reviews = async (): Promise<Record<string, Review>> =>
  Object.fromEntries(
    ((await ok("admin", "GET", "/api/v1/review/items?year=2025&pageSize=100")).rows as Review[]).map((r) => [
      r.code,
      r,
    ]),
  );

/** Everything an assignment could write: the reviews, their tasks, the outbox and the audit log. */
async function assignmentState() {
  const [r] = await rows<Record<string, unknown>>(
    m.d.db.orm,
    sql`select (select string_agg(concat_ws('|', id, status, firm_id, reviewer_id, version), ',' order by id)
                from selfeval_reviews) as reviews,
               (select string_agg(concat_ws('|', id, org_id, owner_user_id, status, due_on), ',' order by id)
                from tasks where kind = 'selfeval_review') as tasks,
               (select count(*) from outbox)::int as outbox,
               (select count(*) from audit_log)::int as audit`,
  );
  return r!;
}

async function actor(username: string): Promise<{ deps: Deps; actor: Actor }> {
  const deps: Deps = {
    uow: createUnitOfWork(m.d.db),
    clock: { now: () => new Date("2026-03-01T03:00:00Z") },
    hasher: argon2Hasher,
  };
  const user = (await deps.uow.read.users.byUsername(username))!;
  return { deps, actor: actorOf((await deps.uow.read.users.withOrg(user.id))!) };
}

/** Scores every item of a review as the unit did, with the guidance, so it can be submitted. */
async function scoreAsSelf(who: string, id: number) {
  const url = `/api/v1/review/items/${id}`;
  const detail = await ok(who, "GET", url);
  const items = detail.items.map((i: { uid: string; self: { points: number | null } | null }) => ({
    uid: i.uid,
    points: i.self?.points ?? 0,
    notApplicable: false,
    comment: "与佐证材料一致",
  }));
  return ok(who, "PUT", url, { version: detail.version, guidance: "自评规范，继续保持", items });
}

beforeAll(async () => {
  m = await selfEvalDistrict();
  const firm = await call("admin", "POST", "/api/v1/org/orgs", { code: "F02", name: "另一会计师事务所", kind: "firm" });
  expect(firm.statusCode, firm.body).toBe(201);
  await m.d.account("rev3", "firm", "F02");
  const [bureau] = await rows<{ code: string }>(m.d.db.orm, sql`select code from orgs where kind = 'bureau'`);
  await m.d.account("audit", "auditor", bureau!.code);
  firms = Object.fromEntries(((await ok("admin", "GET", "/api/v1/review/firms")) as Firm[]).map((f) => [f.code, f]));
  for (const f of Object.values(firms)) for (const r of f.reviewers) reviewers[r.username] = r.id;
}, 300_000);
afterAll(async () => {
  await m?.d.close();
});

describe("self-evaluation and the spot-check review under attack", () => {
  it("keeps a year's rules frozen once it opened, also against a new version of an earlier year it inherits", async () => {
    const before = await ok("admin", "GET", "/api/v1/selfeval/rules?year=2025");
    expect(before.setForYear).toBeNull();
    const earlier = await ok("admin", "GET", "/api/v1/selfeval/rules?year=2024");
    // 2025 opened with rules it inherits: a 2024 version would become 2025's and move every approved score.
    expect(earlier).toMatchObject({ locked: true, lockedBy: 2025 });
    const { fiscalYear: _y, version: _v, setForYear: _s, locked: _l, lockedBy: _b, history: _h, ...body } = earlier;
    const res = await call("admin", "PUT", "/api/v1/selfeval/rules?year=2024", {
      ...body,
      overrateThreshold: 1,
      gradeLabels: { excellent: "一等", good: "二等", fair: "三等", poor: "四等" },
      reason: "提示线改为1分",
    });
    expect(res.statusCode, res.body).toBe(409);
    expect(codeOf(res)).toBe("SELFEVAL_RULES_LOCKED");
    expect(res.json().error.message).toContain("2025");
    expect(await ok("admin", "GET", "/api/v1/selfeval/rules?year=2025")).toEqual(before);
    // A later year, whose rules no opened year inherits, still takes rules of its own.
    const later = await ok("admin", "PUT", "/api/v1/selfeval/rules?year=2026", { ...body, reason: "2026年度规则" });
    expect(later).toMatchObject({ setForYear: 2026, locked: false, lockedBy: null });
    expect(await ok("admin", "GET", "/api/v1/selfeval/rules?year=2025")).toEqual(before);
  });

  it("lets the auditor, departments, units and reviewers change nothing of the review and see no statistics", async () => {
    const body = { fiscalYear: 2025, count: 1, stratify: { department: false, budget: false } };
    for (const who of ["audit", "edu", "unit1", "rev1"]) {
      expect((await call(who, "POST", "/api/v1/review/draws", body)).statusCode, who).toBe(403);
      expect((await call(who, "GET", "/api/v1/review/draws?year=2025")).statusCode, who).toBe(403);
      expect((await call(who, "GET", "/api/v1/review/stats?year=2025")).statusCode, who).toBe(403);
      expect((await call(who, "GET", "/api/v1/review/firms")).statusCode, who).toBe(403);
      const assign = { fiscalYear: 2025, firmId: firms.F01!.id, dueOn: "2026-04-30" };
      expect((await call(who, "POST", "/api/v1/review/assignments", assign)).statusCode, who).toBe(403);
      const conflict = { firmId: firms.F01!.id, reviewerId: null, orgCode: "301", reason: "x" };
      expect((await call(who, "POST", "/api/v1/review/conflicts", conflict)).statusCode, who).toBe(403);
    }
    const form = m.forms[0]!;
    const auditor = await ok("audit", "GET", `/api/v1/selfeval/forms/${form.id}`);
    const save = { version: auditor.version, overallActual: "审计改的", items: [] };
    expect((await call("audit", "PUT", `/api/v1/selfeval/forms/${form.id}`, save)).statusCode).toBe(403);
    const act = { version: auditor.version, action: "return", comment: "审计退回" };
    expect((await call("audit", "POST", `/api/v1/selfeval/forms/${form.id}/actions`, act)).statusCode).toBe(403);
    const rules = await call("audit", "PUT", "/api/v1/selfeval/rules?year=2026", { reason: "x" });
    expect(rules.statusCode).toBe(403);
    const open = { fiscalYear: 2025, dueOn: "2026-03-31" };
    expect((await call("audit", "POST", "/api/v1/selfeval/rounds", open)).statusCode).toBe(403);
    const score = { version: 1, guidance: "审计评分", items: [] };
    expect((await call("audit", "PUT", "/api/v1/review/items/1", score)).statusCode).toBe(403);
    for (const action of ["submit", "confirm", "return"])
      expect(
        (await call("audit", "POST", "/api/v1/review/items/1/actions", { version: 1, action, comment: "x" }))
          .statusCode,
      ).toBe(403);
    // Ids out of range or not numbers are refused as such, never reach the database.
    for (const url of [
      "/api/v1/review/items/2147483648",
      "/api/v1/review/letter.docx?year=2025&orgId=99999999999",
      "/api/v1/selfeval/forms/-1",
    ])
      expect((await call("admin", "GET", url)).statusCode, url).toBe(400);
  });

  it("draws the sample once when two draws race, and takes each form into the review once", async () => {
    const body = {
      fiscalYear: 2025,
      count: 2,
      forced: ["P301001A", "%", "_", "*", "P301001A"],
      excluded: ["x".repeat(40)],
      stratify: { department: true, budget: false },
      includeDeptWide: true,
    };
    const results = await Promise.all([
      call("admin", "POST", "/api/v1/review/draws", body),
      call("admin", "POST", "/api/v1/review/draws", body),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(codeOf(results.find((r) => r.statusCode === 409)!)).toBe("REVIEW_DRAW_EXISTS");
    const drawn = results.find((r) => r.statusCode === 200)!.json();
    expect(drawn.reviews).toBe(3);
    // Wildcards are codes like any other: matching nothing, they are noted, not expanded.
    expect(drawn.draw.picks.map((p: { code: string }) => p.code).sort()).toEqual(["P301001A", "P302001A"]);
    const [n] = await rows<{ n: number; draws: number }>(
      m.d.db.orm,
      sql`select (select count(*) from selfeval_reviews)::int as n, (select count(*) from selfeval_draws)::int as draws`,
    );
    expect(n).toEqual({ n: 3, draws: 1 });
  });

  it("refuses an assignment that raced another: the reviews it read are not taken from the one that got in first", async () => {
    const admin = await actor("admin");
    const slow = held(admin.deps);
    // Finance at one desk gives everything left to F01; at another, to F02, which gets in first.
    const first = assignReviews(slow.deps, admin.actor, {
      fiscalYear: 2025,
      firmId: firms.F01!.id,
      dueOn: "2026-04-30",
    }).catch((e: unknown) => e);
    await untilHeld(slow, first);
    const second = await ok("admin", "POST", "/api/v1/review/assignments", {
      fiscalYear: 2025,
      firmId: firms.F02!.id,
      dueOn: "2026-05-15",
    });
    expect(second.assigned).toBe(3);
    const before = await assignmentState();
    slow.open();
    expect(await first).toMatchObject({ code: "STALE_VERSION" });
    expect(await assignmentState()).toEqual(before);
    for (const r of Object.values(await reviews())) expect(r.reviewer?.id).toBe(reviewers.rev3);
  });

  it("does not move a review's task when the reviewer submitted while finance was reassigning it", async () => {
    const target = (await reviews()).P302001A!;
    const scored = await scoreAsSelf("rev3", target.id);
    const admin = await actor("admin");
    const slow = held(admin.deps);
    const reassigning = assignReviews(slow.deps, admin.actor, {
      fiscalYear: 2025,
      firmId: firms.F01!.id,
      reviewIds: [target.id],
      reviewerId: reviewers.rev2,
      dueOn: "2026-04-30",
    }).catch((e: unknown) => e);
    await untilHeld(slow, reassigning);
    await ok("rev3", "POST", `/api/v1/review/items/${target.id}/actions`, {
      version: scored.version,
      action: "submit",
    });
    const before = await assignmentState();
    slow.open();
    expect(await reassigning).toMatchObject({ code: "STALE_VERSION" });
    // Nothing moved: the task stays in F02's inbox with rev3, nobody at F01 was told to review it.
    expect(await assignmentState()).toEqual(before);
    const inbox = await ok("rev2", "GET", "/api/v1/tasks?year=2025&kind=selfeval_review");
    expect(inbox.rows).toEqual([]);
  });

  it("lets exactly one of two submissions, and of two confirmations, of the same review through", async () => {
    const target = (await reviews()).P301001A!;
    const scored = await scoreAsSelf("rev3", target.id);
    const url = `/api/v1/review/items/${target.id}/actions`;
    const submits = await Promise.all([
      call("rev3", "POST", url, { version: scored.version, action: "submit" }),
      call("rev3", "POST", url, { version: scored.version, action: "submit" }),
    ]);
    expect(submits.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const submitted = submits.find((r) => r.statusCode === 200)!.json();
    const confirms = await Promise.all([
      call("admin", "POST", url, { version: submitted.version, action: "confirm" }),
      call("admin", "POST", url, { version: submitted.version, action: "confirm" }),
    ]);
    expect(confirms.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const [audit] = await rows<{ n: number }>(
      m.d.db.orm,
      sql`select count(*)::int as n from audit_log where entity = 'selfeval_review' and entity_id = ${String(target.id)}
            and action in ('submit', 'confirm')`,
    );
    expect(audit!.n).toBe(2);
  });

  it("refuses the re-scoring of a reviewer who must stand aside, declared after the review was assigned", async () => {
    const target = (await reviews())["301"]!;
    expect(target.reviewer?.id).toBe(reviewers.rev3);
    const url = `/api/v1/review/items/${target.id}`;
    // rev3 has begun: the first item marked down, the guidance drafted.
    const begun = await ok("rev3", "GET", url);
    const first = begun.items[0];
    await ok("rev3", "PUT", url, {
      version: begun.version,
      guidance: "部门自评明显偏高",
      items: [{ uid: first.uid, points: 0, notApplicable: false, comment: "不合格" }],
    });
    const scoredItems = async () =>
      rows<Record<string, unknown>>(
        m.d.db.orm,
        sql`select uid, points, comment from selfeval_review_items where review_id = ${target.id} order by id`,
      );
    const scored = await scoredItems();
    expect(scored).toHaveLength(1);
    // Then the conflict comes to light.
    await ok("admin", "POST", "/api/v1/review/conflicts", {
      firmId: firms.F02!.id,
      reviewerId: reviewers.rev3,
      orgCode: "301",
      reason: "为教育局提供年度审计服务",
    });
    const detail = await ok("rev3", "GET", url);
    expect(detail).toMatchObject({ editable: false, allowedActions: [] });
    const saved = await call("rev3", "PUT", url, {
      version: detail.version,
      guidance: "部门自评明显偏高",
      items: [{ uid: detail.items[1].uid, points: 0, notApplicable: false, comment: "不合格" }],
    });
    expect([saved.statusCode, codeOf(saved)]).toEqual([409, "REVIEW_CONFLICTED"]);
    const submitted = await call("rev3", "POST", `${url}/actions`, { version: detail.version, action: "submit" });
    expect([submitted.statusCode, codeOf(submitted)]).toEqual([409, "REVIEW_CONFLICTED"]);
    expect(await scoredItems()).toEqual(scored);
    // Finance gives it to a reviewer who may take it, who starts from a blank review: nothing of rev3's stays.
    const moved = await ok("admin", "POST", "/api/v1/review/assignments", {
      fiscalYear: 2025,
      firmId: firms.F01!.id,
      reviewIds: [target.id],
      reviewerId: reviewers.rev2,
      dueOn: "2026-04-30",
    });
    expect(moved.assigned).toBe(1);
    expect((await call("rev3", "GET", url)).statusCode).toBe(404);
    const fresh = await ok("rev2", "GET", url);
    expect(fresh).toMatchObject({ editable: true, guidance: "", reviewTotal: null });
    expect(fresh.items.map((i: { review: { points: number | null; comment: string | null } }) => i.review)).toEqual(
      fresh.items.map((i: { uid: string }) => ({ uid: i.uid, points: null, notApplicable: false, comment: null })),
    );
    expect(await scoredItems()).toEqual([]);
  });

  it("refuses text that would corrupt the guidance letter or the exports, and over-long or foreign input", async () => {
    // Any review its reviewer may still score.
    const target = Object.values(await reviews()).find((r) => r.status === "assigned")!;
    const who = Object.keys(reviewers).find((u) => reviewers[u] === target.reviewer!.id)!;
    const url = `/api/v1/review/items/${target.id}`;
    const detail = await ok(who, "GET", url);
    expect(detail.editable).toBe(true);
    const first = detail.items[0];
    const put = (guidance: string, comment: string | null = null, uid = first.uid) =>
      call(who, "PUT", url, {
        version: detail.version,
        guidance,
        items: [{ uid, points: null, notApplicable: false, comment }],
      });
    for (const [guidance, comment] of [
      ["正常\uFFFF意见", null],
      ["正常意见", "佐证\uFFFE不足"],
      ["=cmd|' /C calc'!A0", null],
      ["<script>alert(1)</script>", null],
      ["x".repeat(5001), null],
      ["正常意见", "y".repeat(1001)],
    ] as const) {
      const res = await put(guidance, comment);
      expect(res.statusCode, `${guidance.slice(0, 20)} / ${comment?.slice(0, 20)}`).toBe(400);
    }
    expect((await put("正常意见", null, "no-such-item")).statusCode).toBe(400);
    const stale = await call(who, "PUT", url, { version: detail.version - 1, guidance: "正常", items: [] });
    expect(stale.statusCode).toBe(409);
    expect((await ok(who, "GET", url)).version).toBe(detail.version);
  });

  it("keeps one department's and one unit's forms from another, whatever the ids in the request say", async () => {
    const ids = Object.fromEntries(
      (await rows<{ code: string; id: number }>(m.d.db.orm, sql`select code, id from orgs`)).map((o) => [o.code, o.id]),
    );
    const health = m.forms.find((f) => f.code === "P302001A")!;
    for (const who of ["edu", "unit1", "unit2"]) {
      expect((await call(who, "GET", `/api/v1/selfeval/forms/${health.id}`)).statusCode, who).toBe(404);
      const put = await call(who, "PUT", `/api/v1/selfeval/forms/${health.id}`, {
        version: 1,
        overallActual: "越权修改",
        items: [],
      });
      expect(put.statusCode, who).toBe(404);
      const act = await call(who, "POST", `/api/v1/selfeval/forms/${health.id}/actions`, {
        version: 1,
        action: "withdraw",
      });
      expect(act.statusCode, who).toBe(404);
      for (const filter of [`departmentId=${ids["302"]}`, `unitId=${ids["302001"]}`]) {
        const list = await ok(who, "GET", `/api/v1/selfeval/forms?year=2025&${filter}`);
        expect(list.total, `${who} ${filter}`).toBe(0);
        const xlsx = await call(who, "GET", `/api/v1/selfeval/forms.xlsx?year=2025&${filter}`);
        expect([xlsx.statusCode, codeOf(xlsx)], `${who} ${filter}`).toEqual([404, "SELFEVAL_EXPORT_EMPTY"]);
        expect(xlsx.body).not.toContain("卫生健康");
        expect(xlsx.body).not.toContain("疾控");
      }
    }
    // 二小 has no form of its own; 一小's are not its.
    expect((await ok("unit2", "GET", "/api/v1/selfeval/forms?year=2025")).total).toBe(0);
    const coverage = await ok("edu", "GET", "/api/v1/selfeval/coverage?year=2025");
    expect(coverage.departments.map((d: { department: { code: string } }) => d.department.code)).toEqual(["301"]);
    const units = await ok("unit1", "GET", "/api/v1/selfeval/coverage?year=2025");
    expect(units.departments).toEqual([]);
  });

  it("takes % _ and \\ in the searches as plain text and refuses an over-long one", async () => {
    for (const q of ["%", "_", "\\", "%25", "*"]) {
      const list = await ok("admin", "GET", `/api/v1/review/items?year=2025&q=${encodeURIComponent(q)}`);
      expect(list.total, q).toBe(0);
      const forms = await ok("admin", "GET", `/api/v1/selfeval/forms?year=2025&q=${encodeURIComponent(q)}`);
      expect(forms.total, q).toBe(0);
    }
    expect((await call("admin", "GET", `/api/v1/review/items?year=2025&q=${"a".repeat(101)}`)).statusCode).toBe(400);
  });

  it("keeps each scope's reviews, exports and letters its own", async () => {
    // The confirmed review is 一小's: 卫健局, 疾控 and 二小 see nothing of it.
    const confirmed = (await reviews()).P301001A!;
    for (const who of ["health", "cdc", "unit2"]) {
      const list = await ok(who, "GET", "/api/v1/review/items?year=2025");
      expect(list.total, who).toBe(0);
      expect((await call(who, "GET", `/api/v1/review/items/${confirmed.id}`)).statusCode, who).toBe(404);
      const xlsx = await call(who, "GET", "/api/v1/review/items.xlsx?year=2025");
      expect(xlsx.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as Parameters<typeof wb.xlsx.load>[0]);
      expect(wb.worksheets[0]!.rowCount, who).toBe(2);
    }
    const school = await ok("unit1", "GET", "/api/v1/review/items?year=2025");
    expect(school.rows.map((r: Review) => r.code)).toEqual(["P301001A"]);
    // A reviewer sees only what is assigned to them now, whatever the filter asks for.
    const mine = await ok("rev3", "GET", `/api/v1/review/items?year=2025&reviewerId=${reviewers.rev2}`);
    expect(mine.total).toBe(0);
    const theirs = await ok("rev2", "GET", "/api/v1/review/items?year=2025");
    expect(theirs.rows.map((r: Review) => r.code)).toEqual(["301"]);
    const [unit] = await rows<{ id: number }>(m.d.db.orm, sql`select id from orgs where code = '301001'`);
    const letter = `/api/v1/review/letter.docx?year=2025&orgId=${unit!.id}`;
    for (const who of ["unit2", "health", "cdc", "rev2"])
      expect((await call(who, "GET", letter)).statusCode, who).toBe(404);
    const own = await call("unit1", "GET", letter);
    expect(own.statusCode).toBe(200);
    // Word refuses a document that is not well-formed XML: every text written into it must be an XML character.
    const xml = await (await JSZip.loadAsync(own.rawPayload)).file("word/document.xml")!.async("string");
    expect(() => new SaxesParser().write(xml).close()).not.toThrow();
    // The department's unit's form once drawn cannot be changed by anyone.
    const form = await ok("unit1", "GET", `/api/v1/selfeval/forms/${m.forms.find((f) => f.code === "P301001A")!.id}`);
    const edit = await call("unit1", "PUT", `/api/v1/selfeval/forms/${form.id}`, {
      version: form.version,
      overallActual: "复核抽中后改的",
      items: [],
    });
    expect(edit.statusCode).toBe(409);
    const reopen = await call("admin", "POST", `/api/v1/selfeval/forms/${form.id}/actions`, {
      version: form.version,
      action: "return",
      comment: "重新填",
    });
    expect(reopen.statusCode).toBe(400);
    // A confirmed review is final: not returned, reassigned, re-scored, nor submitted by finance for a reviewer.
    const review = await ok("admin", "GET", `/api/v1/review/items/${confirmed.id}`);
    expect(review).toMatchObject({ status: "confirmed", allowedActions: [], editable: false });
    const url = `/api/v1/review/items/${confirmed.id}`;
    for (const action of ["return", "confirm", "submit"]) {
      const res = await call("admin", "POST", `${url}/actions`, { version: review.version, action, comment: "再看看" });
      expect([res.statusCode, codeOf(res)], action).toEqual([409, "REVIEW_INVALID_TRANSITION"]);
    }
    const again = await call("admin", "POST", "/api/v1/review/assignments", {
      fiscalYear: 2025,
      firmId: firms.F01!.id,
      reviewIds: [confirmed.id],
      dueOn: "2026-04-30",
    });
    expect([again.statusCode, codeOf(again)]).toEqual([400, "REVIEW_ASSIGN_INVALID"]);
    const rescore = await call("rev3", "PUT", url, { version: review.version, guidance: "改分", items: [] });
    expect(rescore.statusCode).toBe(409);
    expect((await ok("admin", "GET", url)).version).toBe(review.version);
  });
});

describe("crafted self-evaluation workbooks", () => {
  const workbook = async () => {
    const res = await call("unit1", "GET", "/api/v1/selfeval/forms.xlsx?year=2025");
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as Parameters<typeof wb.xlsx.load>[0]);
    return wb;
  };
  const preview = async (wb: ExcelJS.Workbook) =>
    m.d.upload(
      m.d.who("unit1"),
      "/api/v1/selfeval/forms/import?year=2025&mode=preview",
      Buffer.from(await wb.xlsx.writeBuffer()),
      "自评表.xlsx",
    );

  const upload = (bytes: Buffer, mode = "preview") =>
    m.d.upload(m.d.who("unit1"), `/api/v1/selfeval/forms/import?year=2025&mode=${mode}`, bytes, "自评表.xlsx");

  it("refuses a workbook that inflates far beyond its size, or has cells far outside the form, and keeps answering", async () => {
    const bomb = await upload(await bombXlsx(512 * 1024 ** 2, 1000));
    expect([bomb.statusCode, codeOf(bomb)]).toEqual([413, "IMPORT_FILE_TOO_LARGE"]);
    const far = craftXlsx([
      {
        name: "P301001A",
        cells: [
          ["A1", "三级指标"],
          ["XFD1", "x"],
          ["A1048576", "y"],
        ],
      },
    ]);
    const wide = await upload(far);
    expect([wide.statusCode, codeOf(wide)]).toEqual([413, "IMPORT_SHEET_TOO_LARGE"]);
    const notes = await upload(craftXlsx([{ name: "说明", cells: [["A1", "填表说明"]] }]));
    expect([notes.statusCode, codeOf(notes)]).toEqual([400, "IMPORT_UNREADABLE"]);
    expect((await call("unit1", "GET", "/api/v1/selfeval/forms?year=2025")).statusCode).toBe(200);
  }, 60_000);

  it("takes no answer from a crafted sheet into a form it may not change, whatever its cells hold", async () => {
    const before = await rows<Record<string, unknown>>(
      m.d.db.orm,
      sql`select f.id, f.version, f.status, i.uid, i.actual, i.points, i.note from selfeval_forms f
          join selfeval_items i on i.form_id = f.id order by f.id, i.position`,
    );
    const wb = await workbook();
    const ws = wb.getWorksheet("P301001A")!;
    ws.getCell("F14").value = { formula: "1+1" } as ExcelJS.CellFormulaValue;
    ws.getCell("F15").value = "９０%";
    ws.getCell("F16").value = -5;
    ws.getCell("I14").value = '=HYPERLINK("http://x","点此")';
    ws.getCell("F12").value = "y".repeat(3000);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await upload(bytes, "commit");
    expect([res.statusCode, codeOf(res)]).toEqual([422, "IMPORT_INVALID"]);
    const codes = res.json().error.details.issues.map((i: { code: string }) => i.code);
    // The form is approved (and drawn for the review): nobody changes it by a workbook.
    expect(codes).toContain("SELFEVAL_NOT_EDITABLE");
    expect(codes).toContain("SELFEVAL_FORM_INVALID");
    expect(
      await rows<Record<string, unknown>>(
        m.d.db.orm,
        sql`select f.id, f.version, f.status, i.uid, i.actual, i.points, i.note from selfeval_forms f
            join selfeval_items i on i.form_id = f.id order by f.id, i.position`,
      ),
    ).toEqual(before);
  });

  it("names a 分值 or 得分 cell holding a number beyond any score instead of failing", async () => {
    for (const [cell, value] of [
      ["G14", 1e308],
      ["G15", "9".repeat(400)],
      ["H16", -1e308],
    ] as const) {
      const wb = await workbook();
      wb.getWorksheet("P301001A")!.getCell(cell).value = value;
      const res = await preview(wb);
      expect(res.statusCode, `${cell}: ${res.body.slice(0, 300)}`).toBe(200);
      const sheet = res.json().sheets.find((s: { sheet: string }) => s.sheet === "P301001A");
      expect(sheet.status).toBe("error");
      expect(sheet.issues).toContainEqual(expect.objectContaining({ code: "SELFEVAL_SHEET_BAD_POINTS", cell }));
    }
  });
});
