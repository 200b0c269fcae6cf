import { CheckCircleOutlined, CloseCircleOutlined, SafetyCertificateOutlined } from "@ant-design/icons";
import { useMutation } from "@tanstack/react-query";
import { Alert, Button, Collapse, Descriptions, Empty, Space, Table, Tag, Tooltip, Typography } from "antd";
import { useState } from "react";
import {
  ROLLING_DRAW_REASON_LABELS,
  type RollingDrawPick,
  type RollingDrawReason,
} from "../../../../src/core/sampling/rolling-draw";
import { errorMessage } from "../../api/client";
import { replayReviewDraw } from "../../api/endpoints";
import type { ReviewDraw, ReviewDrawReplay } from "../../api/types";
import { dateTime } from "../../format";

const REASON_COLOR: Record<RollingDrawReason, string> = {
  forced: "purple",
  never_reviewed: "blue",
  not_recently: "cyan",
  rotation: "gold",
};

type Replay = { ok: true; result: ReviewDrawReplay } | { ok: false; error: string };

/** 复核抽取结果: re-runs the draw from its record on the server and says whether the picks are the same. */
function ReplayButton({ draw, onResult }: { draw: ReviewDraw; onResult: (r: Replay) => void }) {
  const replay = useMutation({
    mutationFn: () => replayReviewDraw(draw.id),
    onSuccess: (result) => onResult({ ok: true, result }),
    onError: (e) => onResult({ ok: false, error: errorMessage(e) }),
  });
  return (
    <Tooltip title="按记录的总体、参数和种子重新运行抽取，核对结果是否与记录一致">
      <Button
        size="small"
        icon={<SafetyCertificateOutlined />}
        loading={replay.isPending}
        data-testid="review-replay"
        onClick={(e) => {
          e.stopPropagation();
          replay.mutate();
        }}
      >
        复核抽取结果
      </Button>
    </Tooltip>
  );
}

function ReplayTag({ replay }: { replay: Replay | undefined }) {
  if (!replay) return null;
  if (!replay.ok)
    return (
      <Tag color="warning" data-testid="review-replay-result">
        复核失败
      </Tag>
    );
  return replay.result.matches ? (
    <Tag color="success" icon={<CheckCircleOutlined />} data-testid="review-replay-result">
      一致
    </Tag>
  ) : (
    <Tag color="error" icon={<CloseCircleOutlined />} data-testid="review-replay-result">
      不一致
    </Tag>
  );
}

function ReplayDetail({ replay }: { replay: Replay | undefined }) {
  if (!replay) return null;
  if (!replay.ok)
    return <Alert type="warning" showIcon title={`复核失败：${replay.error}`} style={{ marginBottom: 12 }} />;
  if (replay.result.matches)
    return (
      <Alert
        type="success"
        showIcon
        title="复核一致：按记录的总体、参数和种子重新抽取，抽中的部门、顺序、原因和说明与记录完全相同。"
        style={{ marginBottom: 12 }}
      />
    );
  return (
    <Alert
      type="error"
      showIcon
      title={`复核不一致：重新抽取的结果与记录有 ${replay.result.differences.length} 处不同`}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {replay.result.differences.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      }
      style={{ marginBottom: 12 }}
    />
  );
}

const names = (codes: string[], draw: ReviewDraw) => {
  if (codes.length === 0) return "无";
  const byCode = new Map(draw.population.map((c) => [c.code, c.name]));
  return codes.map((c) => (byCode.has(c) ? `${byCode.get(c)}（${c}）` : c)).join("、");
};

