import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_EVALUATION_FRAMEWORK } from "../../src/core/evaluations/framework";
import { rows } from "../../src/db/repos/rows";
import { type EvaluationDistrict, evaluationDistrict } from "../support/evaluation-district";

/**
 * The year's department evaluation (部门评价) from an empty district: finance opens it, 教育局 evaluates 一小校舍维修
 * with evidence and a report, finance returns it and finalises it; the tasks follow; coverage and the key
 * projects still due.
 */
let t: EvaluationDistrict;
beforeAll(async () => {
  t = await evaluationDistrict();
  await t.ok("admin", "PUT", "/api/v1/evaluations/framework?year=2025", {
    ...DEFAULT_EVALUATION_FRAMEWORK,
    keyProjectCycleYears: 3,
    keyProjectThresholdFen: 40_0000_00,
    reason: "重点项目标准为40万元",
  });
});
afterAll(() => t.d.close());

const F = DEFAULT_EVALUATION_FRAMEWORK;
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const EXE = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00"), Buffer.alloc(64, 0)]);
const REPORT = {
  basics: "一小校舍维修项目年度预算52万元，用于教学楼屋面防水及外墙维修。",
  work: "成立评价工作组，查阅资料、现场核查并访谈师生。",
  problems: "项目完工较计划滞后一个月。",
  recommendations: "加强进度管理，提前开展招标。",
};

const upload = (who: string, id: number, content: Buffer, fileName: string) => {
  const boundary = "----evaluation-test";
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.d.as(t.d.who(who), "POST", `/api/v1/attachments?entity=evaluation&recordId=${id}`, body, {
    "content-type": `multipart/form-data; boundary=${boundary}`,
  });
};
const taskOf = async (who: string) =>
  (await t.ok(who, "GET", "/api/v1/tasks?year=2025&kind=department_evaluation")).rows as {
    status: string;
    org: { code: string };
    link: string;
  }[];

let id = 0;
let version = 0;

