import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rows } from "../../src/db/repos/rows";
import { type DisclosureDistrict, disclosureDistrict } from "../support/disclosure-district";

/**
 * 信息公开 from a district built from its own files: the 信息员 prepares the year's goal tables of key projects,
 * edits and submits them to a 审核员 of their choice, who returns them, then (after the data changed under the
 * draft) is refused by the figures check until publishing with a reason. Every refusal of the state machine and
 * of the four-eyes rule; the published version frozen by the API and by the database; tasks and notifications;
 * the audit trail.
 */
let d: DisclosureDistrict;
// biome-ignore lint/suspicious/noExplicitAny: the API's JSON as the test reads it
type Json = any;
const call = (who: string, method: string, url: string, body?: unknown) => d.d.as(d.d.who(who), method, url, body);
const ok = async (who: string, method: string, url: string, body?: unknown, status = 200): Promise<Json> => {
  const res = await call(who, method, url, body);
  expect(res.statusCode, `${who} ${method} ${url}: ${res.body.slice(0, 600)}`).toBe(status);
  return res.json();
};
const refused = async (who: string, method: string, url: string, body: unknown, status: number, code: string) => {
  const res = await call(who, method, url, body);
  expect(res.statusCode, `${who} ${method} ${url}: ${res.body.slice(0, 400)}`).toBe(status);
  expect(res.json().error.code).toBe(code);
  return res.json().error;
};
const BASE = "/api/v1/disclosure/publications";
const audit = async (id: number) =>
  rows<{ action: string; reason: string | null; actor_name: string }>(
    d.d.db.orm,
    sql`select action, reason, actor_name from audit_log where entity = 'publication' and entity_id = ${String(id)} order by id`,
  );
const snapshot = async (id: number) =>
  rows<{ n: string }>(
    d.d.db.orm,
    sql`select md5(string_agg(v::text, '|' order by v.id)) as n from publication_versions v where publication_id = ${id}`,
  );

let pub: Json;
let clerk: number;
let checker: number;

beforeAll(async () => {
  d = await disclosureDistrict();
  clerk = await d.userId("clerk");
  checker = await d.userId("checker");
}, 300_000);
afterAll(async () => {
  await d.d.close();
});

describe("preparing a publication", () => {
  it("builds version 1 of the key projects' goal tables from the data, as a draft in the drafter's inbox", async () => {
    pub = await ok("clerk", "POST", BASE, { kind: "goal_tables", fiscalYear: 2025 }, 201);
    expect(pub).toMatchObject({
      fiscalYear: 2025,
      kind: "goal_tables",
      title: "2025年度重点项目绩效目标",
      latestVersion: 1,
      publishedVersion: null,
      latest: { number: 1, status: "draft", draftedBy: { id: clerk }, approver: null },
      allowedActions: ["edit", "refresh", "submit"],
    });
    const body = pub.versions[0].body;
    // 疾控免疫规划 is the one key project; its table was approved. Amounts are fen.
    expect(body.tables[0].rows).toEqual([
      {
        code: "P302001A",
        name: "疾控免疫规划",
        department: "测试区卫生健康局",
        unit: "测试区疾控中心",
        budget: 80_000_000,
        fiscal: 70_000_000,
        other: 10_000_000,
        goal: "2025年完成校舍维修面积1200平方米，消除安全隐患，师生满意度不低于90%。",
        indicators: 7,
      },
    ]);
    expect(body.tables[1].key).toBe("goals-P302001A");
    expect(body.tables[1].rows[0]).toEqual({
      no: 1,
      level1: "产出指标",
      level2: "数量指标",
      name: "维修面积",
      target: "≥1200平方米",
      weight: "20.00",
    });
    expect(body.intro).toContain("共确定重点项目1个");
    const inbox = await ok("clerk", "GET", "/api/v1/tasks/inbox");
    expect(inbox.tasks.map((t: Json) => [t.kind, t.status, t.link])).toContainEqual([
      "publication_draft",
      "in_progress",
      `/disclosure/publications/${pub.id}`,
    ]);
  });

  it("refuses a second publication of the kind and year and a department that is not one", async () => {
    await refused("checker", "POST", BASE, { kind: "goal_tables", fiscalYear: 2025 }, 409, "PUBLICATION_EXISTS");
    const unit = await d.t.org("301001");
    const bad = await refused(
      "clerk",
      "POST",
      BASE,
      { kind: "selfeval_results", fiscalYear: 2025, departmentId: unit },
      400,
      "PUBLICATION_INVALID",
    );
    expect(bad.details.field).toBe("departmentId");
    const count = await rows<{ n: number }>(d.d.db.orm, sql`select count(*)::int as n from publications`);
    expect(count[0]!.n).toBe(1);
  });

  it("is finance's: departments, units, firms and experts may neither read nor draft; the auditor reads only", async () => {
    for (const who of ["edu", "unit1", "rev1", "exp1"]) {
      await refused(who, "GET", BASE, undefined, 403, "FORBIDDEN");
      await refused(who, "GET", `${BASE}/${pub.id}`, undefined, 403, "FORBIDDEN");
    }
    await refused("edu", "POST", BASE, { kind: "selfeval_results", fiscalYear: 2025 }, 403, "FORBIDDEN");
    await refused("auditor1", "POST", BASE, { kind: "selfeval_results", fiscalYear: 2025 }, 403, "FORBIDDEN");
    const list = await ok("auditor1", "GET", `${BASE}?year=2025`);
    expect(list.rows.map((r: Json) => r.id)).toEqual([pub.id]);
    expect((await ok("auditor1", "GET", `${BASE}/${pub.id}`)).allowedActions).toEqual([]);
  });
});

