import { CheckCircleFilled, CloseCircleFilled } from "@ant-design/icons";
import { Alert, Card, Descriptions, Table, Tag, Typography } from "antd";
import { useMemo } from "react";
import type { Fen } from "../../../../src/core/money";
import { bandLabel } from "../../../../src/core/sampling/common";
import type { ReviewDrawParams } from "../../../../src/core/sampling/review-draw";
import type { ReviewDraw, ReviewDrawData } from "../../api/review/review";
import { count, DASH, dateTime, wan } from "../../format";
import { SEED_METHODS } from "../goals/DrawList";
import { useIsPhone } from "../phone/useIsPhone";

type Stratum = ReviewDraw["strata"][number];
type Pick = ReviewDraw["picks"][number];

const stratifyText = (s: ReviewDrawParams["stratify"]) =>
  s.department && s.budget
    ? "按主管部门 × 预算规模分层"
    : s.department
      ? "按主管部门分层"
      : s.budget
        ? "按预算规模分层"
        : "不分层";

/** "301" or "301/B2" or "B2" → its department code and band index (0-based), as review-draw.ts names strata. */
function placeOf(key: string, stratify: ReviewDrawParams["stratify"]): { department: string; band: number } {
  const [first = "", second] = key.split("/");
  const band = (k: string | undefined) => (k && /^B\d+$/.test(k) ? Number(k.slice(1)) - 1 : 0);
  if (stratify.department && stratify.budget) return { department: first, band: band(second) };
  if (stratify.department) return { department: first, band: 0 };
  if (stratify.budget) return { department: "", band: band(first) };
  return { department: "", band: 0 };
}

/**
 * The strata as a table: one row per department, one column per budget band, each cell "抽 n / 共 N"
 * (with the forced picks among them), so a clerk sees at once that the sample follows the population.
 */
function StrataMatrix({
  strata,
  params,
  departmentName,
}: {
  strata: Stratum[];
  params: ReviewDrawParams;
  departmentName: (code: string) => string;
}) {
  const bands = params.budgetBands ?? [];
  const byDepartment = params.stratify.department;
  const bandCount = params.stratify.budget ? bands.length : 1;
  const rows = useMemo(() => {
    const m = new Map<string, (Stratum | undefined)[]>();
    for (const s of strata) {
      const p = placeOf(s.key, params.stratify);
      const row = m.get(p.department) ?? Array.from({ length: bandCount }, () => undefined);
      row[p.band] = s;
      m.set(p.department, row);
    }
    return [...m].map(([department, cells]) => ({ department, cells }));
  }, [strata, params.stratify, bandCount]);
  const total = (pick: (s: Stratum) => number, band?: number) =>
    rows.reduce(
      (sum, r) => sum + r.cells.reduce((s, c, i) => s + (c && (band === undefined || i === band) ? pick(c) : 0), 0),
      0,
    );
  const cell = (s: Stratum | undefined) =>
    s ? (
      <span className="jx-num">
        抽 <b>{s.seats}</b> / 共 {s.size}
        {s.forced > 0 && <Typography.Text type="warning">（必抽 {s.forced}）</Typography.Text>}
      </span>
    ) : (
      <Typography.Text type="secondary">{DASH}</Typography.Text>
    );
  const bandTitles = params.stratify.budget ? bands.map((_, i) => bandLabel(bands as Fen[], i)) : ["全部"];
  return (
    <Table
      size="small"
      bordered
      rowKey="department"
      pagination={false}
      dataSource={rows}
      data-testid="review-draw-strata"
      scroll={{ x: 160 + bandCount * 150 }}
      columns={[
        {
          title: byDepartment ? "主管部门" : "",
          dataIndex: "department",
          width: 160,
          fixed: "left",
          render: (code: string) => (byDepartment ? `${departmentName(code)}` : "全部部门"),
        },
        ...bandTitles.map((title, i) => ({
          title,
          key: `b${i}`,
          width: 150,
          render: (_: unknown, r: (typeof rows)[number]) => cell(r.cells[i]),
        })),
      ]}
      summary={() =>
        rows.length > 1 ? (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <b>合计</b>
            </Table.Summary.Cell>
            {bandTitles.map((t, i) => (
              <Table.Summary.Cell key={t} index={i + 1}>
                <span className="jx-num">
                  抽 <b>{total((s) => s.seats, i)}</b> / 共 {total((s) => s.size, i)}
                </span>
              </Table.Summary.Cell>
            ))}
          </Table.Summary.Row>
        ) : null
      }
    />
  );
}

/**
 * 抽样记录: when and by whom, the seed and how it was made, the parameters, whether re-running the record
 * gives the same picks, the strata and the picked projects.
 */
