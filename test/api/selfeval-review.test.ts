import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reviewScore } from "../../src/core/selfeval/review-score";
import type { MonitoringDistrict } from "../support/monitoring-district";
import { type FilledForm, selfEvalDistrict } from "../support/selfeval-district";

/**
 * The spot-check review (抽查复核) on a district's own data: the sample drawn by the system from the
 * approved self-evaluations, a firm from the registry with a declared conflict, balanced assignment,
 * re-scoring by the reviewer item by item, finance's confirmation, and the statistics.
 */
let m: MonitoringDistrict & { forms: FilledForm[] };
const ok = async (who: string, method: string, url: string, body?: unknown) => {
  const res = await m.d.as(m.d.who(who), method, url, body);
  expect(res.statusCode, `${method} ${url}: ${res.body.slice(0, 600)}`).toBe(200);
  return res.json();
};
const call = (who: string, method: string, url: string, body?: unknown) => m.d.as(m.d.who(who), method, url, body);

beforeAll(async () => {
  m = await selfEvalDistrict();
});
afterAll(async () => {
  await m?.d.close();
});

interface Row {
  id: number;
  code: string;
  subjectKind: string;
  reviewer: { id: number; name: string } | null;
  version: number;
}

describe("spot-check review", () => {
  it("a conflict is declared for the firm's first reviewer", async () => {
    const firms = await ok("admin", "GET", "/api/v1/review/firms");
    const firm = firms.find((f: { code: string }) => f.code === "F01");
    expect(firm.reviewers.map((r: { username: string }) => r.username)).toEqual(["rev1", "rev2"]);
    const rev1 = firm.reviewers[0].id;
    const bad = await call("admin", "POST", "/api/v1/review/conflicts", {
      firmId: firm.id,
      reviewerId: rev1,
      orgCode: "999",
      reason: "x",
    });
    expect(bad.statusCode).toBe(400);
    const c = await ok("admin", "POST", "/api/v1/review/conflicts", {
      firmId: firm.id,
      reviewerId: rev1,
      orgCode: "301001",
      reason: "曾任该校财务顾问",
    });
    expect(c).toMatchObject({ org: { code: "301001" }, reviewer: { id: rev1 } });
    // A conflict entered by mistake is taken back, then declared again.
    const wrong = await ok("admin", "POST", "/api/v1/review/conflicts", {
      firmId: firm.id,
      reviewerId: null,
      orgCode: "302",
      reason: "误登记",
    });
    expect((await call("admin", "DELETE", `/api/v1/review/conflicts/${wrong.id}`)).statusCode).toBe(204);
    expect((await call("admin", "DELETE", `/api/v1/review/conflicts/${wrong.id}`)).statusCode).toBe(404);
    const after = await ok("admin", "GET", "/api/v1/review/firms");
    expect(after[0].conflicts.map((x: { id: number }) => x.id)).toEqual([c.id]);
  });

  it("the sample is drawn once from the approved self-evaluations and recorded", async () => {
    const before = await ok("admin", "GET", "/api/v1/review/draws?year=2025");
    expect(before).toMatchObject({ draw: null, population: 2, deptWide: 1 });
    const drawn = await ok("admin", "POST", "/api/v1/review/draws", {
      fiscalYear: 2025,
      count: 2,
      forced: [],
      excluded: [],
      stratify: { department: true, budget: true },
      includeDeptWide: true,
    });
    expect(drawn.reviews).toBe(3);
    expect(drawn.draw.picks.map((p: { code: string }) => p.code).sort()).toEqual(["P301001A", "P302001A"]);
    expect(drawn.draw.params.seedMethod).toBe("server-random-128");
    const again = await call("admin", "POST", "/api/v1/review/draws", {
      fiscalYear: 2025,
      count: 1,
      stratify: { department: false, budget: false },
    });
    expect(again.statusCode).toBe(409);
    const record = await ok("admin", "GET", "/api/v1/review/draws?year=2025");
    expect(record.replay).toEqual({ matches: true, differences: [] });
    expect((await call("rev1", "GET", "/api/v1/review/draws?year=2025")).statusCode).toBe(403);
  });

  it("assignment balances the load and keeps the conflicted reviewer away", async () => {
    const firms = await ok("admin", "GET", "/api/v1/review/firms");
    const firm = firms[0];
    const [rev1, rev2] = firm.reviewers;
    const list = await ok("admin", "GET", "/api/v1/review/items?year=2025");
    const school = list.rows.find((r: Row) => r.code === "P301001A");
    const clash = await call("admin", "POST", "/api/v1/review/assignments", {
      fiscalYear: 2025,
      firmId: firm.id,
      reviewIds: [school.id],
      reviewerId: rev1.id,
      dueOn: "2026-04-30",
    });
    expect(clash.statusCode).toBe(400);
    expect(clash.json().error.message).toContain("P301001A");
    const done = await ok("admin", "POST", "/api/v1/review/assignments", {
      fiscalYear: 2025,
      firmId: firm.id,
      dueOn: "2026-04-30",
    });
    expect(done.assigned).toBe(3);
    const counts = done.perReviewer.map((r: { assigned: number }) => r.assigned).sort();
    expect(counts).toEqual([1, 2]);
    const after = await ok("admin", "GET", "/api/v1/review/items?year=2025");
    expect(after.rows.find((r: Row) => r.code === "P301001A").reviewer.id).toBe(rev2.id);
    // Each review is a task of its reviewer alone, in their inbox, opening its re-scoring page; the
    // colleague in the same firm neither lists nor opens it (finance follows them all).
    type TaskRow = { id: number; link: string };
    const pagesOf = (reviewerId: number) =>
      after.rows.filter((r: Row) => r.reviewer?.id === reviewerId).map((r: Row) => `/review/items/${r.id}`);
    const tasks2 = await ok("rev2", "GET", "/api/v1/tasks?year=2025&kind=selfeval_review");
    expect(tasks2.rows.map((t: TaskRow) => t.link).sort()).toEqual(pagesOf(rev2.id).sort());
    const tasks1 = await ok("rev1", "GET", "/api/v1/tasks?year=2025&kind=selfeval_review");
    expect(tasks1.rows.map((t: TaskRow) => t.link).sort()).toEqual(pagesOf(rev1.id).sort());
    const inbox1 = await ok("rev1", "GET", "/api/v1/tasks/inbox");
    expect(inbox1.tasks.map((t: TaskRow) => t.link).sort()).toEqual(pagesOf(rev1.id).sort());
    expect((await call("rev1", "GET", `/api/v1/tasks/${tasks2.rows[0].id}`)).statusCode).toBe(404);
    const all = await ok("admin", "GET", "/api/v1/tasks?year=2025&kind=selfeval_review");
    expect(all.total).toBe(3);
  });

  it("a reviewer sees and scores only their own items", async () => {
    const mine = await ok("rev1", "GET", "/api/v1/review/items?year=2025");
    const theirs = await ok("rev2", "GET", "/api/v1/review/items?year=2025");
    expect(mine.total + theirs.total).toBe(3);
    // A department-wide form is read with its template's formulas, as the unit answered them.
    const whole = mine.rows.find((r: Row) => r.subjectKind === "deptWide");
    const wholeDetail = await ok("rev1", "GET", `/api/v1/review/items/${whole.id}`);
    expect(
      wholeDetail.items.every((i: { formula: { kind?: string } | null }) => typeof i.formula?.kind === "string"),
    ).toBe(true);
    expect(wholeDetail.tiers.map((t: { tier: string }) => t.tier)).toEqual(["achieved", "partly", "notAchieved"]);
    const other = theirs.rows[0];
    expect((await call("rev1", "GET", `/api/v1/review/items/${other.id}`)).statusCode).toBe(404);
    const forged = await call("rev1", "PUT", `/api/v1/review/items/${other.id}`, {
      version: other.version,
      guidance: "",
      items: [],
    });
    expect(forged.statusCode).toBe(404);
    expect((await call("unit1", "GET", `/api/v1/review/items/${other.id}`)).statusCode).toBe(404);
  });

  it("re-scoring: points above the weight are refused, differences need a comment, then submit", async () => {
    const theirs = await ok("rev2", "GET", "/api/v1/review/items?year=2025");
    const row = theirs.rows.find((r: Row) => r.code === "P301001A");
    const url = `/api/v1/review/items/${row.id}`;
    const detail = await ok("rev2", "GET", url);
    expect(detail.selfTotal).toBeGreaterThan(0);
    const first = detail.items[0];
    const over = await call("rev2", "PUT", url, {
      version: detail.version,
      guidance: "",
      items: [{ uid: first.uid, points: first.weight + 1, notApplicable: false, comment: null }],
    });
    expect(over.statusCode).toBe(400);
    expect(over.json().error.message).toContain("超出分值");
    // Every item as the unit scored it, but the first loses 10 points.
    const items = detail.items.map((i: { uid: string; self: { points: number | null } }, n: number) => ({
      uid: i.uid,
      points: n === 0 ? Math.max(0, (i.self.points ?? 0) - 10) : i.self.points,
      notApplicable: false,
      comment: null,
    }));
    const saved = await ok("rev2", "PUT", url, { version: detail.version, guidance: "", items });
    expect(saved.reviewTotal).toBeCloseTo(detail.selfTotal - 10, 2);
    // The page computes the review total as it is typed from what the view carries, as the server does.
    const selfScore = {
      execution: saved.execution,
      items: saved.items.flatMap((i: { self: unknown }) => (i.self ? [i.self] : [])),
    };
    expect(saved.form.missingWeight).toBe(0);
    expect(reviewScore({ items: saved.items, selfScore, missingWeight: saved.form.missingWeight }, items).total).toBe(
      saved.reviewTotal,
    );
    const early = await call("rev2", "POST", `${url}/actions`, { version: saved.version, action: "submit" });
    expect(early.statusCode).toBe(400);
    const fields = early.json().error.details.issues.map((i: { field: string }) => i.field);
    expect(fields).toEqual(expect.arrayContaining(["guidance", `items.${first.uid}.comment`]));
    const filled = await ok("rev2", "PUT", url, {
      version: saved.version,
      guidance: "维修面积未达目标，建议分期设置指标并如实填报",
      items: [{ ...items[0], comment: "佐证材料只支撑完成 800 平方米" }],
    });
    const submitted = await ok("rev2", "POST", `${url}/actions`, { version: filled.version, action: "submit" });
    expect(submitted).toMatchObject({ status: "submitted", editable: false });
    expect(
      (await call("rev2", "POST", `${url}/actions`, { version: submitted.version, action: "confirm" })).statusCode,
    ).toBe(403);
  });

  it("finance returns with a comment, the reviewer resubmits, finance confirms; statistics follow", async () => {
    const list = await ok("admin", "GET", "/api/v1/review/items?year=2025&status=submitted");
    const row = list.rows[0];
    const url = `/api/v1/review/items/${row.id}`;
    const noComment = await call("admin", "POST", `${url}/actions`, { version: row.version, action: "return" });
    expect(noComment.statusCode).toBe(400);
    const back = await ok("admin", "POST", `${url}/actions`, {
      version: row.version,
      action: "return",
      comment: "请补充佐证",
    });
    expect(back.status).toBe("returned");
    const resubmitted = await ok("rev2", "POST", `${url}/actions`, { version: back.version, action: "submit" });
    const confirmed = await ok("admin", "POST", `${url}/actions`, { version: resubmitted.version, action: "confirm" });
    expect(confirmed.status).toBe("confirmed");
    const stats = await ok("admin", "GET", "/api/v1/review/stats?year=2025");
    expect(stats.project.total).toBe(1);
    expect(stats.project.sampled).toBe(2);
    expect(stats.pending).toBe(2);
    const counted = stats.project.grades.find((g: { count: number }) => g.count === 1);
    expect(counted.percent).toBe("100.00");
    expect(stats.project.sumOfPercents).toBe("100.00");
    expect(stats.byDepartment[0]).toMatchObject({ reviewed: 1, meanDifference: 10 });
    // Sorted by a column (computed scores included); unscored rows last.
    const byBudget = await ok("admin", "GET", "/api/v1/review/items?year=2025&sort=budget&order=desc");
    const budgets = byBudget.rows.map((r: { budget: number }) => r.budget);
    expect(budgets).toEqual([...budgets].sort((a, b) => b - a));
    const byScore = await ok("admin", "GET", "/api/v1/review/items?year=2025&sort=reviewTotal&order=asc");
    expect(byScore.rows[0].reviewTotal).not.toBeNull();
    expect(byScore.rows.at(-1).reviewTotal).toBeNull();
    expect((await call("admin", "GET", "/api/v1/review/items?year=2025&sort=name")).statusCode).toBe(400);
    // The unit reads the confirmed review and its guidance.
    const unit = await ok("unit1", "GET", "/api/v1/review/items?year=2025");
    expect(unit.rows.map((r: Row) => r.code)).toEqual(["P301001A"]);
    expect(unit.rows[0].guidance).toContain("分期设置指标");
    // The guidance letter as a Word file: the unit's own, never another's.
    const orgId = unit.rows[0].unit.id;
    const letter = await call("unit1", "GET", `/api/v1/review/letter.docx?year=2025&orgId=${orgId}`);
    expect(letter.statusCode).toBe(200);
    expect(letter.headers["content-type"]).toContain("wordprocessingml");
    const xml = (await JSZip.loadAsync(letter.rawPayload)).file("word/document.xml");
    const text = await xml!.async("string");
    expect(text).toContain("测试区第一小学");
    expect(text).toContain("佐证材料只支撑完成 800 平方米");
    expect((await call("unit2", "GET", `/api/v1/review/letter.docx?year=2025&orgId=${orgId}`)).statusCode).toBe(404);
    // The results as Excel: every review, with both scores.
    const xlsx = await call("admin", "GET", "/api/v1/review/items.xlsx?year=2025");
    expect(xlsx.statusCode).toBe(200);
    const sheet = await (await JSZip.loadAsync(xlsx.rawPayload)).file("xl/sharedStrings.xml")!.async("string");
    expect(sheet).toContain("P301001A");
    expect(sheet).toContain("自评偏高");
  });
});
