import { Space, Tag, Typography } from "antd";
import { Link } from "react-router";
import {
  ADJUSTMENT_ACTION_LABELS,
  ADJUSTMENT_ACTIONS,
  type AdjustmentAction,
} from "../../../../src/core/results/rules";
import { DASH, wan } from "../../format";

const ACTION_COLORS: Record<AdjustmentAction, string> = {
  raise: "green",
  keep: "default",
  cut: "orange",
  suspend: "volcano",
  cancel: "red",
};

export const actionLabel = (a: string) => ADJUSTMENT_ACTION_LABELS[a as AdjustmentAction] ?? a;

export function ActionTag({ action }: { action: string }) {
  return <Tag color={ACTION_COLORS[action as AdjustmentAction] ?? "default"}>{actionLabel(action)}</Tag>;
}

export const actionOptions = ADJUSTMENT_ACTIONS.map((a) => ({ value: a, label: ADJUSTMENT_ACTION_LABELS[a] }));

/** "按部门得分降档 第2版". */
export const ruleSetText = (r: { name: string; version: number }) => `${r.name} 第${r.version}版`;

/** The 部门绩效考核 template's version as people say it: "系统默认模板", "2025.2 版". */
export const deptScoreVersionText = (v: string | null | undefined) =>
  !v ? DASH : v === "default" ? "系统默认模板" : `${v} 版`;

/** An amount in 万元 with two decimals, right-aligned digits. */
export const Wan = ({ fen }: { fen: number | null | undefined }) => <span className="jx-num">{wan(fen)}</span>;

/** A change in 万元: "+12.00" / "−3.50" coloured, or a dash for none. */
export function WanDiff({ fen }: { fen: number }) {
  if (fen === 0) return <Typography.Text type="secondary">{DASH}</Typography.Text>;
  return (
    <Typography.Text type={fen < 0 ? "danger" : "success"} className="jx-num">
      {fen > 0 ? "+" : "−"}
      {wan(Math.abs(fen))}
    </Typography.Text>
  );
}

/** Only an address inside the app is made a link (the evidence comes from the server, but a stored list outlives code). */
const isAppPath = (p: string) => p.startsWith("/") && !p.startsWith("//");

/** What an adjustment rests on: the evaluation, review, rectification or score behind it, each a link; nothing when none. */
export function EvidenceLinks({ evidence }: { evidence: readonly { label: string; link: string }[] }) {
  if (evidence.length === 0) return null;
  return (
    <Space size={[8, 0]} wrap>
      {evidence.map((e) =>
        isAppPath(e.link) ? (
          <Link key={`${e.link}:${e.label}`} to={e.link}>
            {e.label}
          </Link>
        ) : (
          <span key={`${e.link}:${e.label}`}>{e.label}</span>
        ),
      )}
    </Space>
  );
}
