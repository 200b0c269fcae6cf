import { WarningOutlined } from "@ant-design/icons";
import { Card, Col, Row, Space, Statistic, Table, Tabs, Tag, Tooltip, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useMemo } from "react";
import { useSearchParams } from "react-router";
import { DEFAULT_GRADE_LABELS } from "../../../../src/core/selfeval/grade";
import {
  type DepartmentScoreRow,
  type DepartmentScores,
  departmentScoresXlsxUrl,
  useDepartmentScores,
} from "../../api/results/department-scores";
import { useYear } from "../../auth/session";
import { ExportButton } from "../../components/list/ExportButton";
import { PageError } from "../../components/PageError";
import { PageTitle } from "../../components/PageTitle";
import { DeptScoreTemplateEditor } from "../../components/results/DeptScoreTemplateEditor";
import { deptScoreVersionText } from "../../components/results/labels";
import { GradeTag } from "../../components/selfeval/labels";
import { DASH } from "../../format";

const CSS = `.jx-below-average > td { background: #fff1f0 !important; }`;

const fixed = (v: number | null) => (v === null ? DASH : v.toFixed(2));
/** Sorts by a number, the rows without one last in either order. */
const byNumber =
  (get: (r: DepartmentScoreRow) => number | null) =>
  (a: DepartmentScoreRow, b: DepartmentScoreRow, order?: "ascend" | "descend" | null) => {
    const x = get(a);
    const y = get(b);
    if (x === null || y === null) return x === y ? 0 : (x === null) === (order === "descend") ? -1 : 1;
    return x - y;
  };

function columns(v: DepartmentScores): ColumnsType<DepartmentScoreRow> {
  return [
    {
      title: "排名",
      key: "rank",
      width: 64,
      align: "center",
      fixed: "left",
      sorter: byNumber((r) => r.rank),
      render: (_, r) => <span className="jx-num">{r.rank ?? DASH}</span>,
    },
    {
      title: "部门",
      key: "department",
      fixed: "left",
      width: 180,
      sorter: (a, b) => (a.department.code < b.department.code ? -1 : a.department.code > b.department.code ? 1 : 0),
      render: (_, r) => (
        <>
          {r.department.name}
          <Typography.Text type="secondary" className="jx-num" style={{ marginLeft: 6, fontSize: 12 }}>
            {r.department.code}
          </Typography.Text>
        </>
      ),
    },
    ...v.template.map((c, i): ColumnsType<DepartmentScoreRow>[number] => ({
      title: (
        <span>
          {c.label}
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: "normal" }}>
            权重 {c.weight}
          </Typography.Text>
        </span>
      ),
      key: c.key,
      // Wide enough for the label on one line beside its sort arrows (任务完成及时性).
      width: Math.max(100, c.label.length * 14 + 40),
      align: "right",
      sorter: byNumber((r) => r.components[i]?.value ?? null),
      render: (_, r) => {
        const x = r.components[i];
        if (!x) return DASH;
        return (
          <Tooltip title={x.how}>
            <span className="jx-num" data-testid={`score-${r.department.code}-${c.key}`} style={{ cursor: "help" }}>
              {x.value === null ? <Typography.Text type="secondary">无数据</Typography.Text> : fixed(x.value)}
            </span>
          </Tooltip>
        );
      },
    })),
    {
      title: "综合得分",
      key: "score",
      width: 100,
      align: "right",
      sorter: byNumber((r) => r.score),
      render: (_, r) => (
        <b className="jx-num" data-testid={`score-${r.department.code}`}>
          {fixed(r.score)}
        </b>
      ),
    },
    {
      title: "等级",
      key: "grade",
      width: 64,
      align: "center",
      render: (_, r) => <GradeTag grade={r.grade} labels={DEFAULT_GRADE_LABELS} />,
    },
    {
      title: "与平均分",
      key: "below",
      width: 110,
      filters: [
        { text: "低于平均分", value: "below" },
        { text: "不低于平均分", value: "notBelow" },
      ],
      onFilter: (value, r) => (value === "below" ? r.belowAverage : r.score !== null && !r.belowAverage),
      render: (_, r) =>
        r.score === null ? (
          <Typography.Text type="secondary">无得分</Typography.Text>
        ) : r.belowAverage ? (
          <Tag color="red" icon={<WarningOutlined />}>
            低于平均
          </Tag>
        ) : (
          <Tag color="green">不低于平均</Tag>
        ),
    },
  ];
}