function DrawBody({ draw, replay }: { draw: ReviewDraw; replay: Replay | undefined }) {
  const { params, result } = draw;
  const windowStart = params.year - params.lookbackYears;
  return (
    <>
      <ReplayDetail replay={replay} />
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 3 }}
        styles={{ label: { whiteSpace: "nowrap" } }}
        style={{ marginBottom: 8 }}
        items={[
          { key: "picked", label: "抽取部门数", children: `${result.picks.length} 个` },
          { key: "population", label: "总体部门数", children: `${result.populationSize} 个` },
          { key: "at", label: "抽取时间", children: dateTime(draw.createdAt) },
          {
            key: "seed",
            label: "随机种子",
            span: { xs: 1, md: 1, xl: 2 },
            children: (
              <>
                <Typography.Text copyable>{params.seed}</Typography.Text>
                <Typography.Text type="secondary">
                  （{SEED_METHODS[params.seedMethod ?? ""] ?? "抽取人填写"}）
                </Typography.Text>
              </>
            ),
          },
          {
            key: "lookback",
            label: "回溯年数",
            children: `${params.lookbackYears} 年（${windowStart}–${params.year - 1}年）`,
          },
          { key: "forced", label: "指定必抽", children: names(params.forced, draw) },
          { key: "excluded", label: "排除部门", span: { xs: 1, md: 1, xl: 2 }, children: names(params.excluded, draw) },
        ]}
      />
      <Table<RollingDrawPick>
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={result.picks}
        scroll={{ x: 480 }}
        data-testid={`review-picks-${draw.fiscalYear}`}
        columns={[
          { title: "序号", dataIndex: "rank", width: 56, align: "right" },
          { title: "部门编码", dataIndex: "code", width: 84 },
          { title: "部门", dataIndex: "name" },
          {
            title: "抽取原因",
            dataIndex: "reason",
            width: 112,
            render: (r: RollingDrawReason) => <Tag color={REASON_COLOR[r]}>{ROLLING_DRAW_REASON_LABELS[r] ?? r}</Tag>,
          },
          {
            title: "上次会审年度",
            dataIndex: "lastReviewed",
            width: 112,
            render: (y: number | null) =>
              y === null ? <Typography.Text type="secondary">从未会审</Typography.Text> : `${y}年`,
          },
        ]}
      />
      {result.notes.length > 0 && (
        <div style={{ marginTop: 12 }}>
          <Typography.Text strong>抽取说明</Typography.Text>
          <ol style={{ margin: "4px 0 0", paddingInlineStart: 20, color: "rgba(0,0,0,0.65)" }}>
            {result.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ol>
        </div>
      )}
    </>
  );
}

/** The recorded draws, newest first, each with its parameters, picks, notes and a replay check. */
/** How a recorded seed was made; draws before the server made seeds carry none (typed by the person). */
export const SEED_METHODS: Record<string, string> = {
  "server-random-128": "系统在抽取时随机生成",
  "demo-fixed": "演示数据的固定种子",
};

export function DrawList({
  draws,
  activeKeys,
  onActiveKeysChange,
}: {
  draws: ReviewDraw[];
  activeKeys: string[];
  onActiveKeysChange: (keys: string[]) => void;
}) {
  const [replays, setReplays] = useState<Record<number, Replay>>({});
  if (draws.length === 0) return <Empty description="还没有抽取记录" />;
  return (
    <Collapse
      data-testid="review-draw-list"
      activeKey={activeKeys}
      onChange={(keys) => onActiveKeysChange(Array.isArray(keys) ? keys : [keys])}
      items={draws.map((d) => ({
        key: String(d.id),
        label: (
          <Space wrap size={[12, 4]}>
            <Typography.Text strong>{d.fiscalYear}年度</Typography.Text>
            <span>
              抽取 {d.result.picks.length} / {d.result.populationSize} 个部门
            </span>
            <Typography.Text type="secondary">抽取于 {dateTime(d.createdAt).slice(0, 10)}</Typography.Text>
          </Space>
        ),
        extra: (
          <Space size={8}>
            <ReplayTag replay={replays[d.id]} />
            <ReplayButton
              draw={d}
              onResult={(r) => {
                setReplays((all) => ({ ...all, [d.id]: r }));
                // A mismatch is shown in full: open the draw.
                if (!r.ok || !r.result.matches) onActiveKeysChange([...new Set([...activeKeys, String(d.id)])]);
              }}
            />
          </Space>
        ),
        children: <DrawBody draw={d} replay={replays[d.id]} />,
      }))}
    />
  );
}
