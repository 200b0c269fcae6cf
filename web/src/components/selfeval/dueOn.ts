import type { Dayjs } from "dayjs";

/**
 * The due day of a year's self-evaluation, checked as the server checks it: after the year has ended, and
 * at the latest at the end of the next one. The message, or null when the day is acceptable.
 */
export function dueOnProblem(year: number, v: Dayjs | null | undefined): string | null {
  if (!v) return "请选择截止日期";
  const day = v.format("YYYY-MM-DD");
  if (day <= `${year}-12-31`) return `单位自评在年度结束后进行，截止日期须晚于 ${year}-12-31`;
  if (day > `${year + 1}-12-31`) return `截止日期不能晚于 ${year + 1}-12-31`;
  return null;
}
