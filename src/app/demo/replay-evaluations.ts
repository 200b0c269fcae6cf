import { REPORT_PARTS } from "../../core/evaluations/list";
import { uploadAttachment } from "../attachments/upload";
import type { Actor, Deps } from "../context";
import { actOnEvaluation } from "../evaluations/act-on-evaluation";
import { createKeyEvaluation } from "../evaluations/create-key-evaluation";
import {
  createDepartmentEvaluation,
  openDepartmentEvaluation,
  saveEvaluationReport,
} from "../evaluations/department-evaluations";
import { createExpert } from "../evaluations/experts";
import { openScoring } from "../evaluations/open-scoring";
import { getEvaluation } from "../evaluations/read-evaluation";
import { saveSheet, submitSheet } from "../evaluations/score-sheet";
import { setEvaluationTeam } from "../evaluations/set-team";
import { exportProjects } from "../projects/list-projects";
import { actOnRectificationItem } from "../rectification/act-on-item";
import { getRectificationItem } from "../rectification/get-item";
import { issueRectificationNotice } from "../rectification/issue-notice";
import { demoActor, type SetDay } from "./replay-declaration";
import { evidencePdf } from "./replay-follow-ups";

/** The demo's evaluations as src/demo generates them (structural, so app does not depend on demo). */
export interface DemoEvaluations {
  experts: {
    username: string;
    name: string;
    employer: string;
    employerDepartmentCode: string | null;
    title: string;
    fields: string[];
  }[];
  key: {
    projectCode: string;
    experts: string[];
    sheets: Record<string, Record<string, number>>;
    problems: string;
    recommendations: string;
    rectification: {
      problem: string;
      requirement: string;
      deadline: string;
      outcome: "accepted" | "answered" | "open";
    }[];
  }[];
  department: { departmentCode: string; projectCode: string; sheet: Record<string, number>; problems: string }[];
}

/** The firm that accompanies the key evaluations' expert teams (the demo's first firm). */
const KEY_FIRM = "900001";

const day = (y: number, month: number, d: number) =>
  `${y}-${String(month).padStart(2, "0")}-${String(Math.min(d, 28)).padStart(2, "0")}`;

const scoresOf = (sheet: Record<string, number>) =>
  Object.entries(sheet).map(([uid, points]) => ({ uid, points, comment: "" }));

/** A department's report parts, written from what it found. */
function departmentReport(name: string, problems: string, total: number) {
  const text = {
    basics: `“${name}”为本部门年度重点支出项目，项目资金按预算安排使用，主要用于保障项目实施。`,
    work: "成立评价工作组，对照评价指标体系逐项核查项目资料、资金支付凭证和绩效目标完成情况，并开展满意度调查。",
    problems,
    recommendations: `评价得分 ${total.toFixed(2)} 分。下一步将细化量化绩效指标，按时间进度加快资金支出，加强项目过程管理。`,
  };
  return Object.fromEntries(REPORT_PARTS.map((p) => [p, text[p]])) as typeof text;
}

/**
 * The year's evaluations, replayed through the use cases users call, each step on its day: in April finance
 * fills the expert pool and opens the department evaluation; each department evaluates one project of its own,
 * scores it, writes the report and submits; finance finalises in June. From May finance runs the four key
 * evaluations: team (the firm and three experts, the first leads), scoring opened, each expert saves and submits
 * their sheet, finance finalises. In August finance sends each key project's unit a rectification notice; the
 * unit answers items with evidence and finance accepts them, as far as the demo's story goes.
 */
