import { describe, expect, it } from "vitest";
import { type DeclaredTable, declarationStatus, isOverdue } from "./tasks";

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

  it("follow the organisation's goal tables of the year", () => {
    const t = (status: DeclaredTable["status"], edited = false): DeclaredTable => ({ status, edited });
    expect(declarationStatus([t("draft"), t("draft")])).toBe("todo");
    expect(declarationStatus([t("draft", true), t("draft")])).toBe("in_progress");
    expect(declarationStatus([t("submitted", true), t("draft")])).toBe("in_progress");
    expect(declarationStatus([t("submitted", true), t("dept_approved", true)])).toBe("submitted");
    expect(declarationStatus([t("approved", true), t("returned", true)])).toBe("returned");
    expect(declarationStatus([t("approved", true), t("submitted", true)])).toBe("submitted");
    expect(declarationStatus([t("approved", true), t("approved", true)])).toBe("done");
    expect(declarationStatus([])).toBe("closed");
  });
});
