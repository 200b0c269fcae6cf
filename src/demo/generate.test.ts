import { describe, expect, it } from "vitest";
import type { ExecutionRow } from "../core/imports/rows";
import { IMPORT_SPECS } from "../core/imports/spec";
import { fenToWan, fenToYi } from "../core/money";
import { isRole } from "../core/roles";
import { DEFAULT_DEMO_SEED, generateDemoDistrict } from "./generate";
import { EVALUATED_KEY_PROJECTS, EVALUATED_KEY_TOTAL } from "./key-projects";

const district = generateDemoDistrict();
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
/** Execution rows by project code (Map.groupBy needs Node 21). */
function byProjectCode(rows: readonly ExecutionRow[]): Map<string, ExecutionRow[]> {
  const map = new Map<string, ExecutionRow[]>();
  for (const r of rows) map.set(r.projectCode, [...(map.get(r.projectCode) ?? []), r]);
  return map;
}
const maxLength = (kind: keyof typeof IMPORT_SPECS, key: string) =>
  IMPORT_SPECS[kind].find((f) => f.key === key)?.maxLength ?? Number.POSITIVE_INFINITY;

describe("the demo district", () => {
  const departments = district.orgs.filter((o) => o.kind === "department");
  const units = district.orgs.filter((o) => o.kind === "unit");
  const orgByCode = new Map(district.orgs.map((o) => [o.code, o]));

  it("has the seed's 54 departments, each with 1 to 8 units whose parent exists", () => {
    expect(departments).toHaveLength(54);
    expect(orgByCode.size).toBe(district.orgs.length);
    for (const d of departments) {
      expect(d.parentCode).toBeNull();
      const own = units.filter((u) => u.parentCode === d.code);
      expect(own.length).toBeGreaterThanOrEqual(1);
      expect(own.length).toBeLessThanOrEqual(8);
    }
    for (const u of units) expect(orgByCode.get(u.parentCode ?? "")?.kind).toBe("department");
  });

  it("has 1,713 projects with unique codes, each under an existing department and one of its units", () => {
    expect(district.projects).toHaveLength(1713);
    expect(new Set(district.projects.map((p) => p.code)).size).toBe(1713);
    for (const p of district.projects) {
      expect(p.fiscalYear).toBe(2024);
      expect(orgByCode.get(p.departmentCode)?.kind).toBe("department");
      const unit = orgByCode.get(p.unitCode);
      expect(p.unitCode === p.departmentCode || unit?.parentCode === p.departmentCode).toBe(true);
    }
    expect(district.projects.some((p) => p.unitCode === p.departmentCode)).toBe(true);
  });

  it("totals 9.41亿元 of adjusted budgets", () => {
    expect(fenToYi(sum(district.projects.map((p) => p.adjustedBudget)))).toBe("9.41");
  });

  it("holds the four evaluated key projects, 1,336.64万元 together, among about 20 key projects", () => {
    const evaluated = EVALUATED_KEY_PROJECTS.map((k) => district.projects.find((p) => p.name === k.name));
    expect(evaluated.every((p) => p?.isKey)).toBe(true);
    const total = sum(evaluated.map((p) => p?.adjustedBudget ?? 0));
    expect(total).toBe(EVALUATED_KEY_TOTAL);
    expect(fenToWan(total)).toBe("1336.64");
    const keys = district.projects.filter((p) => p.isKey).length;
    expect(keys).toBeGreaterThanOrEqual(9);
    expect(keys).toBeLessThanOrEqual(25);
  });

  it("keeps money whole and consistent: fiscal + other = adjusted, nothing negative or absurd", () => {
    for (const p of district.projects) {
      for (const v of [p.initialBudget, p.adjustedBudget, p.fiscalFunds, p.otherFunds]) {
        expect(Number.isSafeInteger(v)).toBe(true);
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(10_0000_0000_00);
      }
      expect(p.adjustedBudget).toBeGreaterThan(0);
      expect(p.fiscalFunds + p.otherFunds).toBe(p.adjustedBudget);
    }
  });

  it("has 12 monthly rows per project whose cumulative payments never exceed the adjusted budget", () => {
    expect(district.execution).toHaveLength(20_556);
    const byProject = byProjectCode(district.execution);
    for (const p of district.projects) {
      const rows = byProject.get(p.code) ?? [];
      expect(rows.map((r) => r.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      let cumulative = 0;
      for (const r of rows) {
        expect(Number.isSafeInteger(r.executed) && r.executed >= 0).toBe(true);
        cumulative += r.executed;
        expect(cumulative).toBeLessThanOrEqual(p.adjustedBudget);
      }
    }
  });

  it("spreads execution: mostly 85–100% at year end, some behind the time progress in June", () => {
    const byProject = byProjectCode(district.execution);
    const rate = (code: string, months: number, budget: number) =>
      sum((byProject.get(code) ?? []).filter((r) => r.month <= months).map((r) => r.executed)) / budget;
    const yearEnd = district.projects.map((p) => rate(p.code, 12, p.adjustedBudget));
    const june = district.projects.map((p) => rate(p.code, 6, p.adjustedBudget));
    expect(yearEnd.filter((r) => r >= 0.85).length / yearEnd.length).toBeGreaterThan(0.6);
    expect(yearEnd.filter((r) => r < 0.8).length).toBeGreaterThan(20);
    expect(yearEnd.filter((r) => r === 1).length).toBeGreaterThan(0);
    expect(june.filter((r) => r < 0.35).length).toBeGreaterThan(20);
    expect(june.filter((r) => r >= 0.5).length).toBeGreaterThan(20);
  });

  it("has one department-wide budget per department: its projects plus basic expenditure", () => {
    expect(district.deptBudgets.map((b) => b.departmentCode).sort()).toEqual(departments.map((d) => d.code).sort());
    for (const b of district.deptBudgets) {
      const projects = sum(
        district.projects.filter((p) => p.departmentCode === b.departmentCode).map((p) => p.adjustedBudget),
      );
      expect(b.fiscalYear).toBe(2024);
      expect(b.adjustedBudget).toBeGreaterThan(projects);
      expect(b.fiscalFunds + b.otherFunds).toBe(b.adjustedBudget);
      expect(Math.abs(b.initialBudget - b.adjustedBudget) / b.adjustedBudget).toBeLessThan(0.3);
    }
  });

  it("has a login per role, on an organisation of the right kind", () => {
    const byName = new Map(district.users.map((u) => [u.username, u]));
    expect(byName.size).toBe(district.users.length);
    for (const u of district.users) expect(isRole(u.role)).toBe(true);
    expect(byName.get("finance")).toMatchObject({ role: "finance_admin", orgCode: district.bureau.code });
    expect(byName.get("auditor")).toMatchObject({ role: "auditor", orgCode: district.bureau.code });
    expect(byName.get("firm")).toMatchObject({ role: "firm", orgCode: district.firms[0]?.code });
    expect(byName.get("expert")?.role).toBe("expert");
    const education = departments.find((d) => d.name.includes("教育局"));
    expect(byName.get("dept")).toMatchObject({ role: "department", orgCode: education?.code });
    for (const d of departments)
      expect(byName.get(`dept${d.code}`)).toMatchObject({ role: "department", orgCode: d.code });
    const unit = byName.get("unit");
    expect(unit?.role).toBe("unit");
    expect(orgByCode.get(unit?.orgCode ?? "")?.parentCode).toBe(education?.code);
  });

  it("writes plain text within the import layouts' lengths", () => {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: that is what is checked
    const unsafe = /[<>&"'\u0000-\u001f\u007f]/;
    const texts: [string, number][] = [
      ...district.orgs.flatMap((o): [string, number][] => [
        [o.name, maxLength("orgs", "name")],
        [o.sector ?? "", maxLength("orgs", "sector")],
        [o.contactName ?? "", maxLength("orgs", "contactName")],
        [o.contactPhone ?? "", maxLength("orgs", "contactPhone")],
        [o.code, maxLength("orgs", "code")],
      ]),
      ...district.projects.flatMap((p): [string, number][] => [
        [p.name, maxLength("projects", "name")],
        [p.sector ?? "", maxLength("projects", "sector")],
        [p.code, maxLength("projects", "code")],
      ]),
      ...district.users.map((u): [string, number] => [u.displayName, 100]),
    ];
    for (const [text, max] of texts) {
      expect(text, text).not.toMatch(unsafe);
      expect(text.length, text).toBeLessThanOrEqual(max);
    }
  });

  it("is deterministic: the same seed gives the same district, another seed another one", () => {
    expect(generateDemoDistrict(DEFAULT_DEMO_SEED)).toEqual(district);
    const other = generateDemoDistrict(7);
    expect(other.projects).not.toEqual(district.projects);
    expect(other.projects).toHaveLength(1713);
    expect(fenToYi(sum(other.projects.map((p) => p.adjustedBudget)))).toBe("9.41");
  });
});

describe("department-wide monthly execution", () => {
  it("pays each department's projects plus its basic expenditure, within its whole budget", () => {
    const d = generateDemoDistrict();
    expect(d.deptExecution).toHaveLength(54 * 12);
    for (const b of d.deptBudgets) {
      const months = d.deptExecution.filter((e) => e.departmentCode === b.departmentCode);
      const paid = months.reduce((s, e) => s + e.executed, 0);
      const projectCodes = new Set(d.projects.filter((p) => p.departmentCode === b.departmentCode).map((p) => p.code));
      const projectPaid = d.execution
        .filter((e) => projectCodes.has(e.projectCode))
        .reduce((s, e) => s + e.executed, 0);
      expect(paid).toBeLessThanOrEqual(b.adjustedBudget);
      expect(paid).toBeGreaterThan(projectPaid);
      expect(months.every((e) => e.executed >= 0)).toBe(true);
    }
  });
});

describe("goal tables", () => {
  it("declares one table per project and per department, about 20,000 indicators in all", () => {
    const d = generateDemoDistrict();
    expect(d.goalTables.filter((t) => t.subjectKind === "project")).toHaveLength(1713);
    expect(d.goalTables.filter((t) => t.subjectKind === "deptWide")).toHaveLength(54);
    const indicators = d.goalTables.reduce((n, t) => n + t.indicators.length, 0);
    expect(indicators).toBeGreaterThan(18_000);
    expect(indicators).toBeLessThan(22_000);
    for (const t of d.goalTables) expect(t.indicators.every((i) => i.weight > 0)).toBe(true);
  });
});
