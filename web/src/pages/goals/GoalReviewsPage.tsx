import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, Col, Row, Skeleton, Typography } from "antd";
import { useEffect, useMemo, useState } from "react";
import { useReviewDraws, useReviewPopulation } from "../../api/hooks";
import { useSession, useYear } from "../../auth/session";
import { DrawList } from "../../components/goals/DrawList";
import { GOAL_PAGE_CSS } from "../../components/goals/goalPageCss";
import { ALGORITHM_NOTE, NewDrawModal } from "../../components/goals/NewDrawModal";
import { ReviewVisitsCard } from "../../components/goals/ReviewVisitsCard";
import { RotationMatrix } from "../../components/goals/RotationMatrix";
import { reviewHistory } from "../../components/goals/reviewData";
import { PageError } from "../../components/PageError";
import { PageTitle } from "../../components/PageTitle";

/**
 * 目标现场会审: the yearly rolling draw of departments whose goal tables are reviewed on site, and the
 * review's record per drawn department (findings, guidance, the tables changed after it).
 */
export default function GoalReviewsPage() {
  const { can } = useSession();
  const { year } = useYear();
  const mayDraw = can("goal.review");
  const list = useReviewDraws();
  const served = useReviewPopulation();
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<string[] | null>(null);

  const draws = useMemo(() => list.data?.rows ?? [], [list.data]);
  const history = useMemo(() => reviewHistory(draws), [draws]);
  const population = useMemo(() => served.data?.rows ?? [], [served.data]);
  const years = useMemo(() => {
    const drawn = draws.map((d) => d.fiscalYear);
    if (drawn.length === 0) return [];
    const from = Math.min(...drawn);
    const to = Math.max(...drawn, year);
    return Array.from({ length: to - from + 1 }, (_, i) => from + i);
  }, [draws, year]);

  // Open the selected year's draw (else the newest) once the list is there.
  useEffect(() => {
    if (open !== null || draws.length === 0) return;
    const first = draws.find((d) => d.fiscalYear === year) ?? draws[0];
    setOpen(first ? [String(first.id)] : []);
  }, [draws, year, open]);

  if (list.error && !list.data) return <PageError error={list.error} onRetry={() => void list.refetch()} />;

  const newButton = (
    <Button
      type="primary"
      icon={<PlusOutlined />}
      onClick={() => setCreating(true)}
      disabled={list.isPending}
      data-testid="review-new"
    >
      新建抽取
    </Button>
  );

  return (
    <>
      <style>{GOAL_PAGE_CSS}</style>
      <PageTitle
        title="目标现场会审"
        sub="每年以滚动方式抽取部门，现场会审其绩效目标表；抽取过程存档，可随时复核"
        extra={mayDraw ? newButton : undefined}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title="历年抽取记录" size="small">
            {list.isPending ? (
              <Skeleton active />
            ) : (
              <DrawList draws={draws} activeKeys={open ?? []} onActiveKeysChange={setOpen} />
            )}
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: "12px 0 0" }}>
              {ALGORITHM_NOTE}
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card
            title="会审轮换情况"
            size="small"
            extra={<Typography.Text type="secondary">● 为当年会审</Typography.Text>}
          >
            {list.isPending ? (
              <Skeleton active />
            ) : (
              <RotationMatrix departments={population} history={history} years={years} />
            )}
          </Card>
        </Col>
      </Row>
      {list.isPending ? (
        <Card title="会审记录" size="small" style={{ marginTop: 16 }}>
          <Skeleton active />
        </Card>
      ) : (
        <ReviewVisitsCard draws={draws} selectedYear={year} mayEdit={mayDraw} />
      )}
      {creating && (
        <NewDrawModal
          draws={draws}
          population={population}
          selectedYear={year}
          onClose={() => setCreating(false)}
          onCreated={(id) => setOpen([String(id)])}
        />
      )}
    </>
  );
}
