import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeAttachment, uploadAttachment } from "../../src/app/attachments/upload";
import { actorOf } from "../../src/app/auth/actor";
import type { Actor, Deps } from "../../src/app/context";
import { actOnMonitoringAction } from "../../src/app/monitoring/act-on-action";
import { createUnitOfWork } from "../../src/db/repos";
import { rows } from "../../src/db/repos/rows";
import { argon2Hasher } from "../../src/server/auth/password";
import { bombXlsx } from "../support/crafted-xlsx";
import { held, untilHeld } from "../support/held";
import { type MonitoringDistrict, monitoringDistrict } from "../support/monitoring-district";

/**
 * Monitoring as an attacker sees it, in a district from zero: the key draw's record read from outside
 * finance, evidence taken away (or slipped in) while the unit's submission is being written, an expected
 * year-end amount past anything the import takes, and markup in the follow-up texts.
 */
let m: MonitoringDistrict;
let deps: Deps;
let round: { id: number };
const reports: Record<string, { id: number; version: number }> = {};

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

const call = (who: string, method: string, url: string, body?: unknown) => m.d.as(m.d.who(who), method, url, body);
const ok = async (who: string, method: string, url: string, body?: unknown, status = 200) => {
  const res = await call(who, method, url, body);
  expect(res.statusCode, `${method} ${url}: ${res.body.slice(0, 500)}`).toBe(status);
  return status === 204 ? null : res.json();
};
const actor = async (username: string): Promise<Actor> =>
  actorOf((await deps.uow.read.users.withOrg((await deps.uow.read.users.byUsername(username))!.id))!);

/** The unit fills every indicator as certain and submits; the department approves. */
async function fillAndSubmit(unit: string, dept: string, code: string) {
  const list = await ok(unit, "GET", `/api/v1/monitoring/reports?roundId=${round.id}&q=${code}`);
  const url = `/api/v1/monitoring/reports/${list.rows[0].id}`;
  let report = await ok(unit, "GET", url);
  report = await ok(unit, "PUT", url, {
    version: report.version,
    overallStatus: "按计划推进。",
    expectedYearEnd: report.execution.budget,
    executionNote: null,
    items: report.items.map((i: { uid: string }) => ({
      uid: i.uid,
      progress: "50",
      expected: "100",
      likelihood: "certain",
      cause: null,
      causeNote: null,
      measures: null,
    })),
  });
  report = await ok(unit, "POST", `${url}/actions`, { version: report.version, action: "submit" });
  report = await ok(dept, "POST", `${url}/actions`, { version: report.version, action: "approve" });
  reports[code] = report;
}

/** A fresh 加快执行进度 action on 一小校舍维修 (red), with one evidence file; the previous one is closed first. */
async function actionWithEvidence() {
  const open = await rows<{ id: number; version: number }>(
    m.d.db.orm,
    sql`select id, version from monitoring_actions where status <> 'closed'`,
  );
  for (const a of open)
    await m.d.db.orm.execute(sql`update monitoring_actions set status = 'closed' where id = ${a.id}`);
  const action = await ok(
    "admin",
    "POST",
    `/api/v1/monitoring/reports/${reports.P301001A!.id}/follow-ups`,
    { kind: "speed_up", requirement: "9月底前完成维修工程款支付", dueOn: "2025-09-30" },
    201,
  );
  const unit1 = await actor("unit1");
  const file = await uploadAttachment(deps, unit1, {
    entity: "monitoring_action",
    recordId: action.id,
    fileName: "付款凭证.pdf",
    bytes: PDF,
  });
  return { action, file, unit1 };
}
const files = async (actionId: number) =>
  rows<{ id: number }>(m.d.db.orm, sql`select id from attachments where record_id = ${actionId}`);
const statusOf = async (actionId: number) =>
  (await rows<{ status: string }>(m.d.db.orm, sql`select status from monitoring_actions where id = ${actionId}`))[0]!
    .status;

beforeAll(async () => {
  m = await monitoringDistrict();
  deps = {
    uow: createUnitOfWork(m.d.db),
    clock: { now: () => new Date("2025-08-05T02:00:00Z") },
    hasher: argon2Hasher,
  };
  round = (
    await ok(
      "admin",
      "POST",
      "/api/v1/monitoring/rounds",
      { fiscalYear: 2025, cutoffMonth: 7, dueOn: "2025-08-31", selectionDueOn: "2025-08-15" },
      201,
    )
  ).round;
  const candidates = await ok("edu", "GET", `/api/v1/monitoring/rounds/${round.id}/candidates`);
  const chosen = candidates.filter((c: { code: string }) => c.code === "P301001A");
  await ok("edu", "POST", `/api/v1/monitoring/rounds/${round.id}/selections/${chosen[0].department.id}/subjects`, {
    subjects: chosen.map((c: { id: number }) => ({ subjectKind: "project", id: c.id })),
  });
  await fillAndSubmit("unit1", "edu", "P301001A");
  const health = await ok("health", "GET", `/api/v1/monitoring/rounds/${round.id}/candidates`);
  const cdc = health.filter((c: { code: string }) => c.code === "P302001A");
  await ok("health", "POST", `/api/v1/monitoring/rounds/${round.id}/selections/${cdc[0].department.id}/subjects`, {
    subjects: cdc.map((c: { id: number }) => ({ subjectKind: "project", id: c.id })),
  });
}, 180_000);
afterAll(async () => {
  await m.d.close();
});