describe("the department evaluation of a year", () => {
  it("waits for finance to open the year, then gives every department with projects a task", async () => {
    const early = await t.call("edu", "POST", "/api/v1/evaluations/department", {
      projectId: await t.project(2025, "P301001A"),
    });
    expect([early.statusCode, early.json().error.code]).toEqual([409, "EVALUATION_NOT_OPEN"]);
    const late = await t.call("admin", "POST", "/api/v1/evaluations/department/rounds", {
      fiscalYear: 2025,
      dueOn: "2030-01-01",
    });
    expect(late.json().error.code).toBe("EVALUATION_ROUND_INVALID");
    const opened = await t.ok("admin", "POST", "/api/v1/evaluations/department/rounds", {
      fiscalYear: 2025,
      dueOn: "2026-03-31",
    });
    expect(opened).toMatchObject({ tasksCreated: 2, tasksExisting: 0 });
    expect((await taskOf("admin")).map((x) => [x.org.code, x.status])).toEqual([
      ["301", "todo"],
      ["302", "todo"],
    ]);
    expect((await taskOf("edu")).map((x) => x.link)).toEqual(["/evaluations?kind=department"]);
  });

  it("lets a department evaluate its own projects only, with the department as the one scorer", async () => {
    const other = await t.call("health", "POST", "/api/v1/evaluations/department", {
      projectId: await t.project(2025, "P301001A"),
    });
    expect(other.statusCode).toBe(404);
    const admin = await t.call("admin", "POST", "/api/v1/evaluations/department", {
      projectId: await t.project(2025, "P301001A"),
    });
    expect([admin.statusCode, admin.json().error.code]).toEqual([403, "EVALUATION_NOT_OWNER"]);
    const e = await t.ok("edu", "POST", "/api/v1/evaluations/department", {
      projectId: await t.project(2025, "P301001A"),
    });
    expect(e).toMatchObject({
      kind: "department",
      status: "draft",
      owner: { code: "301" },
      amount: 52_000_000,
      canScore: true,
    });
    expect(e.members).toEqual([expect.objectContaining({ expert: null, isLead: true, submitted: false })]);
    id = e.id;
    expect((await taskOf("edu"))[0]!.status).toBe("in_progress");
    // Nobody outside the department sees it before it is final; finance does.
    expect((await t.call("health", "GET", `/api/v1/evaluations/${id}`)).statusCode).toBe(404);
    expect((await t.call("unit1", "GET", `/api/v1/evaluations/${id}`)).statusCode).toBe(404);
    expect((await t.ok("admin", "GET", `/api/v1/evaluations/${id}`)).id).toBe(id);
  });

  it("refuses evidence of the wrong type or oversize, and names a path-traversing file safely", async () => {
    const exe = await upload("edu", id, EXE, "评价底稿.pdf");
    expect([exe.statusCode, exe.json().error.code]).toEqual([400, "ATTACHMENT_INVALID"]);
    const big = await upload("edu", id, Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]), "大.pdf");
    expect(big.statusCode).toBe(413);
    expect(await rows(t.d.db.orm, sql`select id from attachments`)).toEqual([]);
    const other = await upload("health", id, PDF, "证明.pdf");
    expect(other.statusCode).toBe(404);
    const ok = await upload("edu", id, PDF, "../../etc/现场核查记录.pdf");
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ name: "现场核查记录.pdf", mediaType: "application/pdf" });
    expect((await t.call("admin", "GET", `/api/v1/attachments/${ok.json().id}`)).statusCode).toBe(200);
  });

  it("takes the department's scores and plain-text report; submits only when complete", async () => {
    let e = await t.ok("edu", "GET", `/api/v1/evaluations/${id}`);
    e = await t.ok("edu", "PUT", `/api/v1/evaluations/${id}/sheet`, {
      version: e.members[0].version,
      scores: F.rows.filter((r) => r.uid !== "B4").map((r) => ({ uid: r.uid, points: r.points, comment: "" })),
    });
    const markup = await t.call("edu", "PUT", `/api/v1/evaluations/${id}/report`, {
      version: e.version,
      ...REPORT,
      problems: "<script>alert(1)</script>",
    });
    expect(markup.json().error).toMatchObject({ code: "EVALUATION_REPORT_INVALID", details: { field: "problems" } });
    const noReport = await t.call("edu", "POST", `/api/v1/evaluations/${id}/submit`, { version: e.version });
    expect(noReport.json().error.code).toBe("EVALUATION_SCORES_INCOMPLETE");
    expect(noReport.json().error.message).toContain("服务对象满意度");
    e = await t.ok("edu", "PUT", `/api/v1/evaluations/${id}/sheet`, {
      version: e.members[0].version,
      scores: [{ uid: "B4", points: 8.5, comment: "满意度87%" }],
    });
    expect(e.scores).toMatchObject({ score: 98.5, grade: "excellent" });
    const unreported = await t.call("edu", "POST", `/api/v1/evaluations/${id}/submit`, { version: e.version });
    expect(unreported.json().error.code).toBe("EVALUATION_REPORT_INVALID");
    e = await t.ok("edu", "PUT", `/api/v1/evaluations/${id}/report`, { version: e.version, ...REPORT });
    expect(e.report).toEqual(REPORT);
    e = await t.ok("edu", "POST", `/api/v1/evaluations/${id}/submit`, { version: e.version });
    expect(e).toMatchObject({ status: "submitted", canScore: false });
    expect((await taskOf("edu"))[0]!.status).toBe("submitted");
    const late = await upload("edu", id, PDF, "补充.pdf");
    expect(late.statusCode).toBe(403);
    const rescore = await t.call("edu", "PUT", `/api/v1/evaluations/${id}/sheet`, { version: 99, scores: [] });
    expect(rescore.statusCode).toBe(409);
    version = e.version;
  });

  it("is returned with a note, answered, and finalised by finance; the task follows", async () => {
    const bare = await t.call("admin", "POST", `/api/v1/evaluations/${id}/actions`, { version, action: "return" });
    expect(bare.json().error.code).toBe("EVALUATION_RETURN_NEEDS_NOTE");
    const notFinance = await t.call("edu", "POST", `/api/v1/evaluations/${id}/actions`, {
      version,
      action: "finalise",
    });
    expect(notFinance.statusCode).toBe(403);
    let e = await t.ok("admin", "POST", `/api/v1/evaluations/${id}/actions`, {
      version,
      action: "return",
      note: "满意度调查样本量不足，请补充说明",
    });
    expect(e).toMatchObject({ status: "returned", returnNote: "满意度调查样本量不足，请补充说明" });
    expect((await taskOf("edu"))[0]!.status).toBe("returned");
    e = await t.ok("edu", "GET", `/api/v1/evaluations/${id}`);
    expect(e.canScore).toBe(true);
    e = await t.ok("edu", "PUT", `/api/v1/evaluations/${id}/report`, {
      version: e.version,
      ...REPORT,
      work: `${REPORT.work}补充发放问卷120份。`,
    });
    e = await t.ok("edu", "POST", `/api/v1/evaluations/${id}/submit`, { version: e.version });
    e = await t.ok("admin", "POST", `/api/v1/evaluations/${id}/actions`, { version: e.version, action: "finalise" });
    expect(e).toMatchObject({ status: "final", scores: { score: 98.5 } });
    expect((await taskOf("edu"))[0]!.status).toBe("done");
    expect((await t.ok("unit1", "GET", `/api/v1/evaluations/${id}`)).status).toBe("final");
  });

  it("reports coverage by department and the key projects still due", async () => {
    const c = await t.ok("admin", "GET", "/api/v1/evaluations/coverage?year=2025");
    expect(c).toMatchObject({
      departments: 2,
      covered: 1,
      participating: 1,
      rate: "50.00",
      minProjectsPerDepartment: 1,
    });
    expect(
      c.rows.map((r: { departmentCode: string; projects: number; evaluations: number; meets: boolean }) => [
        r.departmentCode,
        r.projects,
        r.evaluations,
        r.meets,
      ]),
    ).toEqual([
      ["301", 2, 1, true],
      ["302", 1, 0, false],
    ]);
    // 一小校舍维修 was evaluated this year; 疾控免疫规划 (80万元) has no final evaluation in 2023–2025.
    expect(c.keyProjectsDue.map((p: { projectCode: string }) => p.projectCode)).toEqual(["P302001A"]);
    const edu = await t.ok("edu", "GET", "/api/v1/evaluations/coverage?year=2025");
    expect(edu.rows.map((r: { departmentCode: string }) => r.departmentCode)).toEqual(["301"]);
    const list = await t.ok("admin", "GET", "/api/v1/evaluations?year=2025&kind=department&sort=amount&order=desc");
    expect(list.rows.map((r: { project: { code: string }; status: string }) => [r.project.code, r.status])).toEqual([
      ["P301001A", "final"],
    ]);
    const bad = await t.call("admin", "GET", "/api/v1/evaluations?year=2025&sort=secret");
    expect(bad.statusCode).toBe(400);
  });

  it("lists its evidence and history to those who read it; the points in the history only to finance", async () => {
    const files = await t.ok("edu", "GET", `/api/v1/evaluations/${id}/files`);
    expect(files).toMatchObject({ canAttach: false, files: [{ name: "现场核查记录.pdf" }] });
    expect((await t.ok("admin", "GET", `/api/v1/evaluations/${id}/files`)).files).toHaveLength(1);
    expect((await t.call("health", "GET", `/api/v1/evaluations/${id}/files`)).statusCode).toBe(404);
    const full = (await t.ok("admin", "GET", `/api/v1/evaluations/${id}/history`)).rows;
    expect(full.map((r: { action: string }) => r.action)).toEqual(
      expect.arrayContaining(["create", "score", "attach", "submit", "return", "finalise"]),
    );
    const scored = full.find((r: { action: string }) => r.action === "score");
    expect(scored.after.scores.length).toBeGreaterThan(0);
    const own = (await t.ok("unit1", "GET", `/api/v1/evaluations/${id}/history`)).rows;
    expect(own).toHaveLength(full.length);
    expect(own.every((r: { before: unknown; after: unknown }) => r.before === null && r.after === null)).toBe(true);
    expect((await t.call("health", "GET", `/api/v1/evaluations/${id}/history`)).statusCode).toBe(404);
  });
});
