import { Alert, Tag, Typography } from "antd";
import type { ReportDocument, ReportFinding } from "../../api/report/annual";
import { blockText, excerpt, type FindingTarget } from "./reportText";
import { partLabel } from "./TemplateEditor";

export const FINDING_KIND_LABELS: Record<ReportFinding["kind"], string> = {
  share: "占比不符",
  "count-sum": "个数合计不符",
  "amount-sum": "金额合计不符",
  data: "与数据不符",
  twice: "前后不一致",
  forced: "凑整说明",
  missing: "暂无数据",
};

export interface LocatedFinding {
  finding: ReportFinding;
  /** Its place in the findings the server sent. */
  index: number;
  target: FindingTarget | null;
  /** The part of the template its sentence comes from (the title, the opening or a section). */
  part: "title" | ReportDocument["blocks"][number]["section"] | null;
}

const PANEL_CSS = `
.jx-rp-findings { scroll-margin-top: 72px; display: flex; flex-direction: column; gap: 8px; margin-bottom: 12px; }
.jx-rp-findings .ant-alert-description { margin-top: 4px; }
.jx-rp-finding { display: block; width: 100%; text-align: left; font: inherit; color: inherit; background: #fff;
  border: 1px solid #f0f0f0; border-radius: 4px; padding: 6px 10px; margin-top: 6px; cursor: pointer; }
.jx-rp-finding:hover, .jx-rp-finding:focus-visible { border-color: #91caff; background: #f5faff; }
.jx-rp-finding.jx-rp-picked { border-color: #ff7875; box-shadow: 0 0 0 2px #fff1f0; }
.jx-rp-finding-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 10px; }
.jx-rp-finding-quote { margin-top: 2px; color: #5f6b7a; font-size: 13px; }
.jx-rp-finding-quote b { color: #cf1322; background: #fff1f0; font-weight: 600; padding: 0 2px; }
.jx-rp-finding[data-kind="missing"] .jx-rp-finding-quote b { color: #000; background: #ffe58f; font-weight: normal; }
`;

function Quote({ doc, target }: { doc: ReportDocument; target: FindingTarget | null }) {
  if (!target) return null;
  const q = excerpt(blockText(doc, target.block), target);
  return (
    <div className="jx-rp-finding-quote" data-testid="report-finding-quote">
      原文：“{q.cutBefore && "…"}
      {q.before}
      <b>{q.figure}</b>
      {q.after}
      {q.cutAfter && "…"}”
    </div>
  );
}

function FindingButton({
  item,
  doc,
  picked,
  onPick,
}: {
  item: LocatedFinding;
  doc: ReportDocument;
  picked: boolean;
  onPick: (index: number) => void;
}) {
  const f = item.finding;
  const missing = f.kind === "missing";
  return (
    <button
      type="button"
      className={`jx-rp-finding${picked ? " jx-rp-picked" : ""}`}
      data-testid="report-finding"
      data-kind={f.kind}
      title="点击在报告中定位"
      onClick={() => onPick(item.index)}
    >
      <span className="jx-rp-finding-head">
        <Tag color={missing ? "gold" : f.severity === "note" ? "blue" : "red"} style={{ marginInlineEnd: 0 }}>
          {FINDING_KIND_LABELS[f.kind]}
        </Tag>
        {!missing && (
          <span>
            文中 <Typography.Text strong>{f.printed}</Typography.Text>
            {f.severity === "error" ? "，应为 " : "，四舍五入为 "}
            <Typography.Text strong type={f.severity === "error" ? "success" : undefined}>
              {f.computed}
            </Typography.Text>
          </span>
        )}
        <Typography.Text type="secondary">{f.message}</Typography.Text>
        {item.part && (
          <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: "auto" }}>
            {partLabel(item.part)}
          </Typography.Text>
        )}
      </span>
      <Quote doc={doc} target={item.target} />
    </button>
  );
}

/**
 * 核对: what the check found in the drafted report, above it. Errors in the text first, then the figures
 * the data cannot give yet, then notes; each finding shows the figure as printed and as computed, its
 * message and its sentence, and a click finds it in the report.
 */
export function FindingsPanel({
  doc,
  items,
  picked,
  onPick,
  stale,
}: {
  doc: ReportDocument;
  items: readonly LocatedFinding[];
  picked: number | null;
  onPick: (index: number) => void;
  /** The editor holds text not drafted yet: the findings are those of the last draft. */
  stale: boolean;
}) {
  const errors = items.filter((i) => i.finding.kind !== "missing" && i.finding.severity === "error");
  const missing = items.filter((i) => i.finding.kind === "missing");
  const notes = items.filter((i) => i.finding.severity === "note");
  const list = (xs: readonly LocatedFinding[]) =>
    xs.map((i) => <FindingButton key={i.index} item={i} doc={doc} picked={picked === i.index} onPick={onPick} />);
  return (
    <section className="jx-rp-findings jx-rp-noprint" id="jx-rp-check" data-testid="report-check" aria-label="核对">
      <style>{PANEL_CSS}</style>
      {stale && (
        <Alert
          type="info"
          showIcon
          title="文字已修改，尚未起草：下面的核对结果和报告仍是上次起草的。请点击“起草并核对”。"
          data-testid="report-check-stale"
        />
      )}
      {errors.length === 0 ? (
        <Alert
          type="success"
          showIcon
          data-testid="report-check-ok"
          title="核对通过"
          description={
            missing.length > 0
              ? "文中的数字与当年数据一致，占比、合计和前后引用无误（暂无数据的数字见下）。"
              : "文中的数字与当年数据一致，占比、合计和前后引用无误。"
          }
        />
      ) : (
        <Alert
          type="error"
          showIcon
          data-testid="report-check-errors"
          title={`核对发现 ${errors.length} 处问题：请按“应为”的数字修改，或改用“插入数字”引用数据`}
          description={list(errors)}
        />
      )}
      {missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="report-check-missing"
          title={`${missing.length} 个数字暂无数据（报告中以黄色标出）：请先完成相应工作，或在“编辑文字”中删去该句`}
          description={list(missing)}
        />
      )}
      {notes.length > 0 && (
        <Alert
          type="info"
          showIcon
          data-testid="report-check-notes"
          title={`${notes.length} 条说明（不影响核对结果）`}
          description={list(notes)}
        />
      )}
    </section>
  );
}
