import type { PublicationBody, PublishedTable } from "../../../core/disclosure/types";
import { OPERATOR_LABELS } from "../../../core/goals/types";
import { fenToWan, groupThousands, sumFen } from "../../../core/money";
import { hundredthsOf, pointsText } from "../../../core/selfeval/grade";
import { authorize } from "../../authorize";
import { type PublicationKindDef, rebuildCheck } from "./kind";

/** More key projects than any district has; a bound so a read can never grow without limit. */
const MAX_PROJECTS = 5_000;

/**
 * 重点项目绩效目标: the year's key projects (`projects.is_key`) whose goal table is approved, with their budget (全年预算数,
 * of which 财政拨款 and 其他资金) and overall goal, then each project's indicators as declared. A key project whose
 * current goal table is not approved (never approved, or a revision in progress) is left out and counted in the
 * introduction: only what finance approved is published.
 */
const prepare: PublicationKindDef["prepare"] = async (deps, actor, { fiscalYear, departmentId }) => {
  const scope = authorize(actor, "project.read");
  const read = deps.uow.read;
  const projects = await read.projects.listAll(
    scope,
    { fiscalYear, isKey: true, departmentId },
    "code",
    "asc",
    MAX_PROJECTS,
  );
  const tables =
    projects.length === 0
      ? []
      : await read.goalImport.tables(scope, {
          fiscalYear,
          departmentId,
          subjects: projects.map((p) => ({ subjectKind: "project" as const, subjectCode: p.code })),
        });
  const approved = new Map(
    tables
      .filter((t) => t.status === "approved" && t.table.subjectKind === "project")
      .map((t) => [t.table.subjectCode, t]),
  );
  const shown = projects.filter((p) => approved.has(p.code));
  const overview: PublishedTable = {
    key: "projects",
    title: `${fiscalYear}年度重点项目绩效目标概况`,
    columns: [
      { key: "code", title: "项目编码", type: "text" },
      { key: "name", title: "项目名称", type: "text" },
      { key: "department", title: "主管部门", type: "text" },
      { key: "unit", title: "实施单位", type: "text" },
      { key: "budget", title: "全年预算数", type: "amount" },
      { key: "fiscal", title: "其中：财政拨款", type: "amount" },
      { key: "other", title: "其他资金", type: "amount" },
      { key: "goal", title: "年度总体目标", type: "text" },
      { key: "indicators", title: "绩效指标数", type: "count" },
    ],
    rows: shown.map((p) => {
      const t = approved.get(p.code)!;
      return {
        code: p.code,
        name: p.name,
        department: p.department.name,
        unit: p.unit.name,
        budget: p.adjustedBudget,
        fiscal: p.fiscalFunds,
        other: p.otherFunds,
        goal: t.table.overallGoal,
        indicators: t.table.indicators.length,
      };
    }),
  };
  const perProject: PublishedTable[] = shown.map((p) => {
    const t = approved.get(p.code)!;
    return {
      key: `goals-${p.code}`,
      title: `${p.name}（${p.code}）绩效目标表`,
      columns: [
        { key: "no", title: "序号", type: "count" },
        { key: "level1", title: "一级指标", type: "text" },
        { key: "level2", title: "二级指标", type: "text" },
        { key: "name", title: "三级指标", type: "text" },
        { key: "target", title: "指标值", type: "text" },
        { key: "weight", title: "分值", type: "score" },
      ],
      rows: t.table.indicators.map((i, n) => ({
        no: n + 1,
        level1: i.level1,
        level2: i.level2,
        name: i.name,
        target:
          i.kind === "quantitative" && i.operator
            ? `${OPERATOR_LABELS[i.operator]}${i.target}${i.unit ?? ""}`
            : i.target,
        weight: pointsText(hundredthsOf(i.weight)),
      })),
    };
  });
  const total = sumFen(shown.map((p) => p.adjustedBudget));
  const left = projects.length - shown.length;
  const intro =
    `${fiscalYear}年度共确定重点项目${projects.length}个，` +
    `现公开其中绩效目标表已经财政批复的${shown.length}个项目的绩效目标，全年预算合计${groupThousands(fenToWan(total))}万元` +
    (left > 0 ? `；其余${left}个项目的绩效目标表尚在审核中，批复后另行公开。` : "。");
  const body: PublicationBody = { intro, tables: [overview, ...perProject] };
  return body;
};

export const goalTables: PublicationKindDef = {
  label: "重点项目绩效目标",
  prepare,
  check: rebuildCheck(prepare),
};
