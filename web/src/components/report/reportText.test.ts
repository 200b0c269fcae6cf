import { describe, expect, it } from "vitest";
import { checkDocument } from "../../../../src/core/report/check-document";
import { DEFAULT_TEMPLATE } from "../../../../src/core/report/default-template";
import type { FigureValues } from "../../../../src/core/report/figures";
import { exact } from "../../../../src/core/report/numbers";
import { renderReport } from "../../../../src/core/report/render";
import {
  blockRuns,
  blockText,
  excerpt,
  insertAtCursor,
  locateFinding,
  pieces,
  quotedKeys,
  sameTemplate,
  templateErrorPart,
} from "./reportText";

// The review's project grades as the demo district has them (7, 57, 33, 0 of 97); the rest left without data.
const values: FigureValues = {
  year: { text: "2024" },
  region: { text: "城中区" },
  "review.project.total": { exact: exact(97), link: "/review/stats" },
  ...Object.fromEntries(
    (
      [
        ["excellent", 7],
        ["good", 57],
        ["fair", 33],
        ["poor", 0],
      ] as const
    ).flatMap(([g, n]) => [
      [`review.project.${g}`, { exact: exact(n), link: "/review/stats" }],
      [`review.project.${g}Share`, { exact: exact(n * 100, 97), link: "/review/stats" }],
    ]),
  ),
};

const withText = (key: string, f: (t: string) => string) => ({
  ...DEFAULT_TEMPLATE,
  sections: DEFAULT_TEMPLATE.sections.map((s) => (s.key === key ? { ...s, text: f(s.text) } : s)),
});
const textOf = (runs: { text: string }[], s: { from: number; to: number }) =>
  runs
    .map((r) => r.text)
    .join("")
    .slice(s.from, s.to);

describe("where a finding of the check lies in the drafted report", () => {
  it("finds a share typed over by hand: its block, the printed figure and the sentence it quotes", () => {
    const doc = renderReport(
      withText("selfeval", (t) => t.replace("{{review.project.excellentShare}}", "7.21")),
      values,
    );
    const findings = checkDocument(doc, values).filter((f) => f.kind !== "missing");
    expect(findings.map((f) => [f.printed, f.computed])).toEqual([["7.21%", "7.22%"]]);
    const target = locateFinding(doc, findings[0]!)!;
    const runs = blockRuns(doc.blocks[target.block]!);
    expect(doc.blocks[target.block]!.section).toBe("selfeval");
    expect(textOf(runs, target.figure)).toBe("7.21%");
    expect(textOf(runs, target.sentence!)).toMatch(/^抽查的97个项目复核评分结果是.*0\.00%。$/);
    const quote = excerpt(blockText(doc, target.block), target, 12);
    expect(quote).toEqual({
      before: "项目7个，占本次抽查比例",
      figure: "7.21%",
      after: "；二等等级80分以上（含",
      cutBefore: true,
      cutAfter: true,
    });
  });

  it("finds a figure without data as the run that says so, in the whole line it quotes", () => {
    const doc = renderReport(DEFAULT_TEMPLATE, values);
    const missing = checkDocument(doc, values).filter((f) => f.kind === "missing");
    const firms = missing.find((f) => f.figure === "review.firms")!;
    const target = locateFinding(doc, firms)!;
    const runs = blockRuns(doc.blocks[target.block]!);
    expect(textOf(runs, target.figure)).toBe("【无数据：复核的第三方机构】");
    // Every missing figure is found in the block whose run it is.
    for (const f of missing) {
      const t = locateFinding(doc, f)!;
      expect(textOf(blockRuns(doc.blocks[t.block]!), t.figure)).toBe(f.printed);
    }
  });

  it("counts the run-in heading （一）… as part of its paragraph's line", () => {
    const doc = renderReport(
      withText("goals", (t) => t.replace("## 强化绩效目标管理", "## 强化绩效目标管理{{goals.projectTables}}")),
      values,
    );
    const f = checkDocument(doc, values).find((x) => x.figure === "goals.projectTables")!;
    const t = locateFinding(doc, f)!;
    const b = doc.blocks[t.block]!;
    expect(b.type === "paragraph" && b.lead !== null).toBe(true);
    expect(textOf(blockRuns(b), t.figure)).toBe("【无数据：批复项目绩效目标表】");
  });

  it("answers null for an offset past the text", () => {
    const doc = renderReport(DEFAULT_TEMPLATE, values);
    const f = checkDocument(doc, values)[0]!;
    expect(locateFinding(doc, { ...f, at: 1_000_000 })).toBeNull();
  });
});

