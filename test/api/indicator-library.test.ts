import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../support/app";

let t: TestApp;
let staff: string;
beforeAll(async () => {
  t = await testApp();
  staff = await t.login("staff");
});
afterAll(() => t.close());

interface Entry {
  id: number;
  sector: string;
  level1: string;
  level2: string;
  name: string;
  kind: string;
  operator: string | null;
  unit: string | null;
  explanation: string | null;
  curated: boolean;
  retired: boolean;
  uses: number;
  lastYear: number | null;
  version: number;
  targets: {
    fiscalYear: number;
    commonTarget: string;
    minTarget: number | null;
    maxTarget: number | null;
    tables: number;
  }[];
  actuals: unknown[];
}

async function query<T>(q: ReturnType<typeof sql>): Promise<T[]> {
  return ((await t.db.orm.execute(q)) as unknown as { rows: T[] }).rows;
}

/** The sector a goal table's indicators are filed under, computed here independently of the repository. */
const SECTOR = sql`case when g.subject_kind = 'deptWide' then '部门整体' else coalesce(p.sector, d.sector) end`;

const counts = async () =>
  (
    await query<{ entries: number; audit: number }>(
      sql`select (select count(*) from indicator_library)::int as entries,
                 (select count(*) from audit_log where entity = 'indicator_library')::int as audit`,
    )
  )[0]!;

const library = async (cookie: string, params: string) => {
  const res = await t.as(cookie, "GET", `/api/v1/goals/library?${params}`);
  expect(res.statusCode).toBe(200);
  return res.json() as { total: number; rows: Entry[]; sectors: string[] };
};

/** The one entry with exactly this sector, level 2 and name. */
const entryOf = async (sector: string, level2: string, name: string) => {
  const q = `sector=${encodeURIComponent(sector)}&level2=${encodeURIComponent(level2)}&q=${encodeURIComponent(name)}&pageSize=200`;
  return (await library(staff, q)).rows.find((e) => e.name === name);
};

const ENTRY = {
  fiscalYear: 2024,
  sector: "教育",
  level1: "产出指标",
  level2: "质量指标",
  name: "课后服务覆盖率",
  kind: "quantitative",
  operator: ">=",
  unit: "%",
  explanation: "开展课后服务的学校数占辖区学校总数的比例",
};

