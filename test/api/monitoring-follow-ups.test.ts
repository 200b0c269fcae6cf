import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Clock } from "../../src/app/context";
import { rows } from "../../src/db/repos/rows";
import { type SmallDistrict, smallDistrict } from "../support/district";
import { followUpDistrict } from "../support/follow-up-district";

/**
 * 跟进措施 of monitoring in a district from zero: finance assigns an action to a red report, the unit finds
 * the task in its inbox, answers with evidence, finance closes it; 调整绩效目标 opens the revision of the goal
 * table and closes only once it is approved. Attacks: another unit's action and files, a forged type, an
 * oversize file, a program renamed .pdf, two closes at once, wildcards in the filters.
 */
let now = new Date("2024-09-10T02:00:00Z");
const clock: Clock = { now: () => now };
let d: SmallDistrict;

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const EXE = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00"), Buffer.alloc(64, 0)]);

const call = (who: string, method: string, url: string, body?: unknown) => d.as(d.who(who), method, url, body);
const ok = async (who: string, method: string, url: string, body?: unknown, status = 200) => {
  const res = await call(who, method, url, body);
  expect(res.statusCode, `${method} ${url}: ${res.body.slice(0, 500)}`).toBe(status);
  return status === 204 ? null : res.json();
};

/** One file as multipart form data, with the content type the sender claims. */
const upload = (who: string, actionId: number, content: Buffer, fileName: string, type = "application/pdf") => {
  const boundary = "----follow-up-test";
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return d.as(d.who(who), "POST", `/api/v1/attachments?entity=monitoring_action&recordId=${actionId}`, body, {
    "content-type": `multipart/form-data; boundary=${boundary}`,
  });
};

let round: { id: number };
let reports: Record<string, { id: number; version: number }>;
let fillAndSubmit: (unit: string, dept: string, code: string) => Promise<void>;
let goalTable: (who: string, code: string) => Promise<{ id: number }>;
// biome-ignore lint/suspicious/noExplicitAny: the goal table API's reply, as the test reads it
let goalAct: (who: string, id: number, action: string, comment?: string) => Promise<any>;

const assign = (who: string, code: string, body: Record<string, unknown>) =>
  call(who, "POST", `/api/v1/monitoring/reports/${reports[code]!.id}/follow-ups`, body);
const act = (who: string, id: number, body: Record<string, unknown>) =>
  call(who, "POST", `/api/v1/monitoring/follow-ups/${id}/actions`, body);
const auditCount = async (action: string, id: number) =>
  (
    await rows<{ n: number }>(
      d.db.orm,
      sql`select count(*)::int as n from audit_log where entity = 'monitoring_action' and action = ${action}
          and entity_id = ${String(id)}`,
    )
  )[0]!.n;

beforeAll(async () => {
  d = await smallDistrict(clock);
  const setup = await followUpDistrict(d, async () => {
    now = new Date("2025-08-05T02:00:00Z");
    await d.signInAgain();
  });
  ({ round, reports, fillAndSubmit, goalTable, goalAct } = setup);
}, 180_000);
afterAll(async () => {
  await d.close();
});

