import { ExperimentOutlined, TeamOutlined, UnorderedListOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Empty, Result, Space, Typography } from "antd";
import { useMemo, useState } from "react";
import { Link } from "react-router";
import { useOrgTree } from "../../api/hooks";
import {
  type ReviewDraw,
  type ReviewDrawData,
  type ReviewDrawReply,
  useReviewCounts,
  useReviewDraw,
} from "../../api/review/review";
import { useYear } from "../../auth/session";
import { flattenOrgs } from "../../components/orgs";
import { PageError } from "../../components/PageError";
import { PageTitle } from "../../components/PageTitle";
import { ReviewDrawModal } from "../../components/spot-check/ReviewDrawModal";
import { ReviewDrawRecord } from "../../components/spot-check/ReviewDrawRecord";
import { ReviewProgress } from "../../components/spot-check/ReviewProgress";
import { count } from "../../format";

/**
 * 复核抽样 (finance): the year's review at a glance, drawing the sample from the self-evaluations finance
 * approved (once a year, seeded and recorded by the server), and the record of the draw with its replay.
 */
export default function ReviewDrawPage() {
  const { year } = useYear();
  const draw = useReviewDraw(year);
  const counts = useReviewCounts(year);
  const tree = useOrgTree();
  const [drawing, setDrawing] = useState(false);
  const [justDrawn, setJustDrawn] = useState<ReviewDrawReply | null>(null);
  const names = useMemo(() => new Map(flattenOrgs(tree.data?.nodes ?? []).map((o) => [o.code, o.name])), [tree.data]);
  const departmentName = (code: string) => (names.has(code) ? `${names.get(code)}（${code}）` : `部门 ${code}`);

  if (draw.error && !draw.data) return <PageError error={draw.error} onRetry={() => void draw.refetch()} />;
  const data = draw.data;
  const drawn = data?.draw ? (data as ReviewDrawData & { draw: ReviewDraw }) : null;

  return (
    <>
      <PageTitle
        title="复核抽样"
        sub={`${year}年度单位自评抽查复核`}
        extra={
          <Space wrap>
            <Link to="/review/firms">
              <Button icon={<TeamOutlined />}>第三方机构与回避</Button>
            </Link>
            {drawn && (
              <Link to="/review/items">
                <Button type="primary" icon={<UnorderedListOutlined />} data-testid="review-to-items">
                  复核任务与分配
                </Button>
              </Link>
            )}
          </Space>
        }
      />
      <ReviewProgress drawn={drawn !== null} counts={counts.data} />
      {justDrawn && (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: () => setJustDrawn(null) }}
          style={{ marginBottom: 16 }}
          data-testid="review-drawn"
          title={`已抽取 ${justDrawn.draw.picks.length} 个项目，共 ${justDrawn.reviews} 张自评表纳入复核`}
          description={
            <>
              下一步：在<Link to="/review/items?status=unassigned">复核任务</Link>
              中把待分配的自评表分给第三方机构的复核人员。
            </>
          }
        />
      )}
      {data && !drawn && (
        <Card size="small" data-testid="review-not-drawn">
          {data.population === 0 ? (
            <Empty
              description={
                <>
                  {year}年度还没有财政已审核的项目自评表，暂不能抽取。
                  <br />
                  <Link to="/selfeval/forms?status=approved">查看自评表</Link>
                </>
              }
            />
          ) : (
            <Result
              icon={<ExperimentOutlined />}
              title={`${year}年度尚未抽取复核样本`}
              subTitle={`可供抽取：已审核的项目自评表 ${count(data.population)} 张；部门整体支出自评表 ${count(data.deptWide)} 张（可全部纳入）。每年只抽取一次。`}
              extra={
                <Button
                  type="primary"
                  icon={<ExperimentOutlined />}
                  onClick={() => setDrawing(true)}
                  data-testid="review-draw-open"
                >
                  抽取复核样本…
                </Button>
              }
            />
          )}
        </Card>
      )}
      {drawn && (
        <ReviewDrawRecord data={drawn} departmentName={departmentName} names={(code) => names.get(code) ?? code} />
      )}
      {drawn && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          抽样记录保存了抽取时的全部项目（总体）、参数和种子；页面每次打开都按记录重新抽取一遍核对结果。
        </Typography.Paragraph>
      )}
      {drawing && data && (
        <ReviewDrawModal
          year={year}
          population={data.population}
          deptWide={data.deptWide}
          onClose={() => setDrawing(false)}
          onDrawn={(r) => {
            setDrawing(false);
            setJustDrawn(r);
          }}
        />
      )}
    </>
  );
}
