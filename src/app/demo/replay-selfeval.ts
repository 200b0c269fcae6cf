import { selfEvalDeclarerOf } from "../../core/selfeval/form";
import type { Grade } from "../../core/selfeval/grade";
import { reviewScore } from "../../core/selfeval/review-score";
import type { Actor, Deps } from "../context";
import { actOnSelfEvalForm } from "../selfeval/act-on-form";
import { actOnSelfEvalForms } from "../selfeval/act-on-forms";
import { actOnReview } from "../selfeval/act-on-review";
import { assignReviews } from "../selfeval/assign-reviews";
import { drawReviewSample } from "../selfeval/draw-sample";
import { exportSelfEvalWorkbook } from "../selfeval/export-workbook";
import { listFirms } from "../selfeval/firms";
import { importSelfEvalWorkbook } from "../selfeval/import-workbook";
import { openSelfEvaluation } from "../selfeval/open-selfeval";
import type { FormDetail } from "../selfeval/ports";
import { readReview } from "../selfeval/read-review";
import { saveSelfEvalForm } from "../selfeval/save-form";
import { saveReview } from "../selfeval/save-review";
import { demoActor, type SetDay } from "./replay-declaration";
import { deptWideAnswers, fillProjectSheet, guidanceFor, reviewPoints, SHORT_NOTE } from "./selfeval-answers";

/**
 * The seed's 2024 self-evaluation and its spot-check review: every project (1,713) and department (54) self-
 * evaluated, 97 projects drawn with every department-wide self-evaluation for the firm's review, whose
 * confirmed grades are 5 / 44 / 5 departments and 7 / 57 / 33 / 0 projects.
 */
export const DEMO_SELFEVAL = {
  reviewProjects: 97,
  grades: {
    deptWide: { excellent: 5, good: 44, fair: 5, poor: 0 },
    project: { excellent: 7, good: 57, fair: 33, poor: 0 },
  } satisfies Record<string, Record<Grade, number>>,
} as const;

const day = (y: number, month: number, d: number) =>
  `${y}-${String(month).padStart(2, "0")}-${String(Math.min(d, 28)).padStart(2, "0")}`;

function groupBy<T>(items: readonly T[], key: (t: T) => string) {
  const out = new Map<string, T[]>();
  for (const t of items) {
    const k = key(t);
    const list = out.get(k);
    if (list) list.push(t);
    else out.set(k, [t]);
  }
  return out;
}

const regionOf = (actor: Actor) => ({ kind: "region" as const, regionCode: actor.regionCode });

/** The account that fills a form: its unit's, or the department's for its own forms. */
const fillerOf = (d: FormDetail) =>
  selfEvalDeclarerOf({ subjectKind: d.subjectKind, unitId: d.unit.id, departmentId: d.department.id }) === "department"
    ? `dept${d.department.code}`
    : `unit${d.unit.code}`;

/**
 * The year's self-evaluation, replayed through the use cases users call, each step on its day: finance
 * opens it in January after the year's execution arrived; each unit downloads its project forms as the
 * official workbook, fills it and imports it; departments fill their department-wide forms on the web;
 * everyone submits in one go, departments then finance approve in batches (a few forms are returned and
 * fixed first). In April finance draws the review sample, assigns it to the firm, whose reviewer re-scores
 * every item and writes the guidance; finance confirms each review.
 */
