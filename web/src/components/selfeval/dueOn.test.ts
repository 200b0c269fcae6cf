import dayjs from "dayjs";
import { describe, expect, it } from "vitest";
import { dueOnProblem } from "./dueOn";

describe("the due day of a year's self-evaluation", () => {
  it("lies after the year, within the next one", () => {
    expect(dueOnProblem(2025, undefined)).toBe("请选择截止日期");
    expect(dueOnProblem(2025, dayjs("2025-12-31"))).toContain("须晚于 2025-12-31");
    expect(dueOnProblem(2025, dayjs("2026-01-01"))).toBeNull();
    expect(dueOnProblem(2025, dayjs("2026-12-31"))).toBeNull();
    expect(dueOnProblem(2025, dayjs("2027-01-01"))).toBe("截止日期不能晚于 2026-12-31");
  });
});
