import { describe, expect, it } from "vitest";
import type { AuditEntry } from "../../api/types";
import { actionLabel, entityLabel } from "../labels";
import { auditLink } from "./auditLinks";

const entry = (entity: string, entityId: string, after: unknown = null): AuditEntry => ({
  id: 1,
  at: "2026-01-10T02:00:00.000Z",
  actorId: 1,
  actorName: "绩效股",
  regionCode: "450299",
  action: "update",
  entity,
  entityId,
  before: null,
  after,
  reason: null,
});

describe("self-evaluation entries in the audit log", () => {
  it("are named in Chinese", () => {
    expect(["selfeval_round", "selfeval_form", "selfeval_rules", "review_comment"].map(entityLabel)).toEqual([
      "单位自评（开启）",
      "单位自评表",
      "自评评分规则",
      "审核意见",
    ]);
    expect(actionLabel("answer")).toBe("答复意见");
  });

  it("link to the page that shows the record", () => {
    expect(auditLink(entry("selfeval_form", "12"))?.to).toBe("/selfeval/forms/12");
    expect(auditLink(entry("selfeval_round", "3"))?.to).toBe("/selfeval");
    expect(auditLink(entry("selfeval_rules", "2025:2025.1"))?.to).toBe("/selfeval/rules");
    expect(auditLink(entry("budget_request", "2025:P301001A"))?.to).toBe("/results/requests?q=P301001A");
    // An answer to a comment leads to the record the comment is on.
    expect(auditLink(entry("review_comment", "5", { answer: "已改", selfEvalFormId: 12 }))?.to).toBe(
      "/selfeval/forms/12",
    );
    expect(auditLink(entry("review_comment", "6", { answer: "已改", monitoringReportId: 4 }))?.to).toBe(
      "/monitoring/reports/4",
    );
    expect(auditLink(entry("review_comment", "7", { answer: null }))).toBeNull();
  });
});

describe("spot-check review entries in the audit log", () => {
  it("are named in Chinese", () => {
    expect(["selfeval_draw", "review_conflict", "selfeval_review"].map(entityLabel)).toEqual([
      "自评抽查复核抽样",
      "回避关系",
      "自评抽查复核",
    ]);
    expect(["assign", "confirm", "return"].map(actionLabel)).toEqual(["分配", "确认", "退回"]);
  });

  it("link to the review's pages", () => {
    expect(auditLink(entry("selfeval_draw", "1"))?.to).toBe("/review");
    expect(auditLink(entry("review_conflict", "4"))?.to).toBe("/review/firms");
    expect(auditLink(entry("selfeval_review", "9"))?.to).toBe("/review/items/9");
  });
});

describe("rectification entries in the audit log", () => {
  it("are named in Chinese and link to the notice or the item", () => {
    expect(["rectification_notice", "rectification_item"].map(entityLabel)).toEqual(["整改通知", "整改事项"]);
    expect(["issue", "accept", "return"].map(actionLabel)).toEqual(["下达", "验收", "退回"]);
    expect(auditLink(entry("rectification_notice", "7"))?.to).toBe("/rectification/notices/7");
    // An item opens on its notice, through the page its task and notifications link to.
    expect(auditLink(entry("rectification_item", "21"))?.to).toBe("/rectification/items/21");
  });
});

describe("evaluation entries in the audit log", () => {
  it("link to the evaluation, the department evaluation list or the evaluation a ledger entry is about", () => {
    expect(auditLink(entry("evaluation", "7"))?.to).toBe("/evaluations/7");
    expect(auditLink(entry("department_evaluation", "2024"))?.to).toBe("/evaluations?kind=department");
    expect(auditLink(entry("firm_ledger", "3", { firmId: 9, evaluationId: 7 }))?.to).toBe("/evaluations/7");
    expect([entityLabel("evaluation"), actionLabel("open_scoring"), actionLabel("submit_scores")]).toEqual([
      "绩效评价",
      "开启专家评分",
      "提交评分",
    ]);
  });
});

describe("result application entries in the audit log", () => {
  it("are named in Chinese and link to the rules, the adoption's list or the unit's notice", () => {
    expect(["result_rule_set", "result_adoption", "result_adjustment"].map(entityLabel)).toEqual([
      "结果应用规则集",
      "结果应用采纳",
      "预算调整告知",
    ]);
    expect(["adopt", "readopt", "acknowledge"].map(actionLabel)).toEqual(["采纳", "变更采纳", "确认已阅"]);
    expect(auditLink(entry("result_rule_set", "3"))?.to).toBe("/results/rules");
    expect(auditLink(entry("result_adoption", "2"))?.to).toBe("/results/adjustments?adoptionId=2");
    expect(auditLink(entry("result_adjustment", "41"))?.to).toBe("/results/adjustments/41");
  });
});
