import { type Fen, fenToWan, groupThousands } from "../money";
import { DEFAULT_GRADE_LABELS, GRADE_BANDS, GRADES, type GradeLabels, gradeOf, pointsText } from "../selfeval/grade";
import type { FrameworkRow } from "./framework";
import {
  type IndicatorFigure,
  type LevelFigure,
  type ReportFigures,
  rateText,
  reportFigures,
  type SubmittedSheet,
  weakIndicators,
  weakText,
  weightText,
} from "./report-figures";
import { EVALUATION_KIND_LABELS, type EvaluationKind } from "./workflow";

export type { SubmittedSheet } from "./report-figures";

/**
 * The evaluation report (评价报告) drafted from the data, in the usual outline: 一、basic facts; 二、the work;
 * 三、the conclusion with the score table; 四、analysis by level-1 indicator; 五、problems; 六、recommendations.
 * The conclusion, the table and the analysis always come from the scores. The other four are the team's text;
 * where a part is still empty the draft states what the data says and marks, in 【】, that it is a draft
 * and what people must add: it never writes a fact the data does not hold.
 */
export interface TeamMember {
  name: string;
  employer: string;
  title: string;
  fields: string[];
  lead: boolean;
}

/** The parts people write; an empty string is drafted from the data. */
export interface ReportParts {
  basics: string;
  work: string;
  problems: string;
  recommendations: string;
}

export interface EvaluationReportData {
  regionName: string;
  fiscalYear: number;
  project: { code: string; name: string; department: string; unit: string; amountFen: Fen; category: string };
  kind: EvaluationKind;
  firmName: string | null;
  team: TeamMember[];
  framework: FrameworkRow[];
  /** The submitted sheets only: a sheet still open is not part of the report. */
  sheets: SubmittedSheet[];
  /** Finance's override, hundredths, and its reason. */
  override: bigint | null;
  overrideReason: string | null;
  parts: ReportParts;
  /** YYYY-MM-DD; null while the evaluation is not final. */
  finalisedOn: string | null;
  gradeLabels?: GradeLabels;
}

export const SCORE_TABLE_HEADER = ["一级指标", "二级指标", "三级指标", "分值", "得分", "得分率"] as const;
/** Each level 1's indicators, then its subtotal (`level1`); the total, and finance's override when given. */
export interface ScoreTableRow {
  kind: "level1" | "indicator" | "total" | "override";
  cells: [string, string, string, string, string, string];
}

export type ReportBlock =
  | { kind: "subheading"; text: string }
  /** `draft`: written by the system from the data, for people to check and complete. */
  | { kind: "paragraph"; text: string; draft: boolean }
  | { kind: "table"; header: readonly string[]; rows: ScoreTableRow[] };

export interface ReportSection {
  heading: string;
  blocks: ReportBlock[];
}

export interface EvaluationReport {
  title: string;
  /** （草稿） until the evaluation is final. */
  subtitle: string | null;
  /** The page header: region, year and kind. */
  header: string;
  sections: ReportSection[];
  signer: string | null;
  /** 2025年6月30日, or null while not final. */
  date: string | null;
  /** The evaluation's score, the experts' mean (kept under an override), hundredths; the grade's label. */
  score: bigint | null;
  mean: bigint | null;
  grade: string | null;
}

const NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
export const DRAFT_MARK = "【系统草稿：以下内容根据评价数据生成，请核实、修改并补充】";

const para = (text: string, draft = false): ReportBlock => ({ kind: "paragraph", text, draft });
const todo = (what: string): ReportBlock => para(`【待补充：${what}】`, true);
/** People's text, one paragraph a line. */
const written = (text: string): ReportBlock[] =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "")
    .map((l) => para(l));
const part = (text: string, draft: () => ReportBlock[]): ReportBlock[] => {
  const own = written(text);
  return own.length > 0 ? own : [para(DRAFT_MARK, true), ...draft()];
};
const opinion = (comments: readonly string[]) => (comments.length === 0 ? "" : `评价意见：${comments.join("；")}。`);
const dateText = (iso: string) => {
  const [y, m, d] = iso.split("-").map(Number);
  return `${y}年${m}月${d}日`;
};
const memberText = (m: TeamMember) => {
  const about = [m.employer, m.title, m.fields.length > 0 ? `${m.fields.join("、")}领域` : ""].filter((s) => s !== "");
  return about.length > 0 ? `${m.name}（${about.join("，")}）` : m.name;
};

