import { DEPT_SCORE_COMPONENT_LABELS, type DeptScoreComponent } from "./department-score";

/** What a component's value is computed from (see app/results/department-ranking.ts). */
export interface ComponentBasis {
  count: number;
  /** Accepted items or tasks on time; null for the means. */
  part: number | null;
  /** Items or tasks not counted yet: within their deadline and not accepted or done. */
  pending: number;
}

const pendingText = (n: number, what: string) => (n > 0 ? `；另有 ${n} ${what}，暂不计入` : "");

/** How a department's component came out, in a sentence for the table's tooltip and the export. */
export function componentHow(key: DeptScoreComponent, b: ComponentBasis): string {
  const label = DEPT_SCORE_COMPONENT_LABELS[key];
  switch (key) {
    case "selfEvalQuality":
      return b.count === 0
        ? `无财政已确认的抽查复核，${label}不参与计分`
        : `财政已确认复核的自评表 ${b.count} 张，复核得分的平均值`;
    case "deptEval":
    case "keyEval":
      return b.count === 0 ? `无已定稿的${label}，不参与计分` : `已定稿的${label} ${b.count} 个，评价得分的平均值`;
    case "rectification":
      return b.count === 0
        ? `无应计整改事项，不参与计分${pendingText(b.pending, "项未到整改期限")}`
        : `已验收 ${b.part ?? 0} 项 ÷ 应计 ${b.count} 项（已验收或已过整改期限）× 100${pendingText(b.pending, "项未到整改期限")}`;
    case "taskTimeliness":
      return b.count === 0
        ? `无应计任务，不参与计分${pendingText(b.pending, "项任务未到期")}`
        : `按期报送 ${b.part ?? 0} 项 ÷ 应计 ${b.count} 项（已报送或已过截止日）× 100${pendingText(b.pending, "项任务未到期")}`;
  }
}
