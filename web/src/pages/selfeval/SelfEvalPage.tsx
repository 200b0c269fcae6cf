import { CalculatorOutlined, CalendarOutlined, PlusOutlined, UnorderedListOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Col, Progress, Row, Space, Table, Tooltip, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import type { SelfEvalSubjectKind } from "../../../../src/core/selfeval/form";
import {
  type CoverageCounts,
  type CoverageDepartment,
  type CoverageTotals,
  useSelfEvalCoverage,
} from "../../api/selfeval/selfeval";
import { useSession, useYear } from "../../auth/session";
import { PageError } from "../../components/PageError";
import { PageTitle } from "../../components/PageTitle";
import { SUBJECT_KIND_LABELS } from "../../components/selfeval/labels";
import { OpenSelfEvalModal } from "../../components/selfeval/OpenSelfEvalModal";
import { count, DASH, dateTime, rateOf, wan } from "../../format";

const formsHref = (q: Record<string, string | number | undefined>) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined) p.set(k, String(v));
  const s = p.toString();
  return `/selfeval/forms${s ? `?${s}` : ""}`;
};

/** One figure of a coverage card: a count, its share of the subjects and the money it covers. */
function Figure({
  label,
  value,
  share,
  money,
  testId,
  to,
}: {
  label: string;
  value: number;
  share?: string | undefined;
  money?: number | undefined;
  testId: string;
  to?: string | undefined;
}) {
  const n = <span style={{ fontSize: 24, fontWeight: 600 }}>{count(value)}</span>;
  return (
    <div data-testid={testId}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <div className="jx-num">
        {to ? <Link to={to}>{n}</Link> : n}
        {share !== undefined && (
          <Typography.Text type="secondary" style={{ marginLeft: 6 }}>
            {share}%
          </Typography.Text>
        )}
      </div>
      {money !== undefined && (
        <Typography.Text type="secondary" className="jx-num" style={{ fontSize: 12 }}>
          {wan(money)} 万元
        </Typography.Text>
      )}
    </div>
  );
}

/** 项目支出 or 部门整体支出: how many should self-evaluate, have a form, have submitted, are approved. */
function CoverageCard({ kind, t }: { kind: SelfEvalSubjectKind; t: CoverageTotals }) {
  const waiting = t.subjects - t.forms;
  return (
    <Card size="small" title={`${SUBJECT_KIND_LABELS[kind]}自评`} data-testid={`coverage-${kind}`}>
      <div style={{ display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(110px, 1fr))", gap: 12 }}>
        <Figure label="应自评（个）" value={t.subjects} money={t.budget} testId={`coverage-${kind}-subjects`} />
        <Figure
          label="已生成自评表"
          value={t.forms}
          testId={`coverage-${kind}-forms`}
          to={formsHref({ subjectKind: kind })}
        />
        <Figure
          label="已提交"
          value={t.submitted}
          share={t.submittedShare}
          money={t.submittedBudget}
          testId={`coverage-${kind}-submitted`}
        />
        <Figure
          label="已审核"
          value={t.approved}
          share={t.approvedShare}
          money={t.approvedBudget}
          testId={`coverage-${kind}-approved`}
          to={formsHref({ subjectKind: kind, status: "approved" })}
        />
      </div>
      <Tooltip title={`已提交 ${t.submittedShare}%，其中已审核 ${t.approvedShare}%（占应自评数）`}>
        <Progress
          style={{ marginTop: 12, marginBottom: 0 }}
          percent={Number(t.submittedShare)}
          success={{ percent: Number(t.approvedShare) }}
          format={() => `${t.submittedShare}%`}
        />
      </Tooltip>
      {waiting > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`coverage-${kind}-waiting`}>
          其中 {count(waiting)} 个尚无已批复的绩效目标表，暂未生成自评表
        </Typography.Text>
      )}
    </Card>
  );
}

/** "1 / 2"：提交数 / 应自评数, with the money on hover. */
function cell(c: CoverageCounts | null, pick: "forms" | "submitted" | "approved") {
  if (!c || c.subjects === 0) return <Typography.Text type="secondary">{DASH}</Typography.Text>;
  const money =
    pick === "forms"
      ? `应自评 ${wan(c.budget)} 万元`
      : `${wan(pick === "submitted" ? c.submittedBudget : c.approvedBudget)} 万元`;
  return (
    <Tooltip title={money}>
      <span className="jx-num">
        {c[pick]} / {c.subjects}
      </span>
    </Tooltip>
  );
}

