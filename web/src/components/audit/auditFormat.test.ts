import { describe, expect, it } from "vitest";
import { changeSummary, fieldChanges, formatAuditValue, indicatorChanges } from "./auditFormat";

const ind = (name: string, target: string, uid?: string) => ({
  ...(uid ? { uid } : {}),
  level1: "产出指标",
  level2: "数量指标",
  name,
  target,
});

describe("audit entries as a clerk reads them", () => {
  it("names the indicators a goal-table edit added, removed and changed", () => {
    const before = [ind("受益人数", "100", "a"), ind("验收合格率", "95", "b"), ind("旧指标", "1", "c")];
    const after = [ind("受益人数", "120", "a"), ind("验收合格率", "95", "b"), ind("满意度", "90", "d")];
    expect(indicatorChanges(before, after)).toBe("新增：满意度；删除：旧指标；修改：受益人数");
    expect(indicatorChanges([], after)).toBeNull();
    expect(changeSummary("goal_table", { indicators: before }, { indicators: after })).toBe(
      "绩效指标（新增：满意度；删除：旧指标；修改：受益人数）",
    );
  });

  it("formats amounts in 元, codes as labels, months of execution, and leaves structures to JSON", () => {
    expect(formatAuditValue("project", "adjustedBudget", 123_456)).toBe("1,234.56 元");
    expect(formatAuditValue("project_execution", "3", 50_000)).toBe("500.00 元");
    expect(formatAuditValue("goal_table", "status", "dept_approved")).toBe("待财政审核");
    // Each record's statuses by its own names.
    expect(formatAuditValue("evaluation", "status", "scoring")).toBe("评分中");
    expect(formatAuditValue("evaluation", "status", "final")).toBe("已定稿");
    expect(formatAuditValue("rectification_item", "status", "accepted")).toBe("已验收");
    expect(changeSummary("evaluation", { status: "draft" }, { status: "scoring", tasks: 2 })).toBe(
      "状态：草稿 → 评分中；任务数： → 2",
    );
    expect(formatAuditValue("user", "role", "finance_staff")).toBe("财政绩效股");
    expect(formatAuditValue("project", "category", "recurring")).toBe("常年性");
    expect(formatAuditValue("import_batch", "kind", "dept-budgets")).toBe("部门整体预算");
    expect(formatAuditValue("project", "isKey", true)).toBe("是");
    expect(formatAuditValue("import_batch", "kind", "requests")).toBe("下年度预算申请");
    expect(formatAuditValue("budget_request", "amount", 360_000_000)).toBe("3,600,000.00 元");
    expect(changeSummary("budget_request", { amount: 100, rigid: false }, { amount: 250, rigid: true })).toBe(
      "申请金额：1.00 元 → 2.50 元；刚性支出：否 → 是",
    );
    expect(formatAuditValue("review_draw", "picks", ["141", "140"])).toBe("141、140");
    expect(formatAuditValue("review_draw", "params", { seed: "x" })).toBeNull();
    const rows = fieldChanges(
      "project_execution",
      { fiscalYear: 2024, "2": 100 },
      { fiscalYear: 2024, "2": 300, "1": 5 },
    );
    // A month paid for the first time is a change too; changed fields come first, months in order.
    expect(rows?.map((r) => [r.label, r.changed])).toEqual([
      ["1月支付数", true],
      ["2月支付数", true],
      ["预算年度", false],
    ]);
  });

  it("says nothing of bookkeeping and summarises a change in one line", () => {
    const before = { contactName: "张三", version: 3, updatedAt: "2024-01-01T00:00:00Z" };
    const after = { contactName: "李四", version: 4, updatedAt: "2024-02-01T00:00:00Z" };
    expect(changeSummary("org", before, after)).toBe("联系人：张三 → 李四");
    expect(fieldChanges("org", "text", null)).toBeNull();
  });

  it("reads a result rule set's rules, an adoption's rule set and amounts, a notice's status", () => {
    const rules = [
      { kind: "departmentScore", priority: 1, percent: 10 },
      { kind: "exemption", exempt: "rigid" },
    ];
    expect(formatAuditValue("result_rule_set", "rules", rules)).toBe(
      "按部门得分：低于全区平均 核减10%\n豁免：刚性支出",
    );
    expect(formatAuditValue("result_adoption", "ruleSet", { id: 3, name: "按部门得分", version: 2 })).toBe(
      "按部门得分 第2版",
    );
    expect(formatAuditValue("result_adoption", "cut", 436_600_000_000)).toBe("4,366,000,000.00 元");
    expect(formatAuditValue("result_adjustment", "taskStatus", "done")).toBe("已完成");
    expect(changeSummary("result_adjustment", { taskStatus: "todo" }, { taskStatus: "done" })).toBe(
      "告知状态：待办 → 已完成",
    );
  });
});
