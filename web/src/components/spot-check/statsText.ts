import type { GradeDistribution } from "../../api/review/review";

/**
 * The report's sentence on a grade distribution, as the district writes it: "复核评分一等等级90分（含）以上的部门有
 * 5个，占本次抽查比例9.26%；…". The share is of the confirmed reviews of that kind.
 */
export function distributionSentence(d: GradeDistribution, noun: "部门" | "项目"): string {
  if (d.total === 0) return `尚无经财政确认的${noun}复核结果。`;
  const parts = d.grades.map(
    (g) => `复核评分${g.label}等级${g.band}的${noun}有${g.count}个，占本次抽查比例${g.percent}%`,
  );
  return `${parts.join("；")}。`;
}
