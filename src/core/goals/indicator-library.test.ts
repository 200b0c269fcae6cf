import { describe, expect, it } from "vitest";
import { checkLibraryEntry, type LibraryEntryFields } from "./indicator-library";
import { DEFAULT_TEMPLATE } from "./types";

const entry: LibraryEntryFields = {
  sector: " 教育 ",
  level1: "产出指标",
  level2: "质量指标",
  name: " 验收合格率",
  kind: "quantitative",
  operator: ">=",
  unit: "%",
  explanation: "",
};

describe("checkLibraryEntry", () => {
  it("trims the text and empties blank optional fields", () => {
    expect(checkLibraryEntry(entry, DEFAULT_TEMPLATE)).toEqual({
      ok: true,
      entry: { ...entry, sector: "教育", name: "验收合格率", explanation: null },
    });
  });

  it("drops the operator and unit of a qualitative entry", () => {
    const checked = checkLibraryEntry({ ...entry, kind: "qualitative" }, DEFAULT_TEMPLATE);
    expect(checked).toMatchObject({ ok: true, entry: { kind: "qualitative", operator: null, unit: null } });
  });

  it("names every field at fault", () => {
    const checked = checkLibraryEntry(
      { ...entry, sector: "", level2: "经济效益指标", operator: null, unit: null, explanation: "<br>" },
      DEFAULT_TEMPLATE,
    );
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.issues.map((i) => i.field)).toEqual(["sector", "explanation", "level2", "operator", "unit"]);
    expect(checked.issues.find((i) => i.field === "level2")?.message).toContain("“数量指标”");
  });
});
