import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Clock } from "../../src/app/context";
import { overdueItems, rectificationCounts } from "../../src/app/rectification/counts";
import { createUnitOfWork } from "../../src/db/repos";
import { rows } from "../../src/db/repos/rows";
import { type SmallDistrict, smallDistrict } from "../support/district";
import { followUpDistrict } from "../support/follow-up-district";

/**
 * 整改 in a district from zero. The sources are monitoring reports the units filled and submitted (the
 * evaluations have no API of their own here): finance issues a notice to 一小 from its red report, the unit
 * finds each item as a task in its inbox, answers with evidence; finance returns, then accepts. Attacks:
 * bad notices write nothing, another unit's notice is out of reach, forged and oversize files, a path in a
 * file name, state machine refusals, two accepts at once. Overdue at the deadline's boundary; 催办.
 */
let now = new Date("2024-09-10T02:00:00Z");
const clock: Clock = { now: () => now };
let d: SmallDistrict;

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const EXE = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00"), Buffer.alloc(64, 0)]);

const call = (who: string, method: string, url: string, body?: unknown) => d.as(d.who(who), method, url, body);
const ok = async (who: string, method: string, url: string, body?: unknown, status = 200) => {
  const res = await call(who, method, url, body);
  expect(res.statusCode, `${method} ${url}: ${res.body.slice(0, 500)}`).toBe(status);
  return status === 204 ? null : res.json();
};

/** One file as multipart form data. */
const upload = (who: string, itemId: number, content: Buffer, fileName: string, type = "application/pdf") => {
  const boundary = "----rectification-test";
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return d.as(d.who(who), "POST", `/api/v1/attachments?entity=rectification_item&recordId=${itemId}`, body, {
    "content-type": `multipart/form-data; boundary=${boundary}`,
  });
};

const issue = (who: string, body: Record<string, unknown>) => call(who, "POST", "/api/v1/rectification/notices", body);
const act = (who: string, id: number, body: Record<string, unknown>) =>
  call(who, "POST", `/api/v1/rectification/items/${id}/actions`, body);
const count = async (query: ReturnType<typeof sql>) => (await rows<{ n: number }>(d.db.orm, query))[0]!.n;
const auditCount = (action: string, id: number) =>
  count(
    sql`select count(*)::int as n from audit_log where entity = 'rectification_item' and action = ${action}
        and entity_id = ${String(id)}`,
  );
const orgId = async (code: string) =>
  (await rows<{ id: number }>(d.db.orm, sql`select id from orgs where code = ${code}`))[0]!.id;

let reports: Record<string, { id: number; version: number }>;
let round: { id: number };
let unit1Id: number;
const ITEMS = [
  { problem: "维修资金支付进度滞后", requirement: "8月20日前完成工程款支付", deadline: "2025-08-20" },
  { problem: "绩效目标未细化到季度", requirement: "补充季度目标并报主管部门备案", deadline: "2025-09-30" },
];

beforeAll(async () => {
  d = await smallDistrict(clock);
  ({ reports, round } = await followUpDistrict(d, async () => {
    now = new Date("2025-08-05T02:00:00Z");
    await d.signInAgain();
  }));
  unit1Id = await orgId("301001");
}, 180_000);
afterAll(async () => {
  await d.close();
});

