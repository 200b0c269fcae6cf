import { describe, expect, it } from "vitest";
import { conflictsFor } from "../core/evaluations/conflicts";
import { DEFAULT_EVALUATION_FRAMEWORK } from "../core/evaluations/framework";
import { checkScores, expertMean, expertTotal } from "../core/evaluations/scores";
import { forkRng } from "../core/random";
import { buildEvaluations, sheetWithTotal } from "./evaluations";
import { generateDemoDistrict } from "./generate";

const rows = DEFAULT_EVALUATION_FRAMEWORK.rows;
/** Organisation paths run from the department: a department's own project sits at its code. */
const unitPath = (p: { departmentCode: string; unitCode: string }) =>
  p.unitCode === p.departmentCode ? p.departmentCode : `${p.departmentCode}/${p.unitCode}`;

describe("demo evaluations", () => {
  const demo = generateDemoDistrict();
  const departments = [...new Set(demo.orgs.filter((o) => o.kind === "department").map((o) => o.code))];
  const education = demo.orgs.find((o) => o.name === "城中区教育局")!;
  const built = buildEvaluations(
    forkRng(1, "evaluations"),
    demo.fiscalYear,
    rows,
    demo.projects,
    departments,
    education.code,
  );

  it("a sheet adds up to the total asked, every point within its weight", () => {
    const rng = forkRng(7, "sheet");
    for (const total of [10000, 9999, 8034, 7201, 6000]) {
      const sheet = sheetWithTotal(rows, total, rng);
      expect(expertTotal(rows, sheet)).toBe(BigInt(total));
      expect(checkScores(rows, sheet)).toEqual([]);
    }
  });

  it("the four key evaluations' expert means average 80.34, the seed's figure", () => {
    const scores = built.key.map((k) => expertMean(k.experts.map((u) => expertTotal(rows, k.sheets[u]!)))!);
    expect(expertMean(scores)).toBe(8034n);
  });

  it("54 departments each evaluate one project of their own", () => {
    expect(built.department).toHaveLength(54);
    const byCode = new Map(demo.projects.map((p) => [p.code, p]));
    for (const d of built.department) expect(byCode.get(d.projectCode)?.departmentCode).toBe(d.departmentCode);
  });

  it("no key evaluation team has an expert employed by the project's department", () => {
    const experts = new Map(built.experts.map((e) => [e.username, e]));
    const byCode = new Map(demo.projects.map((p) => [p.code, p]));
    for (const k of built.key) {
      const p = byCode.get(k.projectCode)!;
      for (const u of k.experts) {
        const e = experts.get(u)!;
        const ties = e.employerDepartmentCode
          ? [{ orgPath: e.employerDepartmentCode, kind: "own" as const, year: null, what: e.employer }]
          : [];
        expect(conflictsFor(ties, unitPath(p), demo.fiscalYear, 3)).toEqual([]);
      }
    }
  });

  it("rectification ends with items accepted, answered and one still open", () => {
    const outcomes = built.key.flatMap((k) => k.rectification.map((r) => r.outcome));
    expect(outcomes.filter((o) => o === "open")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "answered").length).toBeGreaterThan(0);
    expect(outcomes.filter((o) => o === "accepted").length).toBeGreaterThan(0);
  });
});
