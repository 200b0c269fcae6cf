import {
  addExpert,
  type EvaluationDistrict,
  evaluationDistrict,
  scoredKeyEvaluation,
  sheetOff,
} from "./evaluation-district";

/**
 * The small evaluation district with the 2025 results that result application reads, built through the API:
 * two key evaluations (一小校舍维修 良 80.34, 疾控免疫规划 中 68.00), a department evaluation (二小图书购置 优
 * 91.50), and a rectification item of 一小 past its deadline (the clock is then 2025-11-25). Unit accounts
 * unit1 (一小), unit2 (二小) and cdcu (疾控中心). The 2026 requests are left to the test: the API test
 * imports them through the API, the browser test through the import page.
 */
export interface ResultsDistrict {
  t: EvaluationDistrict;
  /** The key evaluations of 一小校舍维修 and 疾控免疫规划. */
  school: number;
  cdc: number;
  /** The rectification notice of 一小's key evaluation. */
  notice: number;
}

export async function resultsDistrict(options: { webDir?: string } = {}): Promise<ResultsDistrict> {
  const t = await evaluationDistrict(options);
  /** A finalised key evaluation of a 2025 project scored by two experts (hundredths off 100 each). */
  const keyEvaluation = async (code: string, team: [string, number, number][]) => {
    const done = await scoredKeyEvaluation(t, code, team);
    await t.ok("admin", "POST", `/api/v1/evaluations/${done.id}/actions`, {
      version: done.version,
      action: "finalise",
    });
    return done.id as number;
  };

  await t.d.account("unit2", "unit", "301002");
  await t.d.account("cdcu", "unit", "302001");
  const e1 = await addExpert(t, "张明", "exp1");
  const e2 = await addExpert(t, "李华", "exp2");
  const school = await keyEvaluation("P301001A", [
    ["exp1", e1, 1967],
    ["exp2", e2, 1966],
  ]); // 80.34 良
  const cdc = await keyEvaluation("P302001A", [
    ["exp1", e1, 3000],
    ["exp2", e2, 3400],
  ]); // 68.00 中
  await t.ok("admin", "POST", "/api/v1/evaluations/department/rounds", { fiscalYear: 2025, dueOn: "2025-12-31" });
  let e = await t.ok("edu", "POST", "/api/v1/evaluations/department", {
    projectId: await t.project(2025, "P301002A"),
  });
  e = await t.ok("edu", "PUT", `/api/v1/evaluations/${e.id}/sheet`, { version: e.version, scores: sheetOff(850) });
  e = await t.ok("edu", "PUT", `/api/v1/evaluations/${e.id}/report`, {
    version: e.version,
    basics: "二小图书购置30万元。",
    work: "部门自行组织评价。",
    problems: "图书分类登记滞后。",
    recommendations: "完善登记制度。",
  });
  e = await t.ok("edu", "POST", `/api/v1/evaluations/${e.id}/submit`, { version: e.version });
  await t.ok("admin", "POST", `/api/v1/evaluations/${e.id}/actions`, { version: e.version, action: "finalise" }); // 91.50 优
  const created = await t.ok("admin", "POST", "/api/v1/rectification/notices", {
    source: "evaluation",
    sourceId: school,
    unitId: await t.org("301001"),
    title: "一小校舍维修重点评价整改",
    items: [{ problem: "开工滞后", requirement: "报送进度计划", deadline: "2025-11-20" }],
  });
  t.setNow(new Date("2025-11-25T02:00:00Z"));
  await t.d.signInAgain();
  return { t, school, cdc, notice: created.id as number };
}