export async function replaySelfEval(
  deps: Deps,
  setDay: SetDay,
  finance: Actor,
  y: number,
  onStep?: (step: string) => void,
) {
  const next = y + 1;
  setDay(day(next, 1, 15));
  await openSelfEvaluation(deps, finance, { fiscalYear: y, dueOn: day(next, 3, 31) });
  const all = () => deps.uow.read.selfeval.details(regionOf(finance), { fiscalYear: y });
  const opened = await all();
  onStep?.(`${y}年度单位自评：${opened.length} 张自评表，单位下载、填写、导入`);

  // Each filler's project forms through the workbook, in the order the budget system lists them.
  const fillers = [...new Set(opened.filter((d) => d.subjectKind === "project").map(fillerOf))];
  for (const [i, username] of fillers.entries()) {
    setDay(day(next, 2, 3 + (i % 20)));
    const actor = await demoActor(deps, username);
    const own = username.startsWith("dept") ? { unitId: actor.orgId } : {};
    const book = await exportSelfEvalWorkbook(deps, actor, { fiscalYear: y, ...own });
    const sheets = book.sheets.map((s) => {
      const table = fillProjectSheet(s, s.subjectCode ?? s.sheet);
      return { sheet: table.sheet, table, issues: [] };
    });
    await importSelfEvalWorkbook(deps, actor, { fiscalYear: y, fileName: book.fileName, sheets, mode: "commit" });
  }
  // Department-wide forms on the web: the answers, then the reasons beside what fell short.
  for (const [i, d] of opened.filter((f) => f.subjectKind === "deptWide").entries()) {
    setDay(day(next, 3, 1 + (i % 20)));
    const actor = await demoActor(deps, fillerOf(d));
    const overallActual = "部门年度重点工作任务全面完成，预算执行总体平稳，履职效能进一步提升";
    const saved = await saveSelfEvalForm(deps, actor, d.id, {
      version: d.version,
      overallActual,
      items: deptWideAnswers(d.items, d.code),
    });
    const notes = saved.items
      .filter((it) => it.score.status === "scored" && !it.score.full)
      .map((it) => ({ uid: it.uid, note: SHORT_NOTE }));
    if (notes.length > 0)
      await saveSelfEvalForm(deps, actor, d.id, { version: saved.version, overallActual, items: notes });
  }

  onStep?.(`${y}年度单位自评：提交与审核`);
  // Everyone submits what they filled, in one go, by the due day.
  const filled = await all();
  const byFiller = groupBy(filled, fillerOf);
  for (const [i, [username, forms]] of [...byFiller].entries()) {
    setDay(day(next, 3, 10 + (i % 18)));
    await actOnSelfEvalForms(deps, await demoActor(deps, username), {
      fiscalYear: y,
      action: "submit",
      forms: forms.map((f) => ({ id: f.id, version: f.version })),
    });
  }
  await returnAFew(deps, setDay, finance, y);
  // Each department approves its units' forms, then finance the whole year's.
  setDay(day(next, 4, 2));
  const submitted = (await all()).filter((f) => f.status === "submitted");
  for (const [code, forms] of groupBy(submitted, (f) => f.department.code)) {
    await actOnSelfEvalForms(deps, await demoActor(deps, `dept${code}`), {
      fiscalYear: y,
      action: "approve",
      forms: forms.map((f) => ({ id: f.id, version: f.version })),
      comment: "经审核，同意报送财政",
    });
  }
  setDay(day(next, 4, 7));
  const ready = (await all()).filter((f) => f.status === "dept_approved");
  await actOnSelfEvalForms(deps, finance, {
    fiscalYear: y,
    action: "approve",
    forms: ready.map((f) => ({ id: f.id, version: f.version })),
    comment: "经审核，自评结果予以认可",
  });
  onStep?.(`${y}年度抽查复核：抽取 ${DEMO_SELFEVAL.reviewProjects} 个项目及全部部门整体支出，第三方复核`);
  await replayReview(deps, setDay, finance, y);
}