function basics(d: EvaluationReportData): ReportBlock[] {
  const p = d.project;
  const category = p.category.trim() === "" ? "" : `，项目类别为${p.category}`;
  return [
    para(
      `${p.name}（项目编码${p.code}）为${d.fiscalYear}年度项目${category}，主管部门为${p.department}，` +
        `实施单位为${p.unit}，评价涉及资金${groupThousands(fenToWan(p.amountFen))}万元。`,
      true,
    ),
    todo("项目立项背景、主要内容、资金安排与使用情况、绩效目标"),
  ];
}

function work(d: EvaluationReportData, f: ReportFigures): ReportBlock[] {
  const key = d.kind === "key";
  const blocks = [
    para(
      `本次评价为${d.fiscalYear}年度${EVALUATION_KIND_LABELS[d.kind]}${d.firmName ? `，由${d.firmName}具体实施` : ""}。`,
      true,
    ),
  ];
  const leads = d.team.filter((m) => m.lead);
  const others = d.team.filter((m) => !m.lead);
  if (d.team.length === 0) blocks.push(todo("评价组成员"));
  else
    blocks.push(
      para(
        `评价组由${d.team.length}名${key ? "专家" : "人员"}组成` +
          (leads.length > 0 ? `，组长：${leads.map(memberText).join("、")}` : "") +
          (others.length > 0 ? `；${leads.length > 0 ? "成员" : ""}${others.map(memberText).join("、")}` : "") +
          "。",
        true,
      ),
    );
  const level2 = new Set(d.framework.map((r) => `${r.level1}\u0000${r.level2}`)).size;
  blocks.push(
    para(
      `评价采用决策、过程、产出、效益四类一级指标，下设${level2}项二级指标、${d.framework.length}项三级指标，满分100分，其中` +
        f.levels.map((l) => `${l.label}${weightText(l.weight)}分`).join("、") +
        "。",
      true,
    ),
  );
  blocks.push(
    para(
      key
        ? `评分方法：各专家依据评分标准独立评分，提交前互不可见；${f.sheets > 1 ? `以已提交评分的${f.sheets}位专家总分的平均值（四舍五入保留两位小数）` : "以已提交评分的专家的总分"}作为评价得分。财政部门调整得分的，须说明理由，专家平均分同时保留。`
        : `评分方法：依据评分标准逐项评分，${f.sheets > 1 ? `以${f.sheets}份评分表总分的平均值（四舍五入保留两位小数）` : "以评分表总分"}作为评价得分。`,
      true,
    ),
  );
  blocks.push(todo("评价工作过程，如前期准备、资料核查、现场勘查、问卷调查等"));
  return blocks;
}

function scoreTable(f: ReportFigures, overridden: string): ScoreTableRow[] {
  const rows: ScoreTableRow[] = [];
  const score = (h: bigint | null) => (h === null ? "—" : pointsText(h));
  for (const l of f.levels) {
    for (const i of l.indicators)
      rows.push({
        kind: "indicator",
        cells: [l.label, i.row.level2, i.row.name, weightText(i.weight), score(i.mean), rateText(i.mean, i.weight)],
      });
    rows.push({
      kind: "level1",
      cells: [l.label, "小计", "", weightText(l.weight), score(l.score), rateText(l.score, l.weight)],
    });
  }
  const total = f.levels.reduce((a, l) => a + l.weight, 0n);
  const label = f.score.override === null ? "合计" : overridden;
  rows.push({
    kind: "total",
    cells: [label, "", "", weightText(total), score(f.score.mean), rateText(f.score.mean, total)],
  });
  if (f.score.override !== null)
    rows.push({
      kind: "override",
      cells: ["财政调整后得分", "", "", weightText(total), score(f.score.override), rateText(f.score.override, total)],
    });
  return rows;
}

/** What the score rests on, in words: one sheet is no mean. */
function basisOf(kind: EvaluationKind, sheets: number) {
  if (kind === "key")
    return sheets > 1
      ? { basis: `${sheets}位专家评分的平均值`, kept: "专家评分平均值", row: "专家评分平均" }
      : { basis: "1位专家的评分", kept: "专家评分", row: "专家评分" };
  return sheets > 1
    ? { basis: `${sheets}份评分表得分的平均值`, kept: "评分平均值", row: "评分平均" }
    : { basis: "评分表得分", kept: "评分表得分", row: "评分表得分" };
}