describe("follow-up actions of monitoring", () => {
  let speedUp: { id: number; version: number; taskId: number };

  it("refuses a green report, a draft report, bad input and anyone but finance; writes nothing", async () => {
    const body = { kind: "speed_up", requirement: "加快支出进度", dueOn: "2025-09-30" };
    const green = await assign("admin", "P302001A", body);
    expect([green.statusCode, green.json().error.code]).toEqual([400, "MONITORING_ACTION_NOT_NEEDED"]);
    expect(green.json().error.message).toContain("绿灯");
    const draftList = await ok("admin", "GET", `/api/v1/monitoring/reports?roundId=${round.id}&q=P301002A`);
    const draft = await call("admin", "POST", `/api/v1/monitoring/reports/${draftList.rows[0].id}/follow-ups`, body);
    expect(draft.json().error).toMatchObject({ code: "MONITORING_ACTION_INVALID" });
    expect(draft.json().error.message).toContain("尚未提交");
    const blank = await assign("admin", "P301001A", { ...body, requirement: "  " });
    expect(blank.json().error).toMatchObject({ code: "MONITORING_ACTION_INVALID", details: { field: "requirement" } });
    const past = await assign("admin", "P301001A", { ...body, dueOn: "2025-08-01" });
    expect(past.json().error.message).toContain("早于今天");
    const badKind = await assign("admin", "P301001A", { ...body, kind: "fire_everyone" });
    expect(badKind.statusCode).toBe(400);
    expect((await assign("edu", "P301001A", body)).statusCode).toBe(403);
    expect((await assign("unit1", "P301001A", body)).statusCode).toBe(403);
    expect(await rows(d.db.orm, sql`select id from monitoring_actions`)).toEqual([]);
  });

  it("assigns an action to a red report: a task in the unit's inbox and a notice", async () => {
    const created = await assign("admin", "P301001A", {
      kind: "speed_up",
      requirement: "9月底前完成维修工程款支付",
      dueOn: "2025-09-30",
    });
    expect(created.statusCode, created.body).toBe(201);
    speedUp = created.json();
    expect(created.json()).toMatchObject({
      kind: "speed_up",
      kindText: "加快执行进度",
      status: "open",
      statusText: "待整改",
      org: { code: "301001" },
      overdue: false,
      allowedActions: [],
      files: [],
    });
    const inbox = await ok("unit1", "GET", "/api/v1/tasks/inbox");
    expect(inbox.tasks.find((t: { kind: string }) => t.kind === "monitoring_action")).toMatchObject({
      id: speedUp.taskId,
      title: "2025年度监控整改（截至7月）：一小校舍维修——加快执行进度",
      dueOn: "2025-09-30",
      status: "todo",
    });
    const notes = await ok("unit1", "GET", "/api/v1/notifications?pageSize=5");
    expect(notes.rows[0]).toMatchObject({ title: "新任务：监控整改（加快执行进度）" });
    const mine = await ok("unit1", "GET", `/api/v1/monitoring/follow-ups/${speedUp.id}`);
    expect(mine).toMatchObject({ allowedActions: ["submit"], canUpload: true });
    // A second action of the same kind while this one is open is refused.
    const again = await assign("admin", "P301001A", { kind: "speed_up", requirement: "再次", dueOn: "2025-09-30" });
    expect([again.statusCode, again.json().error.code]).toEqual([409, "MONITORING_ACTION_INVALID"]);
    expect(await auditCount("assign", speedUp.id)).toBe(1);
  });

  it("keeps another unit's actions and files out of reach", async () => {
    expect((await call("unit2", "GET", `/api/v1/monitoring/follow-ups/${speedUp.id}`)).statusCode).toBe(404);
    expect((await call("cdc", "GET", `/api/v1/monitoring/follow-ups/${speedUp.id}`)).statusCode).toBe(404);
    expect((await call("health", "GET", `/api/v1/monitoring/follow-ups/${speedUp.id}`)).statusCode).toBe(404);
    expect((await ok("edu", "GET", `/api/v1/monitoring/follow-ups/${speedUp.id}`)).allowedActions).toEqual([]);
    const uploadOther = await upload("unit2", speedUp.id, PDF, "证明.pdf");
    expect(uploadOther.statusCode).toBe(404);
    const submitOther = await act("unit2", speedUp.id, { version: speedUp.version, action: "submit", text: "x" });
    expect(submitOther.statusCode).toBe(404);
    // The department sees the action but does not answer for its unit.
    expect((await upload("edu", speedUp.id, PDF, "证明.pdf")).statusCode).toBe(403);
    expect((await ok("unit2", "GET", "/api/v1/monitoring/follow-ups")).total).toBe(0);
    expect((await ok("edu", "GET", "/api/v1/monitoring/follow-ups")).total).toBe(1);
  });

  it("refuses a program renamed .pdf, a forged type, a mismatched name and an oversize file", async () => {
    const exe = await upload("unit1", speedUp.id, EXE, "整改报告.pdf");
    expect([exe.statusCode, exe.json().error.code]).toEqual([400, "ATTACHMENT_INVALID"]);
    expect(exe.json().error.message).toContain("不是可接受的文件类型");
    const exeAsExe = await upload("unit1", speedUp.id, EXE, "setup.exe", "application/x-msdownload");
    expect(exeAsExe.json().error.code).toBe("ATTACHMENT_INVALID");
    // A picture sent as a PDF: the bytes decide, the claimed type and the name do not.
    const forged = await upload("unit1", speedUp.id, PNG, "付款凭证.pdf", "application/pdf");
    expect(forged.json().error).toMatchObject({ code: "ATTACHMENT_INVALID" });
    expect(forged.json().error.message).toContain("扩展名与内容不符");
    const big = await upload("unit1", speedUp.id, Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]), "大.pdf");
    expect(big.statusCode).toBe(413);
    expect(await rows(d.db.orm, sql`select id from attachments`)).toEqual([]);
  });

  it("takes the unit's evidence, safely named, and serves it only within scope", async () => {
    const noEvidence = await act("unit1", speedUp.id, { version: speedUp.version, action: "submit", text: "已支付" });
    expect([noEvidence.statusCode, noEvidence.json().error.code]).toEqual([400, "MONITORING_ACTION_NEEDS_EVIDENCE"]);
    const res = await upload("unit1", speedUp.id, PDF, "../../etc/付款凭证<1>.pdf", "application/octet-stream");
    expect(res.statusCode, res.body).toBe(201);
    const file = res.json();
    expect(file).toMatchObject({ name: "付款凭证1.pdf", mediaType: "application/pdf", size: PDF.length });
    const png = await upload("unit1", speedUp.id, PNG, "现场照片.PNG", "image/png");
    expect(png.json()).toMatchObject({ mediaType: "image/png" });

    const got = await call("unit1", "GET", `/api/v1/attachments/${file.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.headers["content-type"]).toBe("application/pdf");
    expect(got.headers["x-content-type-options"]).toBe("nosniff");
    expect(got.headers["content-disposition"]).toBe(
      `attachment; filename="attachment-${file.id}.pdf"; filename*=UTF-8''${encodeURIComponent("付款凭证1.pdf")}`,
    );
    expect(got.rawPayload.equals(PDF)).toBe(true);
    expect((await call("edu", "GET", `/api/v1/attachments/${file.id}`)).statusCode).toBe(200);
    expect((await call("admin", "GET", `/api/v1/attachments/${file.id}`)).statusCode).toBe(200);
    for (const who of ["unit2", "cdc", "health"]) {
      const other = await call(who, "GET", `/api/v1/attachments/${file.id}`);
      expect(other.statusCode, who).toBe(404);
      expect(other.body).not.toContain("付款凭证");
    }
    expect((await call("unit2", "DELETE", `/api/v1/attachments/${png.json().id}`)).statusCode).toBe(404);
    await ok("unit1", "DELETE", `/api/v1/attachments/${png.json().id}`, undefined, 204);
    expect((await ok("unit1", "GET", `/api/v1/monitoring/follow-ups/${speedUp.id}`)).files).toHaveLength(1);
  });

  it("lets the unit submit, then finance close it once, even when two closes arrive together", async () => {
    let action = await ok("unit1", "GET", `/api/v1/monitoring/follow-ups/${speedUp.id}`);
    action = await ok("unit1", "POST", `/api/v1/monitoring/follow-ups/${speedUp.id}/actions`, {
      version: action.version,
      action: "submit",
      text: "已于8月20日支付工程款30万元",
    });
    expect(action).toMatchObject({ status: "submitted", response: "已于8月20日支付工程款30万元", canUpload: false });
    expect((await upload("unit1", speedUp.id, PDF, "补充.pdf")).statusCode).toBe(403);
    const task = await ok("unit1", "GET", `/api/v1/tasks/${speedUp.taskId}`);
    expect(task.status).toBe("submitted");
    expect((await act("unit1", speedUp.id, { version: action.version, action: "close" })).statusCode).toBe(403);
    const noComment = await act("admin", speedUp.id, { version: action.version, action: "return", text: " " });
    expect(noComment.json().error.code).toBe("MONITORING_RETURN_NEEDS_COMMENT");

    const both = await Promise.all([
      act("admin", speedUp.id, { version: action.version, action: "close", text: "整改到位" }),
      act("admin", speedUp.id, { version: action.version, action: "close", text: "整改到位" }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(await auditCount("close", speedUp.id)).toBe(1);
    const closed = await ok("unit1", "GET", `/api/v1/monitoring/follow-ups/${speedUp.id}`);
    expect(closed).toMatchObject({ status: "closed", statusText: "已办结", reviewNote: "整改到位" });
    expect(closed.closedAt).not.toBeNull();
    expect(closed.history.map((h: { action: string }) => h.action)).toEqual([
      "close",
      "submit",
      "detach",
      "attach",
      "attach",
      "assign",
    ]);
    expect((await ok("unit1", "GET", `/api/v1/tasks/${speedUp.taskId}`)).status).toBe("done");
    // A closed action takes nothing more.
    const late = await act("admin", speedUp.id, { version: closed.version, action: "return", text: "再看看" });
    expect(late.json().error.code).toBe("MONITORING_ACTION_INVALID");
  });

  it("opens the goal table's revision for 调整绩效目标, and closes only once it is approved", async () => {
    await fillAndSubmit("unit2", "edu", "P301002A");
    const table = await goalTable("unit2", "P301002A");
    const created = await assign("admin", "P301002A", {
      kind: "adjust_goal",
      requirement: "按实际采购计划下调图书购置数量目标",
      dueOn: "2025-10-31",
    });
    expect(created.statusCode, created.body).toBe(201);
    const adjust = created.json();
    expect(adjust).toMatchObject({
      kind: "adjust_goal",
      goalTableId: table.id,
      org: { code: "301002" },
      revision: { goalTableId: table.id, status: "todo", approved: false },
    });
    const inbox = (await ok("unit2", "GET", "/api/v1/tasks/inbox")).tasks.map((t: { kind: string }) => t.kind);
    expect(inbox).toEqual(expect.arrayContaining(["monitoring_action", "goal_revision"]));
    const asked = await rows<{ reason: string }>(
      d.db.orm,
      sql`select reason from audit_log where action = 'request_revision' and entity_id = ${String(table.id)}`,
    );
    expect(asked).toEqual([{ reason: "绩效运行监控（截至7月）跟进措施：按实际采购计划下调图书购置数量目标" }]);

    // The unit answers with evidence; finance cannot close before the revised table is approved.
    expect((await upload("unit2", adjust.id, PDF, "调整说明.pdf")).statusCode).toBe(201);
    let action = await ok("unit2", "POST", `/api/v1/monitoring/follow-ups/${adjust.id}/actions`, {
      version: adjust.version,
      action: "submit",
      text: "已提交调整后的目标表",
    });
    const early = await act("admin", adjust.id, { version: action.version, action: "close" });
    expect([early.statusCode, early.json().error.code]).toEqual([400, "MONITORING_GOAL_NOT_REVISED"]);
    expect(await auditCount("close", adjust.id)).toBe(0);

    const draft = await goalAct("unit2", table.id, "revise", "按监控整改要求调整");
    await goalAct("unit2", draft.id, "submit");
    await goalAct("edu", draft.id, "approve");
    await goalAct("admin", draft.id, "approve");
    action = await ok("admin", "GET", `/api/v1/monitoring/follow-ups/${adjust.id}`);
    expect(action.revision).toMatchObject({ status: "done", approved: true });
    action = await ok("admin", "POST", `/api/v1/monitoring/follow-ups/${adjust.id}/actions`, {
      version: action.version,
      action: "close",
    });
    expect(action.status).toBe("closed");
  });

  it("returns an answer with a comment; lists by round, department, status and overdue; counts the round", async () => {
    const created = await assign("admin", "P301002A", {
      kind: "adjust_budget",
      requirement: "调减预算10万元_100%",
      dueOn: "2025-08-20",
    });
    expect(created.statusCode, created.body).toBe(201);
    const budget = created.json();
    expect((await upload("unit2", budget.id, PDF, "调整申请.pdf")).statusCode).toBe(201);
    let action = await ok("unit2", "POST", `/api/v1/monitoring/follow-ups/${budget.id}/actions`, {
      version: budget.version,
      action: "submit",
      text: "已申请调减",
    });
    action = await ok("admin", "POST", `/api/v1/monitoring/follow-ups/${budget.id}/actions`, {
      version: action.version,
      action: "return",
      text: "请附财政批复文件",
    });
    expect(action).toMatchObject({ status: "returned", reviewNote: "请附财政批复文件", canUpload: false });
    const mine = await ok("unit2", "GET", `/api/v1/monitoring/follow-ups/${budget.id}`);
    expect(mine).toMatchObject({ allowedActions: ["submit"], canUpload: true });
    const task = await ok("unit2", "GET", `/api/v1/tasks/${budget.taskId}`);
    expect(task.status).toBe("returned");

    // Past its due day and back with the unit: overdue.
    now = new Date("2025-08-25T02:00:00Z");
    await d.signInAgain();
    const base = `/api/v1/monitoring/follow-ups?roundId=${round.id}`;
    const all = await ok("admin", "GET", base);
    expect(all.total).toBe(3);
    const overdue = await ok("admin", "GET", `${base}&overdue=true`);
    expect(overdue.rows.map((r: { id: number; overdue: boolean }) => [r.id, r.overdue])).toEqual([[budget.id, true]]);
    expect((await ok("admin", "GET", `${base}&status=closed`)).total).toBe(2);
    const eduId = all.rows[0].department.id;
    expect((await ok("admin", "GET", `${base}&departmentId=${eduId}`)).total).toBe(3);
    expect((await ok("admin", "GET", `${base}&departmentId=${eduId + 1000}`)).total).toBe(0);
    const paged = await ok("admin", "GET", `${base}&pageSize=2&page=2&sort=createdAt`);
    expect(paged).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(paged.rows).toHaveLength(1);
    // Wildcards are taken literally.
    expect(
      (await ok("admin", "GET", `${base}&q=${encodeURIComponent("%")}`)).rows.map((r: { id: number }) => r.id),
    ).toEqual([budget.id]);
    expect((await ok("admin", "GET", `${base}&q=_`)).total).toBe(1);
    expect((await ok("admin", "GET", `${base}&q=${encodeURIComponent("调减%元")}`)).total).toBe(0);
    expect((await call("admin", "GET", `${base}&status=lost`)).statusCode).toBe(400);
    expect((await ok("unit1", "GET", base)).total).toBe(1);

    const sheet = await call(
      "admin",
      "GET",
      `/api/v1/monitoring/follow-ups/export.xlsx?roundId=${round.id}&overdue=true`,
    );
    expect(sheet.statusCode).toBe(200);
    expect(sheet.headers["content-type"]).toContain("spreadsheetml");
    expect(sheet.rawPayload.subarray(0, 2).toString()).toBe("PK");

    const summary = await ok("admin", "GET", `/api/v1/monitoring/rounds/${round.id}`);
    expect(summary.summary.actions).toEqual({ total: 3, open: 1, closed: 2, overdue: 1 });
    const year = await ok("admin", "GET", "/api/v1/monitoring/summary?year=2025");
    expect(year.actions).toEqual({ total: 3, open: 1, closed: 2, overdue: 1 });
  });
});