export function ReviewDrawRecord({
  data,
  departmentName,
  names,
}: {
  data: ReviewDrawData & { draw: ReviewDraw };
  /** "测试区教育局（301）": for the strata, where the code helps read the server's notes. */
  departmentName: (code: string) => string;
  /** The department's name alone, for the picks. */
  names: (code: string) => string;
}) {
  const phone = useIsPhone();
  const d = data.draw;
  const p = d.params as unknown as ReviewDrawParams;
  const bands = p.budgetBands ?? [];
  const stratified = p.stratify.department || p.stratify.budget;
  const nameOf = (code: string) => `${departmentName(code)}`;
  const stratumLabel = (key: string | null) => {
    if (key === null) return DASH;
    const place = placeOf(key, p.stratify);
    const parts = [
      ...(p.stratify.department ? [nameOf(place.department)] : []),
      ...(p.stratify.budget ? [bandLabel(bands as Fen[], place.band)] : []),
    ];
    return parts.join(" · ");
  };
  return (
    <Card
      size="small"
      title="抽样记录"
      style={{ marginBottom: 16 }}
      data-testid="review-draw-record"
      extra={
        data.replay &&
        (data.replay.matches ? (
          <Tag
            icon={<CheckCircleFilled />}
            color="success"
            data-testid="review-replay-ok"
            style={{ whiteSpace: "normal" }}
          >
            {phone ? "复算一致" : "复算一致：按记录的种子和总体重新抽取，结果相同"}
          </Tag>
        ) : (
          <Tag icon={<CloseCircleFilled />} color="error" data-testid="review-replay-bad">
            复算不一致
          </Tag>
        ))
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} bordered>
        <Descriptions.Item label="抽取时间">{dateTime(d.createdAt)}</Descriptions.Item>
        <Descriptions.Item label="抽取人">{d.createdByName ?? DASH}</Descriptions.Item>
        <Descriptions.Item label="算法">{d.algorithm}</Descriptions.Item>
        <Descriptions.Item label="随机种子">
          <Typography.Text code copyable data-testid="review-draw-seed" style={{ wordBreak: "break-all" }}>
            {p.seed}
          </Typography.Text>
          <Typography.Text type="secondary">
            （{SEED_METHODS[p.seedMethod ?? ""] ?? p.seedMethod ?? "未记录"}）
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="总体 / 可抽取">
          {count(d.populationSize)} 个 / {count(d.eligibleSize)} 个
        </Descriptions.Item>
        <Descriptions.Item label="抽取数量">
          {count(p.count)} 个 · {stratifyText(p.stratify)}
        </Descriptions.Item>
        {p.stratify.budget && (
          <Descriptions.Item label="预算规模分档">
            {bands.map((_, i) => bandLabel(bands as Fen[], i)).join("、")}
          </Descriptions.Item>
        )}
        <Descriptions.Item label="必抽">{p.forced.length ? p.forced.join("、") : "无"}</Descriptions.Item>
        <Descriptions.Item label="排除">{p.excluded.length ? p.excluded.join("、") : "无"}</Descriptions.Item>
      </Descriptions>
      {data.replay && !data.replay.matches && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          title="按记录复算的结果与记录不同"
          description={data.replay.differences.join("；")}
        />
      )}
      {d.notes.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 12 }}
          data-testid="review-draw-notes"
          title={
            <ol style={{ margin: 0, paddingInlineStart: 18 }}>
              {d.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ol>
          }
        />
      )}
      {stratified && (
        <>
          <Typography.Title level={5} style={{ margin: "16px 0 8px" }}>
            分层与名额
          </Typography.Title>
          <StrataMatrix strata={d.strata} params={p} departmentName={nameOf} />
        </>
      )}
      <Typography.Title level={5} style={{ margin: "16px 0 8px" }}>
        抽中的项目（{d.picks.length} 个）
      </Typography.Title>
      <Table<Pick>
        size="small"
        rowKey="code"
        dataSource={d.picks}
        pagination={
          d.picks.length > 20 ? { defaultPageSize: 20, showSizeChanger: true, showTotal: (t) => `共 ${t} 个` } : false
        }
        data-testid="review-draw-picks"
        scroll={{ x: 820 }}
        columns={[
          { title: "序号", dataIndex: "rank", width: 60, align: "right" },
          {
            title: "项目编码",
            dataIndex: "code",
            width: 120,
            render: (c: string) => <span className="jx-num">{c}</span>,
          },
          { title: "项目名称", dataIndex: "name", width: 200, ellipsis: true },
          { title: "主管部门", dataIndex: "departmentCode", ellipsis: true, render: (c: string) => names(c) },
          {
            title: "全年预算数（万元）",
            dataIndex: "budget",
            width: 140,
            align: "right",
            render: (v: number) => <span className="jx-num">{wan(v)}</span>,
          },
          {
            title: "入选方式",
            dataIndex: "reason",
            width: 90,
            render: (r: string) => (r === "forced" ? <Tag color="orange">必抽</Tag> : <Tag color="blue">随机</Tag>),
          },
          { title: "所在层", dataIndex: "stratum", width: 200, render: stratumLabel },
        ]}
      />
    </Card>
  );
}