describe("drafting and submitting", () => {
  it("lets only the drafter edit the texts, with the version read; markup is kept as text", async () => {
    const v = pub.versions[0].version;
    await refused(
      "checker",
      "PUT",
      `${BASE}/${pub.id}/draft`,
      { version: v, intro: "x" },
      403,
      "PUBLICATION_NOT_DRAFTER",
    );
    await refused("clerk", "PUT", `${BASE}/${pub.id}/draft`, { version: v + 1, intro: "x" }, 409, "STALE_VERSION");
    const blank = await refused(
      "clerk",
      "PUT",
      `${BASE}/${pub.id}/draft`,
      { version: v, title: "  " },
      400,
      "PUBLICATION_INVALID",
    );
    expect(blank.details.field).toBe("title");
    pub = await ok("clerk", "PUT", `${BASE}/${pub.id}/draft`, {
      version: v,
      title: "2025年度重点项目绩效目标表 <script>alert(1)</script> & 说明",
      intro: "根据《预算法》要求公开 <b>&amp;</b>",
      blocks: [{ type: "heading1", text: "一、总体情况" }],
    });
    expect(pub.title).toBe("2025年度重点项目绩效目标表 <script>alert(1)</script> & 说明");
    expect(pub.versions[0].body.intro).toBe("根据《预算法》要求公开 <b>&amp;</b>");
    expect(pub.versions[0].body.tables).toHaveLength(2);
  });

  it("refuses the drafter as approver, an account that may not approve, one of another region", async () => {
    const v = pub.versions[0].version;
    const url = `${BASE}/${pub.id}/submit`;
    const self = await refused(
      "clerk",
      "POST",
      url,
      { version: v, approverId: clerk },
      400,
      "PUBLICATION_SELF_APPROVAL",
    );
    expect(self.details.field).toBe("approverId");
    await refused(
      "clerk",
      "POST",
      url,
      { version: v, approverId: await d.userId("edu") },
      400,
      "PUBLICATION_APPROVER_INVALID",
    );
    await refused(
      "clerk",
      "POST",
      url,
      { version: v, approverId: await d.userId("auditor1") },
      400,
      "PUBLICATION_APPROVER_INVALID",
    );
    await refused("clerk", "POST", url, { version: v, approverId: 999_999 }, 400, "PUBLICATION_APPROVER_INVALID");
    await refused("checker", "POST", url, { version: v, approverId: clerk }, 403, "PUBLICATION_NOT_DRAFTER");
    const approvers = await ok("clerk", "GET", "/api/v1/disclosure/approvers");
    expect(approvers.map((a: Json) => a.username).sort()).toEqual(["admin", "checker"]);
  });

  it("gives the chosen approver a task of their own and a notification", async () => {
    pub = await ok("clerk", "POST", `${BASE}/${pub.id}/submit`, {
      version: pub.versions[0].version,
      approverId: checker,
    });
    expect(pub.latest).toMatchObject({ status: "submitted", approver: { id: checker, name: "checker" } });
    const inbox = await ok("checker", "GET", "/api/v1/tasks/inbox");
    const task = inbox.tasks.find((t: Json) => t.kind === "publication_approve");
    expect(task).toMatchObject({ status: "todo", link: `/disclosure/publications/${pub.id}`, dueOn: "2026-03-07" });
    // The same bureau's other accounts do not get the approver's task.
    expect((await ok("admin", "GET", "/api/v1/tasks/inbox")).tasks.map((t: Json) => t.kind)).not.toContain(
      "publication_approve",
    );
    const notes = await ok("checker", "GET", "/api/v1/notifications");
    expect(notes.rows[0].title).toContain("信息公开审核");
    expect((await ok("clerk", "GET", "/api/v1/tasks/inbox")).tasks.map((t: Json) => t.kind)).not.toContain(
      "publication_draft",
    );
  });

  it("refuses edits of a submitted version, and verdicts by anyone but the chosen approver", async () => {
    const v = pub.versions[0].version;
    await refused(
      "clerk",
      "PUT",
      `${BASE}/${pub.id}/draft`,
      { version: v, intro: "x" },
      409,
      "PUBLICATION_INVALID_TRANSITION",
    );
    await refused("clerk", "POST", `${BASE}/${pub.id}/refresh`, { version: v }, 409, "PUBLICATION_INVALID_TRANSITION");
    await refused("clerk", "POST", `${BASE}/${pub.id}/approve`, { version: v }, 403, "PUBLICATION_SELF_APPROVAL");
    await refused("admin", "POST", `${BASE}/${pub.id}/approve`, { version: v }, 403, "PUBLICATION_NOT_APPROVER");
    await refused(
      "admin",
      "POST",
      `${BASE}/${pub.id}/return`,
      { version: v, comment: "x" },
      403,
      "PUBLICATION_NOT_APPROVER",
    );
    await refused("auditor1", "POST", `${BASE}/${pub.id}/approve`, { version: v }, 403, "FORBIDDEN");
    await refused("checker", "POST", `${BASE}/${pub.id}/approve`, { version: v - 1 }, 409, "STALE_VERSION");
    const e = await refused(
      "checker",
      "POST",
      `${BASE}/${pub.id}/return`,
      { version: v, comment: " " },
      400,
      "PUBLICATION_INVALID",
    );
    expect(e.details.field).toBe("comment");
  });

  it("returns to the drafter with a comment; the drafter's task comes back as returned", async () => {
    pub = await ok("checker", "POST", `${BASE}/${pub.id}/return`, {
      version: pub.versions[0].version,
      comment: "标题中多了无关字符",
    });
    expect(pub.versions[0]).toMatchObject({ status: "returned", returnComment: "标题中多了无关字符" });
    const mine = (await ok("clerk", "GET", "/api/v1/tasks/inbox")).tasks.find(
      (t: Json) => t.kind === "publication_draft",
    );
    expect(mine.status).toBe("returned");
    expect((await ok("checker", "GET", "/api/v1/tasks/inbox")).tasks.map((t: Json) => t.kind)).not.toContain(
      "publication_approve",
    );
    await refused(
      "checker",
      "POST",
      `${BASE}/${pub.id}/approve`,
      { version: pub.versions[0].version },
      409,
      "PUBLICATION_INVALID_TRANSITION",
    );
    pub = await ok("clerk", "PUT", `${BASE}/${pub.id}/draft`, {
      version: pub.versions[0].version,
      title: "2025年度重点项目绩效目标",
    });
    expect(pub.latest.status).toBe("draft");
    pub = await ok("clerk", "POST", `${BASE}/${pub.id}/submit`, {
      version: pub.versions[0].version,
      approverId: checker,
    });
    const again = (await ok("checker", "GET", "/api/v1/tasks/inbox")).tasks.find(
      (t: Json) => t.kind === "publication_approve",
    );
    expect(again.status).toBe("todo");
  });
});

