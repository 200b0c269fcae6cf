import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { draftReport } from "../core/evaluations/report";
import { KEY_EVALUATION } from "../core/evaluations/report-fixture";
import { evaluationReportDocx } from "./evaluation-report-docx";

const fromXml = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
const textOf = (xml: string) =>
  [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => fromXml(m[1]!)).join("");
const paragraphs = (xml: string) => [...xml.matchAll(/<w:p(?: [^>]*)?>([\s\S]*?)<\/w:p>/g)].map((m) => textOf(m[1]!));
const tableRows = (xml: string) =>
  [...xml.matchAll(/<w:tr(?: [^>]*)?>([\s\S]*?)<\/w:tr>/g)].map((r) =>
    [...r[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => textOf(c[1]!)),
  );

async function open(data = KEY_EVALUATION) {
  const zip = await JSZip.loadAsync(await evaluationReportDocx(draftReport(data)));
  const part = async (name: string) => (await zip.file(name)?.async("string")) ?? "";
  const headers = await Promise.all(
    Object.keys(zip.files)
      .filter((n) => /^word\/header\d+\.xml$/.test(n))
      .map(part),
  );
  const footers = await Promise.all(
    Object.keys(zip.files)
      .filter((n) => /^word\/footer\d+\.xml$/.test(n))
      .map(part),
  );
  return { document: await part("word/document.xml"), styles: await part("word/styles.xml"), headers, footers };
}

describe("evaluation report as docx", () => {
  it("has the title and the six headings in order", async () => {
    const { document } = await open();
    const ps = paragraphs(document);
    expect(ps[0]).toBe("农村学校校舍安全工程项目绩效评价报告");
    expect(ps[1]).toBe("（草稿）");
    expect(ps.filter((p) => /^[一二三四五六]、/.test(p))).toEqual([
      "一、项目基本情况",
      "二、评价工作开展情况",
      "三、评价结论",
      "四、绩效分析",
      "五、存在的问题",
      "六、有关建议",
    ]);
    expect(ps.filter((p) => /^（[一二三四]）/.test(p))).toEqual([
      "（一）决策指标",
      "（二）过程指标",
      "（三）产出指标",
      "（四）效益指标",
    ]);
  });

  it("states the conclusion with the override, the mean kept, and the signer and date once final", async () => {
    const { document } = await open({
      ...KEY_EVALUATION,
      override: 8950n,
      overrideReason: "现场核查发现部分资金未及时拨付",
      finalisedOn: "2025-06-30",
    });
    const ps = paragraphs(document);
    expect(ps).toContain(
      "经评价，2位专家评分的平均值为93.09分；财政部门将评价得分调整为89.50分，理由：现场核查发现部分资金未及时拨付。专家评分平均值93.09分同时保留。",
    );
    expect(ps).toContain("该项目综合评价得分为89.50分，评价等级为“良”。");
    expect(ps).not.toContain("（草稿）");
    expect(ps.slice(-2)).toEqual(["明信绩效评价有限公司", "2025年6月30日"]);
    expect(tableRows(document).slice(-2)).toEqual([
      ["专家评分平均", "100", "93.09", "93.09%"],
      ["财政调整后得分", "100", "89.50", "89.50%"],
    ]);
  });

  it("writes the score table with level 1 and level 2 merged down and each level's subtotal", async () => {
    const { document } = await open();
    const rows = tableRows(document);
    expect(rows).toHaveLength(1 + 19 + 4 + 1);
    expect(rows.slice(0, 8)).toEqual([
      ["一级指标", "二级指标", "三级指标", "分值", "得分", "得分率"],
      ["决策", "项目立项", "立项依据充分性", "3", "3.00", "100.00%"],
      ["", "", "立项程序规范性", "3", "3.00", "100.00%"],
      ["", "绩效目标", "绩效目标合理性", "3", "3.00", "100.00%"],
      ["", "", "绩效指标明确性", "3", "2.25", "75.00%"],
      ["", "资金投入", "预算编制科学性", "2", "2.00", "100.00%"],
      ["", "", "资金分配合理性", "1", "1.00", "100.00%"],
      ["", "小计", "15", "14.25", "95.00%"],
    ]);
    expect(rows[8]).toEqual(["过程", "资金管理", "资金到位率", "4", "4.00", "100.00%"]);
    expect(rows.at(-1)).toEqual(["合计", "100", "93.09", "93.09%"]);
    // A merged cell continues the one above: Word shows one cell per level 1.
    expect(document.match(/<w:vMerge w:val="restart"\/>/g)?.length).toBe(4 + 11);
  });

  it("sets the Chinese fonts for East Asian text, the header with the region and year, and page numbers", async () => {
    const { document, styles, headers, footers } = await open();
    // The look is in named styles, so what people type in Word takes it too.
    for (const f of ["黑体", "仿宋_GB2312", "楷体_GB2312"]) expect(styles).toContain(`w:eastAsia="${f}"`);
    expect(document.match(/<w:pStyle w:val="Heading1"\/>/g)?.length).toBe(6);
    expect(document.match(/<w:pStyle w:val="Heading2"\/>/g)?.length).toBe(4);
    expect(document).toContain('<w:pStyle w:val="ReportBody"/>');
    expect(headers.map(textOf)).toContain("青山区 2024年度财政重点评价");
    expect(footers.some((f) => /<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/.test(f))).toBe(true);
    // The lines people must complete are highlighted, and only those.
    const ps = [...document.matchAll(/<w:p(?: [^>]*)?>([\s\S]*?)<\/w:p>/g)].map((m) => m[1]!);
    const highlighted = ps.filter((p) => p.includes('<w:highlight w:val="yellow"/>')).map(textOf);
    expect(highlighted).toHaveLength(8);
    expect(highlighted.every((t) => t.startsWith("【") && t.endsWith("】"))).toBe(true);
  });

  it("keeps markup as text and drops characters XML forbids, so Word still opens the file", async () => {
    const sheets = KEY_EVALUATION.sheets.map((s, i) =>
      i === 0 ? { ...s, comments: { ...s.comments, O3: "进度<b>滞后</b> & 返工\u0001\uFFFF\uD800" } } : s,
    );
    const { document } = await open({ ...KEY_EVALUATION, sheets });
    for (const c of ["\u0001", "\uFFFF", "\uD800"]) expect(document.includes(c)).toBe(false);
    expect(document).toContain("进度&lt;b&gt;滞后&lt;/b&gt; &amp; 返工；未按计划完工。");
    expect(paragraphs(document)).toContain(
      "“完成及时性”（产出时效，分值8分）得5.50分，扣2.50分。评价意见：进度<b>滞后</b> & 返工；未按计划完工。",
    );
  });
});