describe("monitoring under attack", () => {
  it("keeps the key draw's record (every project of the region, with its budget) to finance and the auditor", async () => {
    const drawn = await ok(
      "admin",
      "POST",
      `/api/v1/monitoring/rounds/${round.id}/key-draw`,
      { count: 1, excluded: ["P301001A"] },
      201,
    );
    expect(drawn.populationSize).toBeGreaterThan(0);
    for (const who of ["unit1", "unit2", "cdc", "edu", "health"]) {
      const res = await call(who, "GET", `/api/v1/monitoring/rounds/${round.id}/key-draw`);
      expect(res.statusCode, `${who}: ${res.body.slice(0, 300)}`).toBe(403);
      expect(res.body).not.toContain("疾控免疫规划");
    }
    const mine = await ok("admin", "GET", `/api/v1/monitoring/rounds/${round.id}/key-draw`);
    expect(mine.replay).toMatchObject({ matches: true });
  });

  it("refuses a submission whose only evidence was removed while it was being written", async () => {
    const { action, file, unit1 } = await actionWithEvidence();
    const slow = held(deps);
    const submitting = actOnMonitoringAction(slow.deps, unit1, action.id, {
      version: action.version,
      action: "submit",
      text: "已支付工程款",
    }).catch((e: unknown) => e);
    await untilHeld(slow, submitting);
    await removeAttachment(deps, unit1, file.id);
    slow.open();
    expect(await submitting).toMatchObject({ code: "MONITORING_ACTION_NEEDS_EVIDENCE" });
    expect(await statusOf(action.id)).toBe("open");
  });

  it("does not take evidence away once the submission got in first", async () => {
    const { action, file, unit1 } = await actionWithEvidence();
    const slow = held(deps);
    const removing = removeAttachment(slow.deps, unit1, file.id).catch((e: unknown) => e);
    await untilHeld(slow, removing);
    await actOnMonitoringAction(deps, unit1, action.id, { version: action.version, action: "submit", text: "已支付" });
    slow.open();
    expect(await removing).toMatchObject({ code: "MONITORING_ROLE_NOT_ALLOWED" });
    expect(await statusOf(action.id)).toBe("submitted");
    expect(await files(action.id)).toHaveLength(1);
  });

  it("does not slip a file into an action already submitted", async () => {
    const { action, unit1 } = await actionWithEvidence();
    const slow = held(deps);
    const adding = uploadAttachment(slow.deps, unit1, {
      entity: "monitoring_action",
      recordId: action.id,
      fileName: "补充.pdf",
      bytes: PDF,
    }).catch((e: unknown) => e);
    await untilHeld(slow, adding);
    await actOnMonitoringAction(deps, unit1, action.id, { version: action.version, action: "submit", text: "已支付" });
    slow.open();
    expect(await adding).toMatchObject({ code: "MONITORING_ROLE_NOT_ALLOWED" });
    expect(await files(action.id)).toHaveLength(1);
  });

  it("refuses an expected year-end amount past what any budget holds, or not a whole number of fen", async () => {
    const list = await ok("cdc", "GET", `/api/v1/monitoring/reports?roundId=${round.id}&q=P302001A`);
    const url = `/api/v1/monitoring/reports/${list.rows[0].id}`;
    const report = await ok("cdc", "GET", url);
    const save = (expectedYearEnd: unknown) =>
      call("cdc", "PUT", url, {
        version: report.version,
        overallStatus: "",
        expectedYearEnd,
        executionNote: null,
        items: [],
      });
    // 9,007,199,254,740,991 fen is a safe integer, and 900 亿亿元: far past the import's 100 亿元 cap.
    const huge = await save(Number.MAX_SAFE_INTEGER);
    expect([huge.statusCode, huge.json().error.details?.field]).toEqual([400, "expectedYearEnd"]);
    expect(huge.json().error.message).toContain("预计全年执行数");
    for (const bad of [1e20, -1, 1.5, "1e3", "NaN", "Infinity"]) {
      const res = await save(bad);
      expect(res.statusCode, `${String(bad)}: ${res.body.slice(0, 200)}`).toBe(400);
    }
    expect((await ok("cdc", "GET", url)).version).toBe(report.version);
  });

  it("refuses markup in a follow-up's requirement and in the unit's answer, and writes nothing", async () => {
    const before = (await rows(m.d.db.orm, sql`select id from monitoring_actions`)).length;
    const assigned = await call("admin", "POST", `/api/v1/monitoring/reports/${reports.P301001A!.id}/follow-ups`, {
      kind: "adjust_budget",
      requirement: '<img src=x onerror="alert(1)">',
      dueOn: "2025-09-30",
    });
    expect([assigned.statusCode, assigned.json().error.details?.field]).toEqual([400, "requirement"]);
    const formula = await call("admin", "POST", `/api/v1/monitoring/reports/${reports.P301001A!.id}/follow-ups`, {
      kind: "adjust_budget",
      requirement: '=HYPERLINK("http://example.invalid","点击")',
      dueOn: "2025-09-30",
    });
    expect(formula.statusCode).toBe(400);
    expect((await rows(m.d.db.orm, sql`select id from monitoring_actions`)).length).toBe(before);

    const { action } = await actionWithEvidence();
    const answered = await call("unit1", "POST", `/api/v1/monitoring/follow-ups/${action.id}/actions`, {
      version: action.version,
      action: "submit",
      text: "已整改<script>alert(1)</script>",
    });
    expect([answered.statusCode, answered.json().error.details?.field]).toEqual([400, "text"]);
    expect(await statusOf(action.id)).toBe("open");
  });

  it("lets exactly one of two submissions of the same report through, audited once", async () => {
    const list = await ok("cdc", "GET", `/api/v1/monitoring/reports?roundId=${round.id}&q=P302001A`);
    const url = `/api/v1/monitoring/reports/${list.rows[0].id}`;
    let report = await ok("cdc", "GET", url);
    report = await ok("cdc", "PUT", url, {
      version: report.version,
      overallStatus: "按计划推进。",
      expectedYearEnd: report.execution.budget,
      executionNote: null,
      items: report.items.map((i: { uid: string }) => ({
        uid: i.uid,
        progress: "50",
        expected: "100",
        likelihood: "certain",
        cause: null,
        causeNote: null,
        measures: null,
      })),
    });
    const both = await Promise.all(
      [1, 2].map(() => call("cdc", "POST", `${url}/actions`, { version: report.version, action: "submit" })),
    );
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const audited = await rows<{ n: number }>(
      m.d.db.orm,
      sql`select count(*)::int as n from audit_log where entity = 'monitoring_report' and action = 'submit'
          and entity_id = ${String(report.id)}`,
    );
    expect(audited[0]!.n).toBe(1);
  });

  it("refuses a monitoring workbook that inflates to a gigabyte, and keeps answering", async () => {
    const bomb = await bombXlsx(1024 ** 3, 1000);
    const res = await m.d.upload(
      m.d.who("unit1"),
      `/api/v1/monitoring/workbook/import?roundId=${round.id}&mode=preview`,
      bomb,
      "监控表.xlsx",
    );
    expect([res.statusCode, res.json().error.code]).toEqual([413, "IMPORT_FILE_TOO_LARGE"]);
    expect((await call("unit1", "GET", `/api/v1/monitoring/reports?roundId=${round.id}`)).statusCode).toBe(200);
  }, 60_000);

  it("names evidence files so no browser misreads them: no direction overrides, a filename* of attr-chars only", async () => {
    const { action } = await actionWithEvidence();
    // U+202E would show "凭证\u202Egnp.pdf" as "凭证fdp.png"; an apostrophe ends filename*'s charset part.
    const sent = await m.d.upload(
      m.d.who("unit1"),
      `/api/v1/attachments?entity=monitoring_action&recordId=${action.id}`,
      PDF,
      "张三's (1) 凭证\u202Egnp\u2066.pdf",
    );
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json().name).toBe("张三's (1) 凭证gnp.pdf");
    const got = await call("unit1", "GET", `/api/v1/attachments/${sent.json().id}`);
    const disposition = got.headers["content-disposition"] as string;
    const ext = disposition.split("filename*=UTF-8''")[1]!;
    expect(ext).toMatch(/^[A-Za-z0-9!#$&+\-.^_`|~%]+$/);
    expect(decodeURIComponent(ext)).toBe("张三's (1) 凭证gnp.pdf");
  });

  it("keeps one department's reports, follow-ups, files and workbook from another, whatever the ids say", async () => {
    const report = reports.P301001A!.id;
    const [action] = await rows<{ id: number }>(m.d.db.orm, sql`select id from monitoring_actions order by id limit 1`);
    const [file] = await rows<{ id: number }>(m.d.db.orm, sql`select id from attachments order by id limit 1`);
    const edu = (await ok("edu", "GET", `/api/v1/monitoring/reports/${report}`)).department.id;
    for (const who of ["health", "cdc", "unit2"]) {
      for (const [method, url, body] of [
        ["GET", `/api/v1/monitoring/reports/${report}`],
        ["GET", `/api/v1/monitoring/reports/${report}/review`],
        [
          "PUT",
          `/api/v1/monitoring/reports/${report}`,
          { version: 1, overallStatus: "x", expectedYearEnd: null, executionNote: null, items: [] },
        ],
        ["POST", `/api/v1/monitoring/reports/${report}/actions`, { version: 1, action: "withdraw" }],
        ["PUT", `/api/v1/monitoring/reports/${report}/comments/1/answer`, { version: 1, answer: "x" }],
        ["GET", `/api/v1/monitoring/follow-ups/${action!.id}`],
        ["GET", `/api/v1/attachments/${file!.id}`],
        ["DELETE", `/api/v1/attachments/${file!.id}`],
        ["GET", `/api/v1/monitoring/workbook.xlsx?roundId=${round.id}&departmentId=${edu}`],
      ] as const) {
        const res = await call(who, method, url, body);
        expect(res.statusCode, `${who} ${method} ${url}`).toBe(404);
      }
      const listed = await ok(who, "GET", `/api/v1/monitoring/reports?roundId=${round.id}&departmentId=${edu}`);
      expect(listed.total, who).toBe(0);
      const exported = await call(who, "GET", `/api/v1/monitoring/follow-ups/export.xlsx?departmentId=${edu}`);
      expect(exported.rawPayload.includes(Buffer.from("一小校舍维修")), who).toBe(false);
    }
    // A department does not choose, confirm or take back for another.
    const select = await call("health", "POST", `/api/v1/monitoring/rounds/${round.id}/selections/${edu}/subjects`, {
      subjects: [{ subjectKind: "project", id: 1 }],
    });
    expect(select.statusCode).toBe(403);
    const confirm = await call("health", "POST", `/api/v1/monitoring/rounds/${round.id}/selections/${edu}/confirm`, {
      confirmed: true,
    });
    expect(confirm.statusCode).toBe(403);
    expect((await call("health", "DELETE", `/api/v1/monitoring/reports/${report}`)).statusCode).toBe(404);
  });

  it("takes % _ and \\ in the search as plain text", async () => {
    for (const q of ["%", "_", "\\", "P3%", "P_01001A"]) {
      const reportsFound = await ok(
        "admin",
        "GET",
        `/api/v1/monitoring/reports?roundId=${round.id}&q=${encodeURIComponent(q)}`,
      );
      expect(reportsFound.total, q).toBe(0);
      const actions = await ok("admin", "GET", `/api/v1/monitoring/follow-ups?q=${encodeURIComponent(q)}`);
      expect(actions.total, q).toBe(0);
      const candidates = await ok(
        "edu",
        "GET",
        `/api/v1/monitoring/rounds/${round.id}/candidates?q=${encodeURIComponent(q)}`,
      );
      expect(candidates, q).toEqual([]);
    }
  });

  it("writes nothing into a round once it is closed", async () => {
    const list = await ok("cdc", "GET", `/api/v1/monitoring/reports?roundId=${round.id}&q=P302001A`);
    const url = `/api/v1/monitoring/reports/${list.rows[0].id}`;
    const before = await ok("cdc", "GET", url);
    await m.d.db.orm.execute(sql`update monitoring_rounds set status = 'closed' where id = ${round.id}`);
    try {
      const attempts = [
        await call("cdc", "PUT", url, {
          version: before.version,
          overallStatus: "改",
          expectedYearEnd: null,
          executionNote: null,
          items: [],
        }),
        await call("cdc", "POST", `${url}/actions`, { version: before.version, action: "withdraw" }),
        await call("health", "POST", `${url}/actions`, { version: before.version, action: "approve" }),
        await call("admin", "DELETE", url),
        await call("admin", "POST", `/api/v1/monitoring/rounds/${round.id}/key-picks`, {
          subjects: [{ subjectKind: "project", id: 1 }],
        }),
      ];
      for (const res of attempts)
        expect([res.statusCode, res.json().error.code], res.body.slice(0, 200)).toEqual([
          409,
          "MONITORING_ROUND_CLOSED",
        ]);
      expect((await ok("cdc", "GET", url)).version).toBe(before.version);
    } finally {
      await m.d.db.orm.execute(sql`update monitoring_rounds set status = 'open' where id = ${round.id}`);
    }
  });
});