describe("the quote of a finding", () => {
  it("keeps the whole sentence when it is short, and says where it was cut", () => {
    const text = "前一句。压减申报金额4366.00万元。后一句。";
    const target = { sentence: { from: 4, to: 20 }, figure: { from: 10, to: 19 } };
    expect(excerpt(text, target)).toEqual({
      before: "压减申报金额",
      figure: "4366.00万元",
      after: "。",
      cutBefore: false,
      cutAfter: false,
    });
    expect(excerpt(text, target, 2)).toMatchObject({ before: "金额", after: "。", cutBefore: true, cutAfter: false });
  });
});

describe("runs cut at the marks", () => {
  const runs = [{ text: "占本次抽查比例" }, { text: "7.22", figure: "k", link: "/x" }, { text: "%；二等" }];

  it("keeps the text whole and gives each piece the marks over it", () => {
    const ps = pieces(runs, [
      { from: 2, to: 13, name: "sentence" },
      { from: 7, to: 12, name: "figure" },
    ]);
    expect(ps.map((p) => p.text).join("")).toBe("占本次抽查比例7.22%；二等");
    expect(ps.map((p) => [p.text, p.runIndex, p.marks])).toEqual([
      ["占本", 0, []],
      ["次抽查比例", 0, ["sentence"]],
      ["7.22", 1, ["sentence", "figure"]],
      ["%", 2, ["sentence", "figure"]],
      ["；", 2, ["sentence"]],
      ["二等", 2, []],
    ]);
  });

  it("leaves runs as they are without marks", () => {
    expect(pieces(runs, []).map((p) => p.text)).toEqual(runs.map((r) => r.text));
  });
});

describe("the template editor's helpers", () => {
  it("inserts a placeholder at the cursor, over a selection, or at the end", () => {
    expect(insertAtCursor("占比%", { start: 2, end: 2 }, "{{k}}")).toEqual({ text: "占比{{k}}%", cursor: 7 });
    expect(insertAtCursor("占比7.21%", { start: 2, end: 6 }, "{{k}}")).toEqual({ text: "占比{{k}}%", cursor: 7 });
    expect(insertAtCursor("年度", null, "{{year}}")).toEqual({ text: "年度{{year}}", cursor: 10 });
    expect(insertAtCursor("ab", { start: 9, end: 12 }, "x")).toEqual({ text: "abx", cursor: 3 });
  });

  it("compares templates by their text", () => {
    expect(sameTemplate(DEFAULT_TEMPLATE, structuredClone(DEFAULT_TEMPLATE))).toBe(true);
    expect(
      sameTemplate(
        DEFAULT_TEMPLATE,
        withText("results", (t) => `${t}。`),
      ),
    ).toBe(false);
    expect(sameTemplate(DEFAULT_TEMPLATE, { ...DEFAULT_TEMPLATE, title: "报告" })).toBe(false);
  });

  it("reads the section a refusal names, and nothing from other details", () => {
    expect(templateErrorPart({ part: "deptEval", placeholder: "{{x}}" })).toBe("deptEval");
    expect(templateErrorPart({ field: "sections" })).toBeNull();
    expect(templateErrorPart(undefined)).toBeNull();
  });

  it("lists the figures a text quotes once each", () => {
    expect(quotedKeys("{{year}}年{{keyEval.count:cn}}个，{{keyEval.count:cn}}个，{{ year }}")).toEqual([
      "year",
      "keyEval.count",
    ]);
  });
});