export async function replayEvaluations(
  deps: Deps,
  setDay: SetDay,
  finance: Actor,
  y: number,
  data: DemoEvaluations,
  onStep?: (step: string) => void,
) {
  const next = y + 1;
  const projects = new Map(
    (await exportProjects(deps, finance, { fiscalYear: y }, "code", "asc")).map((p) => [p.code, p]),
  );
  const projectOf = (code: string) => {
    const p = projects.get(code);
    if (!p) throw new Error(`演示评价的项目不存在：${code}`);
    return p;
  };

  onStep?.(`${y}年度评价专家库 ${data.experts.length} 位`);
  setDay(day(next, 4, 1));
  const expertIds = new Map<string, number>();
  for (const e of data.experts) {
    const user = await deps.uow.read.users.byUsername(e.username);
    const employerOrg = e.employerDepartmentCode
      ? await deps.uow.read.orgs.byCode(finance.regionCode, e.employerDepartmentCode)
      : null;
    const created = await createExpert(deps, finance, {
      name: e.name,
      employer: e.employer,
      employerOrgId: employerOrg?.id ?? null,
      title: e.title,
      fields: e.fields,
      phone: "",
      userId: user?.id ?? null,
      active: true,
    });
    expertIds.set(e.username, created.id);
  }

  onStep?.(`${y}年度部门评价 ${data.department.length} 个`);
  setDay(day(next, 4, 10));
  await openDepartmentEvaluation(deps, finance, { fiscalYear: y, dueOn: day(next, 6, 15) });
  const submitted: number[] = [];
  for (const [i, d] of data.department.entries()) {
    const dept = await demoActor(deps, `dept${d.departmentCode}`);
    const project = projectOf(d.projectCode);
    setDay(day(next, 4, 15 + (i % 14)));
    const created = await createDepartmentEvaluation(deps, dept, { projectId: project.id });
    setDay(day(next, 5, 6 + (i % 20)));
    const own = created.members[0]!;
    await saveSheet(deps, dept, created.id, { version: own.version, scores: scoresOf(d.sheet) });
    const total = Object.values(d.sheet).reduce((a, b) => a + b, 0);
    const scored = await getEvaluation(deps, dept, created.id);
    const reported = await saveEvaluationReport(deps, dept, created.id, {
      version: scored.version,
      ...departmentReport(project.name, d.problems, total),
    });
    setDay(day(next, 5, 10 + (i % 20)));
    await actOnEvaluation(deps, dept, created.id, { version: reported.version, action: "submit" });
    submitted.push(created.id);
  }
  for (const [i, id] of submitted.entries()) {
    setDay(day(next, 6, 2 + (i % 20)));
    const e = await getEvaluation(deps, finance, id);
    await actOnEvaluation(deps, finance, id, { version: e.version, action: "finalise" });
  }

  onStep?.(`${y}年度财政重点评价 ${data.key.length} 个，整改通知 ${data.key.length} 份`);
  const firm = await deps.uow.read.orgs.byCode(finance.regionCode, KEY_FIRM);
  if (!firm) throw new Error(`演示数据中没有第三方机构：${KEY_FIRM}`);
  for (const [i, k] of data.key.entries()) {
    const project = projectOf(k.projectCode);
    setDay(day(next, 5, 8 + i));
    const created = await createKeyEvaluation(deps, finance, { projectId: project.id });
    const team = await setEvaluationTeam(deps, finance, created.id, {
      version: created.version,
      firmId: firm.id,
      members: k.experts.map((u, j) => ({ expertId: expertIds.get(u)!, isLead: j === 0 })),
    });
    setDay(day(next, 5, 20 + i));
    await openScoring(deps, finance, created.id, { version: team.version, dueOn: day(next, 7, 15) });
    for (const [j, username] of k.experts.entries()) {
      const expert = await demoActor(deps, username);
      setDay(day(next, 6, 10 + 4 * i + j));
      const before = await getEvaluation(deps, expert, created.id);
      const own = before.members.find((m) => m.expert?.id === expertIds.get(username))!;
      const saved = await saveSheet(deps, expert, created.id, {
        version: own.version,
        scores: scoresOf(k.sheets[username]!),
      });
      setDay(day(next, 7, 1 + 3 * i + j));
      const mine = saved.members.find((m) => m.expert?.id === expertIds.get(username))!;
      await submitSheet(deps, expert, created.id, { version: mine.version });
    }
    setDay(day(next, 7, 20 + i));
    const scored = await getEvaluation(deps, finance, created.id);
    await actOnEvaluation(deps, finance, created.id, { version: scored.version, action: "finalise" });

    // The rectification notice to the project's unit, with the evaluation's problems.
    setDay(day(next, 8, 5 + i));
    const notice = await issueRectificationNotice(deps, finance, {
      source: "evaluation",
      sourceId: created.id,
      unitId: project.unit.id,
      title: `${y}年度财政重点评价整改通知：${project.name}`,
      items: k.rectification.map(({ problem, requirement, deadline }) => ({ problem, requirement, deadline })),
    });
    const unitOrg = (await deps.uow.read.orgs.byId(project.unit.id))!;
    const owner = await demoActor(deps, unitOrg.kind === "department" ? `dept${unitOrg.code}` : `unit${unitOrg.code}`);
    for (const [j, r] of k.rectification.entries()) {
      if (r.outcome === "open") continue;
      const itemId = notice.items[j]!.id;
      setDay(day(next, 9, 10 + 4 * i + j));
      await uploadAttachment(deps, owner, {
        entity: "rectification_item",
        recordId: itemId,
        fileName: "整改佐证材料.pdf",
        bytes: evidencePdf(`Rectification evidence, item ${itemId}`),
      });
      const item = await getRectificationItem(deps, owner, itemId);
      await actOnRectificationItem(deps, owner, itemId, {
        version: item.version,
        action: "answer",
        text: `已按整改要求落实：${r.problem}的问题已制定整改措施并完成整改，附佐证材料`,
      });
      if (r.outcome !== "accepted") continue;
      setDay(day(next, 10, 8 + 4 * i + j));
      const answered = await getRectificationItem(deps, finance, itemId);
      await actOnRectificationItem(deps, finance, itemId, {
        version: answered.version,
        action: "accept",
        text: "整改到位，予以验收",
      });
    }
  }
}
