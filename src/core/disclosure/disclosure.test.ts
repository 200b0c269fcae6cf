import { describe, expect, it } from "vitest";
import { compareTables } from "./compare";
import { cellData, cellText, columnHeading } from "./format";
import type { PublishedTable } from "./types";
import { checkDraftTexts } from "./validate";
import { allowedVersionActions, nextVersionStatus } from "./workflow";

const table = (rows: PublishedTable["rows"]): PublishedTable => ({
  key: "projects",
  title: "重点项目",
  columns: [
    { key: "code", title: "项目编码", type: "text" },
    { key: "budget", title: "预算数", type: "amount" },
    { key: "score", title: "得分", type: "score" },
  ],
  rows,
});

describe("the version's state machine", () => {
  it("moves draft → submitted → published, or back through returned", () => {
    expect(nextVersionStatus("draft", "submit")).toBe("submitted");
    expect(nextVersionStatus("submitted", "approve")).toBe("published");
    expect(nextVersionStatus("submitted", "return")).toBe("returned");
    expect(nextVersionStatus("returned", "edit")).toBe("draft");
    expect(nextVersionStatus("returned", "submit")).toBe("submitted");
  });
  it("refuses every step from published and the steps out of turn", () => {
    for (const a of ["edit", "refresh", "submit", "approve", "return"] as const)
      expect(nextVersionStatus("published", a)).toBeNull();
    expect(nextVersionStatus("draft", "approve")).toBeNull();
    expect(nextVersionStatus("submitted", "edit")).toBeNull();
  });
  it("gives the drafter the drafting steps and only the chosen approver the verdict", () => {
    const v = { status: "submitted" as const, draftedBy: 1, approverId: 2 };
    expect(allowedVersionActions(v, 1)).toEqual([]);
    expect(allowedVersionActions(v, 2)).toEqual(["approve", "return"]);
    expect(allowedVersionActions(v, 3)).toEqual([]);
    expect(allowedVersionActions({ ...v, status: "draft" }, 1)).toEqual(["edit", "refresh", "submit"]);
    // Four eyes even if a drafter were ever named approver of their own version.
    expect(allowedVersionActions({ ...v, approverId: 1 }, 1)).toEqual([]);
  });
});

describe("the figures check", () => {
  it("finds nothing when the tables still match", () => {
    const t = table([{ code: "P1", budget: 52_000_000, score: "80.34" }]);
    expect(compareTables([t], [structuredClone(t)])).toEqual([]);
  });
  it("names the table, row, column and both figures of a changed cell (amounts exact in 元)", () => {
    const printed = table([{ code: "P1", budget: 52_000_000, score: "80.34" }]);
    const now = table([{ code: "P1", budget: 52_000_001, score: "80.34" }]);
    const [f, ...rest] = compareTables([printed], [now]);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      table: "重点项目",
      row: "P1",
      column: "预算数",
      printed: "520,000.00元",
      expected: "520,000.01元",
    });
    expect(f!.message).toContain("公开稿为520,000.00元，现有数据为520,000.01元");
  });
  it("reports rows and tables on one side only", () => {
    const printed = table([
      { code: "P1", budget: 1, score: null },
      { code: "P2", budget: 2, score: null },
    ]);
    const now = table([
      { code: "P1", budget: 1, score: null },
      { code: "P3", budget: 3, score: null },
    ]);
    const extra: PublishedTable = { ...table([]), key: "other", title: "另一表" };
    const found = compareTables([printed], [now, extra]);
    expect(found.map((f) => [f.row, f.printed, f.expected])).toEqual([
      ["P2", "P2", null],
      ["P3", null, "P3"],
      ["", null, "0行"],
    ]);
    expect(compareTables([extra], [])[0]!.message).toBe("表“另一表”在现有数据中已不存在");
  });
});

describe("cells", () => {
  it("shows amounts in 万元 (half up) and writes them in exact 元 for machines", () => {
    expect(cellText("amount", 1_336_640_000)).toBe("1,336.64");
    expect(cellText("amount", 5_000)).toBe("0.01");
    expect(cellText("amount", 4_999)).toBe("0.00");
    expect(cellData("amount", 1_336_640_001)).toBe("13366400.01");
    expect(cellText("percent", "9.26")).toBe("9.26%");
    expect(cellText("score", null)).toBe("");
    expect(columnHeading({ key: "b", title: "预算数", type: "amount" })).toBe("预算数（万元）");
  });
});

describe("draft texts", () => {
  it("allows markup (the portal escapes it) but not control characters, naming the field", () => {
    expect(checkDraftTexts({ title: "得分<60分 & 整改", intro: "<script>" })).toEqual([]);
    expect(checkDraftTexts({ title: " " })).toEqual([{ field: "title", message: "标题不能为空" }]);
    expect(checkDraftTexts({ blocks: [{ type: "paragraph", text: "a\u202eb" }] })[0]!.field).toBe("blocks.0.text");
  });
});