describe("approving: the figures check", () => {
  it("refuses to publish a figure the data no longer gives, naming table, row, column and both figures", async () => {
    // The budget system sends the key project's adjusted budget again, 50,000 元 higher.
    await d.d.importCsv(
      "projects",
      "预算年度,项目编码,项目名称,主管部门编码,实施单位编码,项目类别,重点项目,年初预算数（元）,全年预算数（元）,财政拨款（元）,其他资金（元）\n" +
        "2025,P302001A,疾控免疫规划,302,302001,常年性,是,800000.00,850000.00,750000.00,100000.00",
    );
    const check = await ok("checker", "GET", `${BASE}/${pub.id}/check`);
    expect(check.findings.map((f: Json) => [f.row, f.column, f.printed, f.expected])).toEqual([
      ["P302001A", "全年预算数", "800,000.00元", "850,000.00元"],
      ["P302001A", "其中：财政拨款", "700,000.00元", "750,000.00元"],
    ]);
    const e = await refused(
      "checker",
      "POST",
      `${BASE}/${pub.id}/approve`,
      { version: pub.versions[0].version },
      409,
      "PUBLICATION_CHECK_FAILED",
    );
    expect(e.details.findings).toEqual(check.findings);
    expect(e.details.findings[0].message).toBe(
      "表“2025年度重点项目绩效目标概况”中“P302001A”的“全年预算数”：公开稿为800,000.00元，现有数据为850,000.00元",
    );
    expect((await ok("checker", "GET", `${BASE}/${pub.id}`)).latest.status).toBe("submitted");
  });

  it("publishes anyway only with a reason, kept with the findings and in the audit log", async () => {
    const v = pub.versions[0].version;
    const blank = await refused(
      "checker",
      "POST",
      `${BASE}/${pub.id}/approve`,
      { version: v, override: { reason: "  " } },
      400,
      "PUBLICATION_INVALID",
    );
    expect(blank.details.field).toBe("override.reason");
    pub = await ok("checker", "POST", `${BASE}/${pub.id}/approve`, {
      version: v,
      override: { reason: "预算调整在批复之后，按批复时的数字公开" },
    });
    expect(pub).toMatchObject({ publishedVersion: 1, latest: { status: "published" } });
    expect(pub.versions[0]).toMatchObject({
      status: "published",
      approvedBy: { id: checker },
      publishedAt: "2026-03-02T02:00:00.000Z",
      checkOverrideReason: "预算调整在批复之后，按批复时的数字公开",
    });
    expect(pub.versions[0].checkFindings).toHaveLength(2);
    expect(pub.allowedActions).toEqual(["correct"]);
    const tasks = await rows<{ kind: string; status: string }>(
      d.d.db.orm,
      sql`select kind, status from tasks where object_kind = 'publication_version' order by kind`,
    );
    expect(tasks).toEqual([
      { kind: "publication_approve", status: "done" },
      { kind: "publication_draft", status: "done" },
    ]);
    const trail = await audit(pub.id);
    expect(trail.map((a) => a.action)).toEqual(["create", "update", "submit", "return", "update", "submit", "approve"]);
    expect(trail.at(-1)).toMatchObject({ reason: "预算调整在批复之后，按批复时的数字公开", actor_name: "checker" });
  });
});

