import { dateInChina } from "../../../core/calendar";
import type { PublicationBody, PublishedTable } from "../../../core/disclosure/types";
import { fenToWan, groupThousands, sumFen } from "../../../core/money";
import { hundredthsOf, pointsText } from "../../../core/selfeval/grade";
import { authorize } from "../../authorize";
import { evaluationSummary } from "../../evaluations/summary";
import { selfEvalRulesFor } from "../../selfeval/selfeval-rules";
import { type PublicationKindDef, rebuildCheck } from "./kind";

/** More notices than a year of evaluations produces; a bound on the read. */
const MAX_NOTICES = 10_000;

/**
 * 财政重点评价结果: the year's finalised key evaluations, with the amount evaluated, the score (the experts' mean
 * half up, or finance's override) and grade as the evaluation pages give them (`evaluationSummary`), and where
 * the rectification of what they found stands: no notice issued, in progress (items accepted of all), or done.
 * The state is counted from the items' statuses only, not from the calendar, so the check of a draft does not
 * change overnight.
 */
const prepare: PublicationKindDef["prepare"] = async (deps, actor, { fiscalYear, departmentId }) => {
  const read = deps.uow.read;
  const scope = authorize(actor, "rectification.read");
  const [summary, rules, department, notices] = await Promise.all([
    evaluationSummary(deps, actor, fiscalYear),
    selfEvalRulesFor(read, actor.regionCode, fiscalYear),
    departmentId === undefined ? null : read.orgs.byId(departmentId),
    read.rectification.listNotices(scope, { fiscalYear, source: "evaluation" }, dateInChina(deps.clock.now()), {
      sort: "issuedAt",
      order: "asc",
      page: 1,
      pageSize: MAX_NOTICES,
    }),
  ]);
  const items = new Map<number, { items: number; accepted: number }>();
  for (const n of notices.rows) {
    const c = items.get(n.sourceId) ?? { items: 0, accepted: 0 };
    c.items += n.counts.items;
    c.accepted += n.counts.accepted;
    items.set(n.sourceId, c);
  }
  const rectification = (id: number) => {
    const c = items.get(id);
    if (!c || c.items === 0) return "未下达整改通知";
    if (c.accepted === c.items) return `已完成整改（${c.items}项）`;
    return `整改中（已验收${c.accepted}项，共${c.items}项）`;
  };
  const rows = summary.rows
    .filter((r) => r.kind === "key" && r.status === "final")
    .filter((r) => department === null || r.departmentName === department.name)
    .sort((a, b) => (a.project.code < b.project.code ? -1 : a.project.code > b.project.code ? 1 : 0));
  const table: PublishedTable = {
    key: "evaluations",
    title: `${fiscalYear}年度财政重点绩效评价结果`,
    columns: [
      { key: "code", title: "项目编码", type: "text" },
      { key: "name", title: "项目名称", type: "text" },
      { key: "department", title: "主管部门", type: "text" },
      { key: "unit", title: "实施单位", type: "text" },
      { key: "amount", title: "评价金额", type: "amount" },
      { key: "score", title: "评价得分", type: "score" },
      { key: "grade", title: "评价等级", type: "text" },
      { key: "rectification", title: "整改情况", type: "text" },
    ],
    rows: rows.map((r) => ({
      code: r.project.code,
      name: r.project.name,
      department: r.departmentName,
      unit: r.unitName,
      amount: r.amount,
      score: r.score === null ? null : pointsText(hundredthsOf(r.score)),
      grade: r.grade === null ? null : rules.gradeLabels[r.grade],
      rectification: rectification(r.id),
    })),
  };
  const amount = sumFen(rows.map((r) => r.amount));
  const intro =
    `${fiscalYear}年度财政重点绩效评价共${rows.length}个项目，涉及资金${groupThousands(fenToWan(amount))}万元` +
    (department === null && summary.key.meanScore !== null ? `，平均得分${summary.key.meanScore}分` : "") +
    "。评价结果及整改情况如下。";
  const body: PublicationBody = { intro, tables: [table] };
  return body;
};

export const evaluationResults: PublicationKindDef = {
  label: "重点绩效评价结果",
  prepare,
  check: rebuildCheck(prepare),
};