function Ranking({ year }: { year: number }) {
  const scores = useDepartmentScores(year);
  const v = scores.data;
  // Stable columns: the table keeps its sort while the data is unchanged.
  const cols = useMemo(() => (v ? columns(v) : []), [v]);
  if (scores.error && !v) return <PageError error={scores.error} onRetry={() => void scores.refetch()} />;
  const loading = scores.isPending;
  const mine = v && v.rows.length === 1 && v.departments > 1 ? v.rows[0] : null;
  return (
    <>
      <style>{CSS}</style>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Card size="small" loading={loading}>
            <Statistic title="全区平均分" value={v ? fixed(v.average) : DASH} data-testid="dept-score-average" />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              有得分部门综合得分的简单平均
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" loading={loading}>
            <Statistic title="有得分的部门" value={v?.scored ?? 0} suffix={`/ ${v?.departments ?? 0}`} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              无任何考核数据的部门不排名
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" loading={loading}>
            <Statistic
              title="低于平均分的部门"
              value={v?.belowAverageCount ?? 0}
              suffix="个"
              styles={{ content: { color: "#cf1322" } }}
              data-testid="dept-score-below-count"
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              严格低于平均分；等于平均分不算低于
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" loading={loading}>
            <Statistic
              title={mine ? "本部门排名" : "考核模板"}
              value={mine ? (mine.rank ?? DASH) : deptScoreVersionText(v?.templateVersion)}
              suffix={mine ? `/ ${v?.scored ?? 0}` : undefined}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {v ? `期限判断截至 ${v.today}` : ""}
            </Typography.Text>
          </Card>
        </Col>
      </Row>
      <Card size="small" title="部门绩效考核排名">
        <Table<DepartmentScoreRow>
          size="small"
          rowKey={(r) => r.department.id}
          loading={loading}
          dataSource={v?.rows ?? []}
          columns={cols}
          rowClassName={(r) => (r.belowAverage ? "jx-below-average" : "")}
          pagination={{ defaultPageSize: 20, showSizeChanger: true, hideOnSinglePage: true, size: "small" }}
          scroll={{ x: 1060 }}
          data-testid="dept-score-table"
          locale={{ emptyText: "本年度没有部门" }}
        />
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: "8px 0 0" }}>
          自评质量：财政已确认的抽查复核得分平均；部门评价、重点评价：已定稿评价的得分平均；整改落实：已验收事项 ÷
          已验收或已过整改期限的事项；任务完成及时性：在截止日（北京时间）当天或之前报送（提交或办结）的任务 ÷
          已报送或已过截止日的任务（财政审核的时间不计入）。将鼠标移到得分上可查看计分依据。
        </Typography.Paragraph>
      </Card>
    </>
  );
}

/**
 * 部门绩效考核: the departments' scores for the government's assessment (排名、等级、与全区平均分比较) and, on
 * the second tab, the versioned template of weighted components.
 */
export default function DepartmentScoresPage() {
  const { year } = useYear();
  const [params, setParams] = useSearchParams();
  const tab = params.get("tab") === "template" ? "template" : "ranking";
  return (
    <>
      <PageTitle
        title="部门绩效考核"
        sub={`${year}年度`}
        extra={
          tab === "ranking" && (
            <Space wrap>
              <ExportButton href={departmentScoresXlsxUrl(year)} testId="dept-score-export" />
            </Space>
          )
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === "template" ? { tab: "template" } : {}, { replace: true })}
        items={[
          { key: "ranking", label: "考核排名", children: <Ranking year={year} /> },
          { key: "template", label: "考核模板", children: <DeptScoreTemplateEditor year={year} /> },
        ]}
      />
    </>
  );
}
