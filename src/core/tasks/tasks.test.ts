import { describe, expect, it } from "vitest";
import { goalTaskStatus, isOverdue } from "./tasks";

describe("tasks", () => {
  it("are overdue from the day after the due day in Beijing, not on the due day itself", () => {
    const task = { status: "todo" as const, dueOn: "2024-10-31" };
    // 23:59 on the due day in Beijing is 15:59 UTC.
    expect(isOverdue(task, new Date("2024-10-31T15:59:59Z"))).toBe(false);
    // 00:00 the day after in Beijing is 16:00 UTC on the due day: a UTC server still says 31 October.
    expect(isOverdue(task, new Date("2024-10-31T16:00:00Z"))).toBe(true);
  });

  it("are never overdue once submitted, done or closed", () => {
    const late = new Date("2025-01-01T00:00:00Z");
    for (const status of ["submitted", "done", "closed"] as const) {
      expect(isOverdue({ status, dueOn: "2024-10-31" }, late)).toBe(false);
    }
    expect(isOverdue({ status: "returned", dueOn: "2024-10-31" }, late)).toBe(true);
  });

  it("follow their goal table", () => {
    expect(goalTaskStatus("draft", false)).toBe("todo");
    expect(goalTaskStatus("draft", true)).toBe("in_progress");
    expect(goalTaskStatus("submitted", true)).toBe("submitted");
    expect(goalTaskStatus("dept_approved", true)).toBe("submitted");
    expect(goalTaskStatus("returned", true)).toBe("returned");
    expect(goalTaskStatus("approved", true)).toBe("done");
  });
});