function conclusion(d: EvaluationReportData, f: ReportFigures, labels: GradeLabels): ReportBlock[] {
  const s = f.score;
  if (s.score === null) return [para("尚无提交的评分，暂不能形成评价结论。", true)];
  const { basis, kept } = basisOf(d.kind, f.sheets);
  const grade = `评价等级为“${labels[gradeOf(s.score)]}”`;
  const reason = (s.reason ?? "").trim().replace(/[。.]+$/u, "");
  // Without a sheet there is nothing to tabulate: finance's score stands alone.
  if (s.mean === null)
    return [para(`尚无提交的评分；财政部门确定评价得分为${pointsText(s.score)}分，理由：${reason}。${grade}。`)];
  const blocks: ReportBlock[] =
    s.override === null
      ? [para(`经评价，该项目综合评价得分为${pointsText(s.score)}分（${basis}），${grade}。`)]
      : [
          para(
            `经评价，${basis}为${pointsText(s.mean)}分；财政部门将评价得分调整为${pointsText(s.score)}分，` +
              `理由：${reason}。${kept}${pointsText(s.mean)}分同时保留。`,
          ),
          para(`该项目综合评价得分为${pointsText(s.score)}分，${grade}。`),
        ];
  blocks.push(
    para(
      `其中，${f.levels
        .map(
          (l) =>
            `${l.label}类指标得分${l.score === null ? "—" : pointsText(l.score)}分（分值${weightText(l.weight)}分，得分率${rateText(l.score, l.weight)}）`,
        )
        .join("；")}。`,
    ),
    para(`评价等级：${GRADES.map((g) => `${GRADE_BANDS[g]}为“${labels[g]}”`).join("，")}。评价得分表如下：`),
    { kind: "table", header: SCORE_TABLE_HEADER, rows: scoreTable(f, basisOf(d.kind, f.sheets).row) },
  );
  if (!f.levelsAddUp)
    blocks.push(para("注：各项得分为评分的平均值，分别四舍五入保留两位小数，其合计与总分可能存在尾差。"));
  return blocks;
}

const lostText = (i: IndicatorFigure) => {
  const mean = i.mean ?? 0n;
  return (
    `“${i.row.name}”（${i.row.level2}，分值${weightText(i.weight)}分）得${pointsText(mean)}分，` +
    `扣${pointsText(i.weight - mean)}分。${opinion(i.comments)}`
  );
};

function analysis(f: ReportFigures): ReportBlock[] {
  if (f.sheets === 0) return [para("尚无提交的评分，暂不能分析。", true)];
  return f.levels.flatMap((l: LevelFigure, n) => {
    const lost = l.indicators.filter((i) => i.mean !== null && i.mean < i.weight);
    return [
      { kind: "subheading", text: `（${NUMERALS[n]}）${l.label}指标` } as ReportBlock,
      para(
        `${l.label}类指标分值${weightText(l.weight)}分，得分${l.score === null ? "—" : pointsText(l.score)}分，` +
          `得分率${rateText(l.score, l.weight)}。${lost.length === 0 ? "各项指标均得满分。" : `${lost.length}项指标扣分：`}`,
      ),
      ...lost.map((i) => para(lostText(i))),
    ];
  });
}

function problems(f: ReportFigures): ReportBlock[] {
  const weak = weakIndicators(f);
  if (weak.length === 0) return [para("各项三级指标得分率均不低于80%。", true), todo("评价发现的问题")];
  return [
    para(`以下${weak.length}项指标得分率低于80%：`, true),
    ...weak.map((i, n) => para(`${n + 1}. ${weakText(i)}`, true)),
    todo("对上述问题的具体说明及其他问题"),
  ];
}

/** The report as headings, paragraphs and the score table, ready for a writer (io/evaluation-report-docx.ts). */
export function draftReport(d: EvaluationReportData): EvaluationReport {
  const labels = d.gradeLabels ?? DEFAULT_GRADE_LABELS;
  const f = reportFigures(d.framework, d.sheets, d.override, d.overrideReason);
  const name = d.project.name.endsWith("项目") ? d.project.name : `${d.project.name}项目`;
  const sections: [string, ReportBlock[]][] = [
    ["项目基本情况", part(d.parts.basics, () => basics(d))],
    ["评价工作开展情况", part(d.parts.work, () => work(d, f))],
    ["评价结论", conclusion(d, f, labels)],
    ["绩效分析", analysis(f)],
    ["存在的问题", part(d.parts.problems, () => problems(f))],
    ["有关建议", part(d.parts.recommendations, () => [todo("针对上述问题的改进建议")])],
  ];
  return {
    title: `${name}绩效评价报告`,
    subtitle: d.finalisedOn === null ? "（草稿）" : null,
    header: `${d.regionName} ${d.fiscalYear}年度${EVALUATION_KIND_LABELS[d.kind]}`,
    sections: sections.map(([heading, blocks], n) => ({ heading: `${NUMERALS[n]}、${heading}`, blocks })),
    signer: d.firmName,
    date: d.finalisedOn === null ? null : dateText(d.finalisedOn),
    score: f.score.score,
    mean: f.score.mean,
    grade: f.score.score === null ? null : labels[gradeOf(f.score.score)],
  };
}