/** A few forms go back and forth first: the department returns them for a missing reason, the unit fixes it. */
async function returnAFew(deps: Deps, setDay: SetDay, finance: Actor, y: number) {
  const candidates = (
    await deps.uow.read.selfeval.details(regionOf(finance), { fiscalYear: y, subjectKind: "project" })
  )
    .filter((f) => f.status === "submitted")
    .filter((_, i) => i % 331 === 17);
  for (const f of candidates) {
    setDay(day(y + 1, 3, 28));
    const department = await demoActor(deps, `dept${f.department.code}`);
    const returned = await actOnSelfEvalForm(deps, department, f.id, {
      version: f.version,
      action: "return",
      comment: "年度总体目标完成情况过于简略，请结合产出和效益指标具体说明",
    });
    setDay(day(y + 1, 3, 31));
    const filler = await demoActor(deps, fillerOf(f));
    const saved = await saveSelfEvalForm(deps, filler, f.id, {
      version: returned.version,
      overallActual: `${f.answers.overallActual}；全年完成${f.items.length}项绩效指标的考核，详见各指标完成值`,
      items: [],
    });
    await actOnSelfEvalForm(deps, filler, f.id, {
      version: saved.version,
      action: "submit",
      note: "已按主管部门意见补充年度总体目标完成情况",
    });
  }
}

/**
 * 抽查复核: finance draws 97 projects (stratified by department and budget, on a recorded fixed seed) and
 * takes every department-wide self-evaluation; the firm's reviewer re-scores each; finance confirms. The
 * grade each review lands in is the district's (DEMO_SELFEVAL), given to the drawn forms in the order of
 * their self scores, the best self-evaluations getting the best reviews; the points are the reviewer's.
 */
async function replayReview(deps: Deps, setDay: SetDay, finance: Actor, y: number) {
  const next = y + 1;
  setDay(day(next, 4, 10));
  const fixed = { drawSeed: () => ({ seed: `城中区自评抽查复核-${y}`, method: "demo-fixed" }) };
  await drawReviewSample({ ...deps, entropy: fixed }, finance, {
    fiscalYear: y,
    count: DEMO_SELFEVAL.reviewProjects,
    forced: [],
    excluded: [],
    stratify: { department: true, budget: true },
    includeDeptWide: true,
  });
  const [firm] = await listFirms(deps, finance);
  if (!firm) throw new Error("演示数据中没有第三方机构");
  await assignReviews(deps, finance, { fiscalYear: y, firmId: firm.id, dueOn: day(next, 5, 31) });
  const reviewer = await demoActor(deps, firm.reviewers[0]!.username);
  const reviews = await deps.uow.read.selfevalReviews.reviews(
    { scope: regionOf(finance), userId: finance.userId },
    { fiscalYear: y },
  );
  const read = await Promise.all(
    reviews.map(async (r) => ({ r, ...(await readReview(deps.uow.read, finance, r.id)) })),
  );
  for (const kind of ["deptWide", "project"] as const) {
    const ranked = read
      .filter((x) => x.r.subjectKind === kind)
      .sort((a, b) => (b.scores.self.total ?? 0) - (a.scores.self.total ?? 0) || (a.r.code < b.r.code ? -1 : 1));
    const grades = Object.entries(DEMO_SELFEVAL.grades[kind]).flatMap(([g, n]) => Array<Grade>(n).fill(g as Grade));
    for (const [i, x] of ranked.entries()) {
      const grade = grades[i] ?? "good";
      setDay(day(next, 5, 6 + (i % 20)));
      const selfScore = x.scores.self;
      const items = reviewPoints(
        { items: x.form.items, selfScore, missingWeight: x.form.missingWeight },
        grade,
        x.r.code,
      );
      const review = reviewScore({ items: x.form.items, selfScore, missingWeight: x.form.missingWeight }, items);
      const difference = selfScore.total !== null && review.total !== null ? selfScore.total - review.total : null;
      const saved = await saveReview(deps, reviewer, x.r.id, {
        version: x.r.version,
        guidance: guidanceFor(grade, difference),
        items,
      });
      const submitted = await actOnReview(deps, reviewer, x.r.id, { version: saved.version, action: "submit" });
      setDay(day(next, 6, 2 + (i % 20)));
      await actOnReview(deps, finance, x.r.id, { version: submitted.version, action: "confirm" });
    }
  }
}
