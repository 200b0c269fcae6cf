import { describe, expect, it } from "vitest";
import { type RoundReport, summariseRound } from "./summary";

const report = (r: Partial<RoundReport>): RoundReport => ({
  kind: "department",
  taskStatus: "todo",
  overdue: false,
  light: "none",
  ...r,
});

describe("summariseRound", () => {
  it("counts an empty round as zeros for every kind, status and light", () => {
    const s = summariseRound([], []);
    const statuses = { todo: 0, in_progress: 0, submitted: 0, returned: 0, done: 0, closed: 0 };
    expect(s).toEqual({
      tasks: {
        department: { total: 0, byStatus: statuses, overdue: 0 },
        key: { total: 0, byStatus: statuses, overdue: 0 },
      },
      lights: { green: 0, yellow: 0, red: 0, none: 0 },
      actions: { open: 0, closed: 0, overdue: 0, total: 0 },
    });
  });

  it("counts tasks by kind and status, overdue ones and lights", () => {
    const s = summariseRound(
      [
        report({ taskStatus: "todo", overdue: true }),
        report({ taskStatus: "todo" }),
        report({ taskStatus: "submitted", light: "yellow" }),
        report({ taskStatus: "done", light: "green" }),
        report({ kind: "key", taskStatus: "returned", overdue: true, light: "red" }),
        report({ kind: "key", taskStatus: "done", light: "red" }),
      ],
      [],
    );
    expect(s.tasks.department).toEqual({
      total: 4,
      byStatus: { todo: 2, in_progress: 0, submitted: 1, returned: 0, done: 1, closed: 0 },
      overdue: 1,
    });
    expect(s.tasks.key).toEqual({
      total: 2,
      byStatus: { todo: 0, in_progress: 0, submitted: 0, returned: 1, done: 1, closed: 0 },
      overdue: 1,
    });
    expect(s.lights).toEqual({ green: 1, yellow: 1, red: 2, none: 2 });
  });

  it("counts every action not closed as open", () => {
    const s = summariseRound(
      [],
      [
        { status: "open", overdue: true },
        { status: "submitted", overdue: false },
        { status: "returned", overdue: true },
        { status: "closed", overdue: false },
        { status: "closed", overdue: false },
      ],
    );
    expect(s.actions).toEqual({ open: 3, closed: 2, overdue: 2, total: 5 });
  });
});