describe("a published version is fixed", () => {
  it("is refused by every step of the API and changes nothing", async () => {
    const before = await snapshot(pub.id);
    const v = pub.versions[0].version;
    await refused(
      "clerk",
      "PUT",
      `${BASE}/${pub.id}/draft`,
      { version: v, intro: "改" },
      409,
      "PUBLICATION_INVALID_TRANSITION",
    );
    await refused("clerk", "POST", `${BASE}/${pub.id}/refresh`, { version: v }, 409, "PUBLICATION_INVALID_TRANSITION");
    await refused(
      "clerk",
      "POST",
      `${BASE}/${pub.id}/submit`,
      { version: v, approverId: checker },
      409,
      "PUBLICATION_INVALID_TRANSITION",
    );
    await refused(
      "checker",
      "POST",
      `${BASE}/${pub.id}/approve`,
      { version: v },
      409,
      "PUBLICATION_INVALID_TRANSITION",
    );
    await refused(
      "checker",
      "POST",
      `${BASE}/${pub.id}/return`,
      { version: v, comment: "x" },
      409,
      "PUBLICATION_INVALID_TRANSITION",
    );
    expect(await snapshot(pub.id)).toEqual(before);
  });

  it("is refused by the database itself: no UPDATE or DELETE of a published version", async () => {
    const id = pub.versions[0].id;
    await expect(
      d.d.db.orm.execute(sql`update publication_versions set title = '篡改' where id = ${id}`),
    ).rejects.toThrow();
    await expect(
      d.d.db.orm.execute(
        sql`update publication_versions set body = jsonb_set(body, '{intro}', '"x"') where id = ${id}`,
      ),
    ).rejects.toThrow();
    await expect(d.d.db.orm.execute(sql`delete from publication_versions where id = ${id}`)).rejects.toThrow();
    // Nothing was changed by the refused statements.
    const [row] = await rows<{ title: string }>(
      d.d.db.orm,
      sql`select title from publication_versions where id = ${id}`,
    );
    expect(row!.title).toBe("2025年度重点项目绩效目标");
  });
});