describe("the demo library", () => {
  it("is filled from the approved goal tables, each entry counted as the tables use it", async () => {
    const all = await library(staff, "pageSize=200&retired=false");
    expect(all.total).toBeGreaterThan(100);
    expect(all.sectors).toEqual(expect.arrayContaining(["教育", "卫生健康", "部门整体"]));
    expect(all.rows.every((e) => e.uses > 0 && !e.curated && e.lastYear !== null)).toBe(true);
    // Every entry, and its count, is what the approved tables hold: recomputed here from the tables.
    const [check] = await query<{ entries: number; mismatched: number }>(
      sql`with used as (
            select ${SECTOR} as sector, i.level2, i.name, count(distinct g.id)::int as uses
            from goal_indicators i join goal_tables g on g.id = i.goal_table_id
            join orgs d on d.id = g.department_id left join projects p on p.id = g.project_id
            where g.status = 'approved' group by 1, 2, 3
          )
          select count(*)::int as entries,
                 count(*) filter (where u.uses is null or u.uses <> l.uses)::int as mismatched
          from indicator_library l
          left join used u on u.sector = l.sector and u.level2 = l.level2 and u.name = l.name`,
    );
    expect(check!.entries).toBe(all.total);
    expect(check!.mismatched).toBe(0);
    const [used] = await query<{ n: number }>(
      sql`select count(distinct (${SECTOR}, i.level2, i.name))::int as n
          from goal_indicators i join goal_tables g on g.id = i.goal_table_id
          join orgs d on d.id = g.department_id left join projects p on p.id = g.project_id
          where g.status = 'approved'`,
    );
    expect(check!.entries).toBe(used!.n);
  });

  it("lists with filters, sorting and paging, with past targets per year, for every role", async () => {
    const unit = await t.login("unit");
    const page = await library(unit, `sector=${encodeURIComponent("教育")}&sort=uses&order=asc&pageSize=5&page=2`);
    expect(page.rows).toHaveLength(5);
    const uses = page.rows.map((e) => e.uses);
    expect(uses).toEqual([...uses].sort((a, b) => a - b));
    expect(page.rows.every((e) => e.sector === "教育")).toBe(true);
    const first = (await library(unit, `sector=${encodeURIComponent("教育")}&sort=uses&order=asc&pageSize=5`)).rows;
    expect(Math.max(...first.map((e) => e.uses))).toBeLessThanOrEqual(Math.min(...uses));

    const satisfaction = await library(unit, `level1=${encodeURIComponent("满意度指标")}&pageSize=200`);
    expect(satisfaction.total).toBeGreaterThan(0);
    expect(satisfaction.rows.every((e) => e.level1 === "满意度指标")).toBe(true);

    const rate = await entryOf("教育", "质量指标", "验收合格率");
    expect(rate).toBeDefined();
    const year = rate!.targets.find((x) => x.fiscalYear === 2024)!;
    const numeric = sql`i.kind = 'quantitative' and i.target ~ '^[0-9]+$'`;
    const [expected] = await query<{ tables: number; min: number; max: number }>(
      sql`select count(distinct g.id)::int as tables, min(case when ${numeric} then i.target::float8 end) as min,
                 max(case when ${numeric} then i.target::float8 end) as max
          from goal_indicators i join goal_tables g on g.id = i.goal_table_id
          join orgs d on d.id = g.department_id left join projects p on p.id = g.project_id
          where g.status = 'approved' and g.fiscal_year = 2024 and g.subject_kind = 'project'
            and ${SECTOR} = '教育' and i.level2 = '质量指标' and i.name = '验收合格率'`,
    );
    expect(year.tables).toBe(expected!.tables);
    expect(year).toMatchObject({ minTarget: expected!.min, maxTarget: expected!.max });
    expect(["95", "98", "100"]).toContain(year.commonTarget);
    expect(rate!.actuals).toEqual([]);
    const years = rate!.targets.map((x) => x.fiscalYear);
    expect(years).toEqual([...years].sort((a, b) => b - a));
  });

  it("exports the filtered list as Excel", async () => {
    const filter = `sector=${encodeURIComponent("教育")}`;
    const res = await t.as(await t.login("unit"), "GET", `/api/v1/goals/library/xlsx?${filter}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const { total } = await library(staff, `${filter}&pageSize=1`);
    expect(sheet.getRow(2).getCell(5).value).toBe("三级指标名称");
    expect(sheet.rowCount - 2).toBe(total);
    const texts = sheet.getColumn(14).values.map(String);
    expect(texts.some((v) => /2024年：常用 /.test(v))).toBe(true);
  });
});

describe("finance curates the library", () => {
  it("creates a curated entry, refuses a duplicate, edits with the version and retires and restores", async () => {
    const before = await counts();
    const created = await t.as(staff, "POST", "/api/v1/goals/library", ENTRY);
    expect(created.statusCode).toBe(200);
    const entry = created.json() as Entry;
    expect(entry).toMatchObject({ name: "课后服务覆盖率", curated: true, retired: false, uses: 0, lastYear: null });
    expect(await counts()).toEqual({ entries: before.entries + 1, audit: before.audit + 1 });

    const twice = await t.as(staff, "POST", "/api/v1/goals/library", { ...ENTRY, name: " 课后服务覆盖率 " });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error).toMatchObject({ code: "LIBRARY_DUPLICATE", details: { id: entry.id } });

    // A fed entry reworded by finance becomes curated; the version guards against a stale edit.
    const fed = (await entryOf("教育", "质量指标", "验收合格率"))!;
    expect(fed.curated).toBe(false);
    const body = {
      fiscalYear: 2024,
      sector: fed.sector,
      level1: fed.level1,
      level2: fed.level2,
      name: fed.name,
      kind: "quantitative",
      operator: ">=",
      unit: "%",
      explanation: "验收合格的工程或服务数占验收总数的比例",
    };
    const edited = await t.as(staff, "PUT", `/api/v1/goals/library/${fed.id}`, { ...body, version: fed.version });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ curated: true, version: fed.version + 1, uses: fed.uses });
    const stale = await t.as(staff, "PUT", `/api/v1/goals/library/${fed.id}`, {
      ...body,
      explanation: "过时的修改",
      version: fed.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("STALE_VERSION");
    expect((await entryOf("教育", "质量指标", "验收合格率"))!.explanation).toBe(body.explanation);

    // A used entry keeps its name: it ties the entry to the tables that used it.
    const rename = await t.as(staff, "PUT", `/api/v1/goals/library/${fed.id}`, {
      ...body,
      name: "验收通过率",
      version: fed.version + 1,
    });
    expect(rename.statusCode).toBe(400);
    expect(rename.json().error).toMatchObject({ code: "LIBRARY_KEY_IN_USE", details: { field: "name" } });
    // An unused one may be renamed.
    const renamed = await t.as(staff, "PUT", `/api/v1/goals/library/${entry.id}`, {
      ...ENTRY,
      name: "课后服务学校覆盖率",
      version: entry.version,
    });
    expect(renamed.json()).toMatchObject({ name: "课后服务学校覆盖率", version: entry.version + 1 });

    const suggested = async () =>
      (
        (
          await t.as(
            await t.login("unit"),
            "GET",
            `/api/v1/goals/library/suggestions?sector=${encodeURIComponent("教育")}&level2=${encodeURIComponent("数量指标")}&limit=100`,
          )
        ).json().rows as Entry[]
      ).map((s) => s.id);
    const target = (await entryOf("教育", "数量指标", "受助学生数量"))!;
    expect(await suggested()).toContain(target.id);
    const retired = await t.as(staff, "POST", `/api/v1/goals/library/${target.id}/retire`, {
      version: target.version,
    });
    expect(retired.json()).toMatchObject({ retired: true, version: target.version + 1 });
    expect(await suggested()).not.toContain(target.id);
    const inList = await library(staff, `retired=true&sector=${encodeURIComponent("教育")}`);
    expect(inList.rows.map((e) => e.id)).toEqual([target.id]);
    const staleRestore = await t.as(staff, "POST", `/api/v1/goals/library/${target.id}/restore`, {
      version: target.version,
    });
    expect(staleRestore.statusCode).toBe(409);
    const restored = await t.as(staff, "POST", `/api/v1/goals/library/${target.id}/restore`, {
      version: target.version + 1,
    });
    expect(restored.json().retired).toBe(false);
    expect(await suggested()).toContain(target.id);

    const audit = await query<{ action: string }>(
      sql`select action from audit_log where entity = 'indicator_library' and entity_id in (${String(entry.id)}, ${String(fed.id)}, ${String(target.id)}) order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual(["create", "update", "update", "retire", "restore"]);
  });

  it("refuses curation to a unit, which may still read", async () => {
    const unit = await t.login("unit");
    const before = await counts();
    const fed = (await entryOf("教育", "时效指标", "按期完成率"))!;
    expect((await t.as(unit, "POST", "/api/v1/goals/library", { ...ENTRY, name: "单位自拟" })).statusCode).toBe(403);
    const put = await t.as(unit, "PUT", `/api/v1/goals/library/${fed.id}`, { ...ENTRY, version: fed.version });
    expect(put.statusCode).toBe(403);
    expect(
      (await t.as(unit, "POST", `/api/v1/goals/library/${fed.id}/retire`, { version: fed.version })).statusCode,
    ).toBe(403);
    expect(await counts()).toEqual(before);
    expect((await t.as(unit, "GET", "/api/v1/goals/library")).statusCode).toBe(200);
  });

  it("refuses bad input naming the field, and writes nothing", async () => {
    const before = await counts();
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ level2: "不存在的指标" }, "level2", /二级指标“不存在的指标”不属于一级指标“产出指标”/],
      [{ level1: "投入指标" }, "level1", /一级指标“投入指标”不在本年度指标体系中/],
      [{ unit: null }, "unit", /定量指标须填写计量单位/],
      [{ unit: "  " }, "unit", /定量指标须填写计量单位/],
      [{ operator: null }, "operator", /比较方向/],
      [{ name: "<b>覆盖率</b>" }, "name", /指标名称含有尖括号/],
      [{ explanation: "=HYPERLINK(1)" }, "explanation", /指标解释含有以“=”开头的公式/],
      [{ sector: "" }, "sector", /请填写所属行业/],
      [{ name: "长".repeat(101) }, "name", /不能超过 100 个字/],
    ];
    for (const [patch, field, message] of cases) {
      const res = await t.as(staff, "POST", "/api/v1/goals/library", { ...ENTRY, name: "新指标", ...patch });
      expect(res.statusCode, JSON.stringify(patch)).toBe(400);
      expect(res.json().error.code).toBe("LIBRARY_ENTRY_INVALID");
      expect(res.json().error.details.field).toBe(field);
      expect(res.json().error.message).toMatch(message);
    }
    const fed = (await entryOf("教育", "时效指标", "按期完成率"))!;
    const bad = await t.as(staff, "PUT", `/api/v1/goals/library/${fed.id}`, {
      ...ENTRY,
      level2: fed.level2,
      name: fed.name,
      level1: "产出指标",
      unit: null,
      version: fed.version,
    });
    expect(bad.json().error.details.field).toBe("unit");
    const shape = await t.as(staff, "POST", "/api/v1/goals/library", { ...ENTRY, kind: "mixed" });
    expect(shape.statusCode).toBe(400);
    expect(await counts()).toEqual(before);
    expect((await entryOf("教育", "时效指标", "按期完成率"))!).toMatchObject({ version: fed.version, curated: false });
  });
});