function DepartmentTable({ rows, loading }: { rows: CoverageDepartment[]; loading: boolean }) {
  const kindCols = (kind: SelfEvalSubjectKind) => ({
    title: SUBJECT_KIND_LABELS[kind],
    children: [
      {
        title: "自评表",
        key: `${kind}-forms`,
        width: 90,
        align: "right" as const,
        render: (_: unknown, d: CoverageDepartment) => cell(d[kind], "forms"),
      },
      {
        title: "已提交",
        key: `${kind}-submitted`,
        width: 90,
        align: "right" as const,
        render: (_: unknown, d: CoverageDepartment) => cell(d[kind], "submitted"),
      },
      {
        title: "已审核",
        key: `${kind}-approved`,
        width: 90,
        align: "right" as const,
        render: (_: unknown, d: CoverageDepartment) => cell(d[kind], "approved"),
      },
    ],
  });
  return (
    <Card
      size="small"
      title="各部门自评进度"
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          数字为 已完成数 / 应自评数，鼠标移上可见金额（万元）
        </Typography.Text>
      }
    >
      <Table<CoverageDepartment>
        size="small"
        bordered
        rowKey={(d) => d.department.id}
        loading={loading}
        dataSource={rows}
        data-testid="coverage-departments"
        scroll={{ x: 990 }}
        pagination={{ defaultPageSize: 20, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 个部门` }}
        locale={{ emptyText: "没有需要自评的项目或部门" }}
        columns={[
          {
            title: "部门",
            key: "department",
            fixed: "left",
            width: 200,
            sorter: (a, b) => a.department.code.localeCompare(b.department.code),
            defaultSortOrder: "ascend",
            render: (_, d) => (
              <Space direction="vertical" size={0}>
                <span>{d.department.name}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {d.department.code}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: "应自评金额（万元）",
            key: "budget",
            width: 130,
            align: "right",
            sorter: (a, b) => budgetOf(a) - budgetOf(b),
            render: (_, d) => <span className="jx-num">{wan(budgetOf(d))}</span>,
          },
          kindCols("project"),
          kindCols("deptWide"),
          {
            title: "提交率",
            key: "share",
            width: 90,
            align: "right",
            sorter: (a, b) => share(a) - share(b),
            render: (_, d) => {
              const n = (d.project?.subjects ?? 0) + (d.deptWide?.subjects ?? 0);
              const s = (d.project?.submitted ?? 0) + (d.deptWide?.submitted ?? 0);
              return <span className="jx-num">{rateOf(s, n)}</span>;
            },
          },
          {
            title: "操作",
            key: "open",
            width: 100,
            fixed: "right",
            render: (_, d) => <Link to={formsHref({ departmentId: d.department.id })}>查看自评表</Link>,
          },
        ]}
      />
    </Card>
  );
}

const budgetOf = (d: CoverageDepartment) => (d.project?.budget ?? 0) + (d.deptWide?.budget ?? 0);

const share = (d: CoverageDepartment) => {
  const n = (d.project?.subjects ?? 0) + (d.deptWide?.subjects ?? 0);
  return n === 0 ? -1 : ((d.project?.submitted ?? 0) + (d.deptWide?.submitted ?? 0)) / n;
};

/**
 * 单位自评: the year's opening (finance opens it, or moves the due day and issues what was approved since),
 * how far projects and department-wide budgets have got (forms, submitted, approved, with the money), and
 * per department.
 */
export default function SelfEvalPage() {
  const { year } = useYear();
  const { can } = useSession();
  const [opening, setOpening] = useState(false);
  const coverage = useSelfEvalCoverage(year);
  const manage = can("selfeval.manage");
  if (coverage.error && !coverage.data)
    return <PageError error={coverage.error} onRetry={() => void coverage.refetch()} />;
  const c = coverage.data;
  const round = c?.round ?? null;
  const closed = round?.status === "closed";

  return (
    <>
      <PageTitle
        title="自评进度"
        sub={
          round
            ? `${year}年度单位自评 · 截止日期 ${round.dueOn} · 评分规则 ${round.rulesVersion} 版 · 金额单位：万元`
            : `${year}年度单位自评`
        }
        extra={
          <Space wrap>
            <Link to="/selfeval/rules">
              <Button icon={<CalculatorOutlined />}>评分规则</Button>
            </Link>
            <Link to="/selfeval/forms">
              <Button icon={<UnorderedListOutlined />} data-testid="selfeval-go-forms">
                自评表列表
              </Button>
            </Link>
            {manage && !closed && c && (
              <Button
                type={round ? "default" : "primary"}
                icon={round ? <CalendarOutlined /> : <PlusOutlined />}
                onClick={() => setOpening(true)}
                data-testid="selfeval-open"
              >
                {round ? "调整截止日期 / 补发" : "开启单位自评"}
              </Button>
            )}
          </Space>
        }
      />
      {c && !round && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="selfeval-not-open"
          title={
            manage
              ? `${year}年度单位自评尚未开启。导入全年执行数后，点击“开启单位自评”，为有已批复绩效目标表的项目和部门生成自评表并下达任务。`
              : `${year}年度单位自评尚未开启，待财政局开启后在“自评表”中填报。`
          }
        />
      )}
      {round && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {dateTime(round.openedAt).slice(0, 16)} 开启{closed ? "，已结束" : ""}。已提交含待审核和已审核的自评表；
          占比以应自评的项目（部门）个数为分母。
        </Typography.Paragraph>
      )}
      {c && (
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          <Col xs={24} xl={12}>
            <CoverageCard kind="project" t={c.project} />
          </Col>
          <Col xs={24} xl={12}>
            <CoverageCard kind="deptWide" t={c.deptWide} />
          </Col>
        </Row>
      )}
      <DepartmentTable rows={c?.departments ?? []} loading={coverage.isFetching} />
      {manage && <OpenSelfEvalModal open={opening} year={year} round={round} onClose={() => setOpening(false)} />}
    </>
  );
}