describe("corrections", () => {
  it("start a new draft from the published body; the old version stays readable; a change note is required", async () => {
    const published = pub.versions[0];
    pub = await ok("clerk", "POST", `${BASE}/${pub.id}/corrections`, { version: published.version }, 201);
    expect(pub.latestVersion).toBe(2);
    expect(pub.publishedVersion).toBe(1);
    expect(pub.versions.map((v: Json) => [v.number, v.status])).toEqual([
      [2, "draft"],
      [1, "published"],
    ]);
    expect(pub.versions[0].body).toEqual(published.body);
    expect(pub.versions[1]).toEqual(published);
    await refused(
      "clerk",
      "POST",
      `${BASE}/${pub.id}/corrections`,
      { version: pub.versions[0].version },
      409,
      "PUBLICATION_OPEN_VERSION_EXISTS",
    );
    pub = await ok("clerk", "POST", `${BASE}/${pub.id}/refresh`, { version: pub.versions[0].version });
    expect(pub.versions[0].body.tables[0].rows[0].budget).toBe(85_000_000);
    expect(pub.versions[0].body.intro).toBe(published.body.intro);
    const e = await refused(
      "clerk",
      "POST",
      `${BASE}/${pub.id}/submit`,
      { version: pub.versions[0].version, approverId: checker },
      400,
      "PUBLICATION_NOTE_REQUIRED",
    );
    expect(e.details.field).toBe("changeNote");
    pub = await ok("clerk", "POST", `${BASE}/${pub.id}/submit`, {
      version: pub.versions[0].version,
      approverId: checker,
      changeNote: "疾控免疫规划全年预算调整为85万元，更正预算数与财政拨款",
    });
    pub = await ok("checker", "POST", `${BASE}/${pub.id}/approve`, { version: pub.versions[0].version });
    expect(pub.versions.map((v: Json) => [v.number, v.status, v.changeNote])).toEqual([
      [2, "published", "疾控免疫规划全年预算调整为85万元，更正预算数与财政拨款"],
      [1, "published", ""],
    ]);
    expect(pub.versions[0].checkOverrideReason).toBeNull();
    expect(pub.publishedVersion).toBe(2);
    expect(pub.versions[1]).toEqual(published);
  });

  it("of two correction clicks at once one makes the draft, the other is refused", async () => {
    const v = pub.versions[0].version;
    const [a, b] = await Promise.all([
      call("clerk", "POST", `${BASE}/${pub.id}/corrections`, { version: v }),
      call("checker", "POST", `${BASE}/${pub.id}/corrections`, { version: v }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    expect([a, b].find((r) => r.statusCode === 409)!.json().error.code).toBe("PUBLICATION_OPEN_VERSION_EXISTS");
    const open = await rows<{ n: number }>(
      d.d.db.orm,
      sql`select count(*)::int as n from publication_versions where publication_id = ${pub.id} and status <> 'published'`,
    );
    expect(open[0]!.n).toBe(1);
    pub = await ok("clerk", "GET", `${BASE}/${pub.id}`);
  });

  it("of two approvals at once one publishes, the other is told to reload", async () => {
    const drafter = pub.latest.draftedBy.id === clerk ? "clerk" : "checker";
    const approver = drafter === "clerk" ? "checker" : "clerk";
    pub = await ok(drafter, "PUT", `${BASE}/${pub.id}/draft`, {
      version: pub.versions[0].version,
      changeNote: "补充说明",
    });
    pub = await ok(drafter, "POST", `${BASE}/${pub.id}/submit`, {
      version: pub.versions[0].version,
      approverId: await d.userId(approver),
    });
    const v = pub.versions[0].version;
    const [a, b] = await Promise.all([
      call(approver, "POST", `${BASE}/${pub.id}/approve`, { version: v }),
      call(approver, "POST", `${BASE}/${pub.id}/approve`, { version: v }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const trail = await audit(pub.id);
    expect(trail.filter((x) => x.action === "approve")).toHaveLength(3);
  });
});

describe("other regions", () => {
  it("never see this region's publications", async () => {
    const { createUser } = await import("../../src/app/users/create-user");
    const { bootstrapRegion } = await import("../../src/app/users/bootstrap-region");
    const { createUnitOfWork } = await import("../../src/db/repos");
    const { argon2Hasher } = await import("../../src/server/auth/password");
    const deps = {
      uow: createUnitOfWork(d.d.db),
      clock: { now: () => new Date("2026-03-02T02:00:00Z") },
      hasher: argon2Hasher,
    };
    const actor = await bootstrapRegion(deps, { regionCode: "450300", regionName: "另一区" });
    await createUser(deps, actor, {
      username: "other",
      displayName: "另一区绩效股",
      role: "finance_admin",
      orgId: actor.orgId,
      password: "Other-2026xy",
      mustChangePassword: false,
    });
    const cookie = await d.d.login("other", "Other-2026xy");
    const as = (method: string, url: string, body?: unknown) => d.d.as(cookie, method, url, body);
    expect((await as("GET", `${BASE}/${pub.id}`)).statusCode).toBe(404);
    expect((await as("GET", `${BASE}?year=2025`)).json().total).toBe(0);
    expect((await as("POST", `${BASE}/${pub.id}/corrections`, { version: 1 })).statusCode).toBe(404);
    // The other region has a publication of its own for the same year and kind.
    expect((await as("POST", BASE, { kind: "goal_tables", fiscalYear: 2025 })).statusCode).toBe(201);
    const approver = await d.userId("checker");
    const other = (await as("GET", `${BASE}?year=2025`)).json().rows[0];
    const res = await as("POST", `${BASE}/${other.id}/submit`, { version: 1, approverId: approver });
    expect(res.json().error.code).toBe("PUBLICATION_APPROVER_INVALID");
  });
});