describe("approved tables feed the library", () => {
  it("counts a revised table once approved by finance, keeps curated wording, and adds new indicators", async () => {
    const [unit, dept] = [await t.login("unit"), await t.login("dept")];
    const mine = (await t.as(unit, "GET", "/api/v1/goals/tables?year=2024&pageSize=100")).json();
    const row = mine.rows.find(
      (r: { status: string; errors: number; subjectKind: string }) =>
        r.status === "approved" && r.errors === 0 && r.subjectKind === "project",
    );
    const [{ sector }] = (await query<{ sector: string }>(
      sql`select ${SECTOR} as sector from goal_tables g join orgs d on d.id = g.department_id
          left join projects p on p.id = g.project_id where g.id = ${row.id}`,
    )) as [{ sector: string }];
    const approved = (await t.as(unit, "GET", `/api/v1/goals/tables/${row.id}`)).json();
    const indicators = approved.table.indicators as { level2: string; name: string; weight: number }[];
    const kept = indicators.find((i) => i.name === "按期完成率")!;
    const curated = indicators.find((i) => i.name === "项目成本控制数")!;
    const keptBefore = (await entryOf(sector, kept.level2, kept.name))!;
    // Finance confirms one of the table's indicators with its own wording before the approval.
    const c = (await entryOf(sector, curated.level2, curated.name))!;
    const wording = { ...c, fiscalYear: 2024, explanation: "项目实际支出不超过批复的预算", unit: "万元" };
    const confirmed = (
      await t.as(staff, "PUT", `/api/v1/goals/library/${c.id}`, {
        fiscalYear: 2024,
        sector: c.sector,
        level1: c.level1,
        level2: c.level2,
        name: c.name,
        kind: c.kind,
        operator: c.operator,
        unit: wording.unit,
        explanation: wording.explanation,
        version: c.version,
      })
    ).json() as Entry;

    const act = async (cookie: string, id: number, action: string, comment?: string) => {
      const { version } = (await t.as(cookie, "GET", `/api/v1/goals/tables/${id}`)).json();
      const res = await t.as(cookie, "POST", `/api/v1/goals/tables/${id}/actions`, { version, action, comment });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const draftId = (await act(unit, row.id, "revise", "增加课后服务指标")).id;
    const draft = (await t.as(unit, "GET", `/api/v1/goals/tables/${draftId}`)).json();
    const added = { ...draft.table.indicators[0], uid: undefined, name: "新增服务覆盖学校数", weight: 1 };
    const changed = [{ ...draft.table.indicators[0], weight: draft.table.indicators[0].weight - 1 }];
    const saved = await t.as(unit, "PUT", `/api/v1/goals/tables/${draftId}`, {
      version: draft.version,
      overallGoal: draft.table.overallGoal,
      indicators: [...changed, ...draft.table.indicators.slice(1), added],
    });
    expect(saved.json().quality.errors).toBe(0);
    await act(unit, draftId, "submit");
    await act(dept, draftId, "approve");
    // Not yet: only finance's approval makes the table approved.
    expect((await entryOf(sector, kept.level2, kept.name))!.uses).toBe(keptBefore.uses);
    expect((await act(staff, draftId, "approve")).status).toBe("approved");

    const keptAfter = (await entryOf(sector, kept.level2, kept.name))!;
    expect(keptAfter).toMatchObject({ uses: keptBefore.uses + 1, lastYear: 2024 });
    // Past targets count each project once: the new revision replaces the one it revised.
    const tablesIn2024 = (e: Entry) => e.targets.find((x) => x.fiscalYear === 2024)?.tables;
    expect(tablesIn2024(keptAfter)).toBe(tablesIn2024(keptBefore));
    expect((await entryOf(sector, curated.level2, curated.name))!).toMatchObject({
      uses: confirmed.uses + 1,
      curated: true,
      unit: "万元",
      explanation: wording.explanation,
      version: confirmed.version,
    });
    expect((await entryOf(sector, added.level2, "新增服务覆盖学校数"))!).toMatchObject({
      uses: 1,
      curated: false,
      lastYear: 2024,
    });
    const feeds = await query<{ after: { entries: number; added: number } }>(
      sql`select after from audit_log where entity = 'indicator_library' and entity_id = ${`goal_table:${draftId}`}`,
    );
    expect(feeds).toHaveLength(1);
    expect(feeds[0]!.after).toEqual({ entries: indicators.length + 1, added: 1 });
  });
});

describe("suggestions for a goal table", () => {
  it("puts curated entries first, then by uses, each with its targets per year", async () => {
    const unit = await t.login("unit");
    const res = await t.as(
      unit,
      "GET",
      `/api/v1/goals/library/suggestions?sector=${encodeURIComponent("教育")}&limit=100`,
    );
    expect(res.statusCode).toBe(200);
    const rows = res.json().rows as (Entry & { years: number[]; commonTarget: string })[];
    const firstFed = rows.findIndex((r) => !r.curated);
    expect(firstFed).toBeGreaterThan(0);
    expect(rows.slice(firstFed).every((r) => !r.curated)).toBe(true);
    const uses = rows.slice(firstFed).map((r) => r.uses);
    expect(uses).toEqual([...uses].sort((a, b) => b - a));
    expect(rows.map((r) => r.name)).toContain("课后服务学校覆盖率");

    const rate = rows.find((r) => r.name === "验收合格率")!;
    expect(rate.curated).toBe(true);
    expect(rate.targets.length).toBeGreaterThan(0);
    expect(rate.targets[0]).toMatchObject({ fiscalYear: 2024 });
    expect(rate.targets[0]!.tables).toBeGreaterThan(0);
    expect(rate.years).toContain(2024);
    expect(rate.actuals).toEqual([]);
    const fresh = rows.find((r) => r.name === "课后服务学校覆盖率")!;
    expect(fresh).toMatchObject({ uses: 0, targets: [], years: [], commonTarget: "" });

    // Without a sector, one row per indicator with the uses of every sector.
    const any = (
      await t.as(unit, "GET", `/api/v1/goals/library/suggestions?q=${encodeURIComponent("按期完成率")}&limit=10`)
    ).json().rows as (Entry & { sector: string | null })[];
    expect(any.filter((r) => r.name === "按期完成率")).toHaveLength(1);
    const [{ n }] = (await query<{ n: number }>(
      sql`select sum(uses)::int as n from indicator_library where name = '按期完成率' and not retired`,
    )) as [{ n: number }];
    expect(any.find((r) => r.name === "按期完成率")).toMatchObject({ sector: null, uses: n });
  });
});