describe("rectification notices and items", () => {
  // biome-ignore lint/suspicious/noExplicitAny: the API's reply, as the test reads it
  let notice: any;

  it("refuses bad notices with the item and field named, and writes nothing", async () => {
    const base = { source: "monitoring", sourceId: reports.P301001A!.id, unitId: unit1Id, title: "监控整改通知" };
    const none = await issue("admin", { ...base, items: [] });
    expect([none.statusCode, none.json().error.code]).toEqual([400, "RECTIFICATION_INVALID"]);
    expect(none.json().error.message).toContain("至少须列出一项");
    const past = await issue("admin", { ...base, items: [ITEMS[0], { ...ITEMS[1], deadline: "2025-08-04" }] });
    expect(past.json().error).toMatchObject({ code: "RECTIFICATION_INVALID", details: { field: "deadline" } });
    expect(past.json().error.message).toBe("第2项：整改期限（deadline）2025-08-04 早于下达日（2025-08-05）");
    const many = await issue("admin", { ...base, items: Array.from({ length: 51 }, () => ITEMS[0]) });
    expect(many.json().error.message).toContain("最多 50 项");
    const blank = await issue("admin", { ...base, items: [{ ...ITEMS[0], requirement: " " }] });
    expect(blank.json().error.message).toBe("第1项：请填写整改要求（requirement）");
    const far = await issue("admin", { ...base, items: [{ ...ITEMS[0], deadline: "2028-01-01" }] });
    expect(far.json().error.message).toContain("2027-12-31");
    // The source must exist and concern the unit addressed.
    const noSource = await issue("admin", { ...base, source: "evaluation", sourceId: 999, items: ITEMS });
    expect([noSource.statusCode, noSource.json().error.code]).toEqual([400, "RECTIFICATION_SOURCE_INVALID"]);
    const otherUnit = await issue("admin", { ...base, unitId: await orgId("302001"), items: ITEMS });
    expect(otherUnit.json().error.code).toBe("RECTIFICATION_SOURCE_INVALID");
    expect((await issue("edu", { ...base, items: ITEMS })).statusCode).toBe(403);
    expect((await issue("unit1", { ...base, items: ITEMS })).statusCode).toBe(403);
    expect(await count(sql`select count(*)::int as n from rectification_notices`)).toBe(0);
    expect(await count(sql`select count(*)::int as n from rectification_items`)).toBe(0);
    expect(await count(sql`select count(*)::int as n from tasks where kind = 'rectification'`)).toBe(0);
  });

  it("issues a notice: each item a task in the unit's inbox, and a notice to it; once per source and unit", async () => {
    const body = {
      source: "monitoring",
      sourceId: reports.P301001A!.id,
      unitId: unit1Id,
      title: "一小校舍维修监控整改",
      items: ITEMS,
    };
    const created = await issue("admin", body);
    expect(created.statusCode, created.body).toBe(201);
    notice = created.json();
    expect(notice).toMatchObject({
      fiscalYear: 2025,
      source: "monitoring",
      sourceText: "绩效监控",
      unit: { code: "301001" },
      department: { code: "301" },
      project: { code: "P301001A", name: "一小校舍维修" },
      counts: { items: 2, issued: 2, overdue: 0 },
    });
    expect(
      notice.items.map((i: { seq: number; status: string; overdue: boolean }) => [i.seq, i.status, i.overdue]),
    ).toEqual([
      [1, "issued", false],
      [2, "issued", false],
    ]);
    const inbox = await ok("unit1", "GET", "/api/v1/tasks/inbox");
    const tasks = inbox.tasks.filter((t: { kind: string }) => t.kind === "rectification");
    expect(
      tasks.map((t: { id: number; title: string; dueOn: string; status: string; kindLabel: string }) => t),
    ).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: notice.items[0].taskId,
          title: "2025年度整改落实：一小校舍维修监控整改——第1项",
          dueOn: "2025-08-20",
          status: "todo",
          kindLabel: "整改落实",
          link: `/rectification/items/${notice.items[0].id}`,
        }),
        expect.objectContaining({ id: notice.items[1].taskId, dueOn: "2025-09-30" }),
      ]),
    );
    const notes = await ok("unit1", "GET", "/api/v1/notifications?pageSize=5");
    expect(notes.rows.map((n: { title: string }) => n.title)).toContain(
      "新任务：整改落实（一小校舍维修监控整改 第1项）",
    );
    const again = await issue("admin", body);
    expect([again.statusCode, again.json().error.code]).toEqual([409, "RECTIFICATION_NOTICE_EXISTS"]);
    expect(await count(sql`select count(*)::int as n from rectification_notices`)).toBe(1);
    // 疾控's own report, for the scope checks: two notices sent at once, one is written.
    const cdcBody = {
      source: "monitoring",
      sourceId: reports.P302001A!.id,
      unitId: await orgId("302001"),
      title: "疾控免疫规划监控整改",
      items: [ITEMS[1]],
    };
    const both = await Promise.all([issue("admin", cdcBody), issue("admin", cdcBody)]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(await count(sql`select count(*)::int as n from tasks where kind = 'rectification'`)).toBe(3);
  });

  it("keeps another unit's notices, items and files out of reach", async () => {
    const item = notice.items[0];
    for (const who of ["unit2", "cdc", "health"]) {
      expect((await call(who, "GET", `/api/v1/rectification/notices/${notice.id}`)).statusCode, who).toBe(404);
      expect((await call(who, "GET", `/api/v1/rectification/items/${item.id}`)).statusCode, who).toBe(404);
    }
    expect((await upload("unit2", item.id, PDF, "证明.pdf")).statusCode).toBe(404);
    expect((await act("unit2", item.id, { version: item.version, action: "answer", text: "x" })).statusCode).toBe(404);
    // The department sees its unit's notice but does not answer for it.
    expect((await ok("edu", "GET", `/api/v1/rectification/items/${item.id}`)).allowedActions).toEqual([]);
    expect((await upload("edu", item.id, PDF, "证明.pdf")).statusCode).toBe(403);
    const deptAnswer = await act("edu", item.id, { version: item.version, action: "answer", text: "x" });
    expect([deptAnswer.statusCode, deptAnswer.json().error.code]).toEqual([403, "RECTIFICATION_ROLE_NOT_ALLOWED"]);
    expect((await ok("unit1", "GET", "/api/v1/rectification/notices")).total).toBe(1);
    expect((await ok("unit2", "GET", "/api/v1/rectification/notices")).total).toBe(0);
    expect((await ok("edu", "GET", "/api/v1/rectification/notices")).total).toBe(1);
    expect((await ok("edu", "GET", `/api/v1/rectification/notices?unitId=${unit1Id}`)).total).toBe(1);
    expect((await ok("admin", "GET", "/api/v1/rectification/notices?year=2025")).total).toBe(2);
    expect((await ok("cdc", "GET", "/api/v1/rectification/items")).total).toBe(1);
  });

  it("lets a department answer a notice addressed to itself, not its unit", async () => {
    const list = await ok("admin", "GET", `/api/v1/monitoring/reports?roundId=${round.id}&q=P301002A`);
    const created = await issue("admin", {
      source: "monitoring",
      sourceId: list.rows[0].id,
      unitId: await orgId("301"),
      title: "教育局图书购置整改",
      items: [{ ...ITEMS[1], deadline: "2025-12-31" }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const item = created.json().items[0];
    expect(created.json()).toMatchObject({ unit: { code: "301" }, department: { code: "301" } });
    expect((await call("unit2", "GET", `/api/v1/rectification/items/${item.id}`)).statusCode).toBe(404);
    expect((await ok("edu", "GET", `/api/v1/rectification/items/${item.id}`)).allowedActions).toEqual(["answer"]);
    expect((await upload("edu", item.id, PDF, "采购计划.pdf")).statusCode).toBe(201);
    const answered = await ok("edu", "POST", `/api/v1/rectification/items/${item.id}/actions`, {
      version: item.version,
      action: "answer",
      text: "已调整采购计划",
    });
    expect(answered).toMatchObject({ status: "answered", taskStatus: "submitted" });
  });

  it("refuses a program renamed .pdf and an oversize file; names a file safely", async () => {
    const item = notice.items[0];
    const noEvidence = await act("unit1", item.id, { version: item.version, action: "answer", text: "已支付" });
    expect([noEvidence.statusCode, noEvidence.json().error.code]).toEqual([400, "RECTIFICATION_NEEDS_EVIDENCE"]);
    const exe = await upload("unit1", item.id, EXE, "整改报告.pdf");
    expect([exe.statusCode, exe.json().error.code]).toEqual([400, "ATTACHMENT_INVALID"]);
    const big = await upload("unit1", item.id, Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]), "大.pdf");
    expect(big.statusCode).toBe(413);
    expect(await count(sql`select count(*)::int as n from attachments where record_id = ${item.id}`)).toBe(0);
    const res = await upload("unit1", item.id, PDF, "../../etc/付款凭证<1>.pdf", "application/octet-stream");
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ name: "付款凭证1.pdf", mediaType: "application/pdf" });
    expect((await call("edu", "GET", `/api/v1/attachments/${res.json().id}`)).statusCode).toBe(200);
    expect((await call("unit2", "GET", `/api/v1/attachments/${res.json().id}`)).statusCode).toBe(404);
  });

  it("takes the answer, refuses what the state does not allow, returns with a note and accepts once", async () => {
    const [first, second] = notice.items;
    const noText = await act("unit1", first.id, { version: first.version, action: "answer", text: " " });
    expect(noText.json().error).toMatchObject({ code: "RECTIFICATION_NEEDS_EVIDENCE", details: { field: "text" } });
    expect((await act("admin", first.id, { version: first.version, action: "answer", text: "x" })).statusCode).toBe(
      403,
    );
    let item = await ok("unit1", "POST", `/api/v1/rectification/items/${first.id}/actions`, {
      version: first.version,
      action: "answer",
      text: "已于8月15日支付工程款30万元",
    });
    expect(item).toMatchObject({ status: "answered", answer: "已于8月15日支付工程款30万元", canUpload: false });
    expect((await ok("unit1", "GET", `/api/v1/tasks/${first.taskId}`)).status).toBe("submitted");
    expect((await upload("unit1", first.id, PDF, "补充.pdf")).statusCode).toBe(403);
    // Accepting an item not yet answered is a conflict with its state.
    const early = await act("admin", second.id, { version: second.version, action: "accept" });
    expect([early.statusCode, early.json().error.code]).toEqual([409, "RECTIFICATION_INVALID_TRANSITION"]);
    const noNote = await act("admin", first.id, { version: item.version, action: "return", text: "" });
    expect([noNote.statusCode, noNote.json().error.code]).toEqual([400, "RECTIFICATION_RETURN_NEEDS_COMMENT"]);
    item = await ok("admin", "POST", `/api/v1/rectification/items/${first.id}/actions`, {
      version: item.version,
      action: "return",
      text: "请附银行付款回单",
    });
    expect(item).toMatchObject({ status: "returned", verdictNote: "请附银行付款回单" });
    expect((await ok("unit1", "GET", `/api/v1/tasks/${first.taskId}`)).status).toBe("returned");
    const notes = await ok("unit1", "GET", "/api/v1/notifications?pageSize=5");
    expect(notes.rows[0].title).toContain("整改事项退回重改");
    expect((await upload("unit1", first.id, PDF, "回单.pdf")).statusCode).toBe(201);
    item = await ok("unit1", "POST", `/api/v1/rectification/items/${first.id}/actions`, {
      version: item.version,
      action: "answer",
      text: "补充银行付款回单",
    });

    const both = await Promise.all([
      act("admin", first.id, { version: item.version, action: "accept", text: "整改到位" }),
      act("admin", first.id, { version: item.version, action: "accept", text: "整改到位" }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(await auditCount("accept", first.id)).toBe(1);
    const accepted = await ok("unit1", "GET", `/api/v1/rectification/items/${first.id}`);
    expect(accepted).toMatchObject({
      status: "accepted",
      statusText: "已验收",
      verdictNote: "整改到位",
      files: [{}, {}],
    });
    expect(accepted.acceptedAt).not.toBeNull();
    expect(accepted.history.map((h: { action: string }) => h.action)).toEqual([
      "accept",
      "answer",
      "attach",
      "return",
      "answer",
      "attach",
    ]);
    expect((await ok("unit1", "GET", `/api/v1/tasks/${first.taskId}`)).status).toBe("done");
    const late = await act("unit1", first.id, { version: accepted.version, action: "answer", text: "再补充" });
    expect([late.statusCode, late.json().error.code]).toEqual([409, "RECTIFICATION_INVALID_TRANSITION"]);
  });

  it("flags an item overdue from the day after its deadline, in lists, counts and the inbox", async () => {
    const second = notice.items[1];
    // 23:59 on the deadline day in China: not yet overdue.
    now = new Date("2025-09-30T15:59:00Z");
    await d.signInAgain();
    expect((await ok("unit1", "GET", `/api/v1/rectification/items/${second.id}`)).overdue).toBe(false);
    expect((await ok("admin", "GET", "/api/v1/rectification/counts?year=2025")).overdue).toBe(0);
    // 00:00 the next day: overdue.
    now = new Date("2025-09-30T16:00:00Z");
    expect((await ok("unit1", "GET", `/api/v1/rectification/items/${second.id}`)).overdue).toBe(true);
    const task = (await ok("unit1", "GET", "/api/v1/tasks/inbox")).tasks.find(
      (t: { id: number }) => t.id === second.taskId,
    );
    expect(task).toMatchObject({ overdue: true, status: "todo" });
    expect(await ok("admin", "GET", "/api/v1/rectification/counts?year=2025")).toMatchObject({
      items: 4,
      issued: 2,
      accepted: 1,
      answered: 1,
      returned: 0,
      overdue: 2,
    });
    expect((await ok("unit1", "GET", "/api/v1/rectification/counts?year=2025")).overdue).toBe(1);
    const overdue = await ok("admin", "GET", `/api/v1/rectification/items?year=2025&overdue=true&unitId=${unit1Id}`);
    expect(overdue.rows.map((r: { id: number }) => r.id)).toEqual([second.id]);
    const notices = await ok("admin", "GET", "/api/v1/rectification/notices?overdue=true&sort=unit");
    expect(notices.rows.map((n: { unit: { code: string } }) => n.unit.code)).toEqual(["301001", "302001"]);
    const eduId = await orgId("301");
    expect((await ok("admin", "GET", `/api/v1/rectification/notices?departmentId=${eduId}`)).total).toBe(2);
    expect((await ok("admin", "GET", "/api/v1/rectification/notices?status=accepted")).total).toBe(1);
    expect((await ok("admin", "GET", "/api/v1/rectification/items?status=accepted")).total).toBe(1);
    expect((await call("admin", "GET", "/api/v1/rectification/items?sort=password")).statusCode).toBe(400);

    // The functions other parts of the system call.
    const repos = createUnitOfWork(d.db).read;
    expect(await rectificationCounts(repos, "450299", 2025, "2025-10-01")).toMatchObject({ items: 4, overdue: 2 });
    expect(await rectificationCounts(repos, "450299", 2025, "2025-09-30")).toMatchObject({ overdue: 0 });
    const listed = await overdueItems(repos, "450299", 2025, "2025-10-01");
    expect(listed.map((i) => [i.unit.code, i.project?.code, i.seq, i.deadline])).toEqual([
      ["301001", "P301001A", 2, "2025-09-30"],
      ["302001", "P302001A", 1, "2025-09-30"],
    ]);
  });

  it("lets finance remind the unit of an item (催办), and exports the items", async () => {
    const second = notice.items[1];
    const task = await ok("admin", "GET", `/api/v1/tasks/${second.taskId}`);
    const reminded = await ok("admin", "POST", `/api/v1/tasks/${second.taskId}/remind`, {
      version: task.version,
      message: "请尽快完成整改",
    });
    expect(reminded.reminders).toBe(1);
    const notes = await ok("unit1", "GET", "/api/v1/notifications?pageSize=5");
    expect(notes.rows[0]).toMatchObject({ title: "催办：2025年度整改落实：一小校舍维修监控整改——第2项" });
    // An accepted item's task is done: nothing to remind.
    const done = await ok("admin", "GET", `/api/v1/tasks/${notice.items[0].taskId}`);
    const refused = await call("admin", "POST", `/api/v1/tasks/${done.id}/remind`, { version: done.version });
    expect(refused.json().error.code).toBe("TASK_NOT_OPEN");

    const sheet = await call("admin", "GET", "/api/v1/rectification/items/export.xlsx?year=2025");
    expect(sheet.statusCode, sheet.body.slice(0, 300)).toBe(200);
    expect(sheet.headers["content-type"]).toContain("spreadsheetml");
    expect(sheet.rawPayload.subarray(0, 2).toString()).toBe("PK");
  });
});
