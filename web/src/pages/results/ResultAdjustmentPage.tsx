import { CheckOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Descriptions, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useParams } from "react-router";
import { errorMessage } from "../../api/client";
import { acknowledgeAdjustment, resultKeys, useAdjustment } from "../../api/results/results";
import { taskKeys } from "../../api/tasks/tasks";
import { useSession } from "../../auth/session";
import { useBack } from "../../components/list/backTo";
import { PageError } from "../../components/PageError";
import { PageSpin } from "../../components/PageSpin";
import { PageTitle } from "../../components/PageTitle";
import { ActionTag, EvidenceLinks, ruleSetText } from "../../components/results/labels";
import { DASH, dateTime, wan, yuan } from "../../format";

const amount = (fen: number) => (
  <span className="jx-num">
    {wan(fen)} 万元
    <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 8 }}>
      （{yuan(fen)} 元）
    </Typography.Text>
  </span>
);

/**
 * 预算调整告知: one line of an adopted adjustment list (where a unit's task opens): the project, its request,
 * what was done to it and why, with the evidence. The unit the line concerns marks it read (确认已阅), which
 * completes its task; everyone else in scope only reads.
 */
export default function ResultAdjustmentPage() {
  const id = Number(useParams().id);
  const { me } = useSession();
  const back = useBack("/results/adjustments");
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { data: a, isPending, error, refetch } = useAdjustment(id);
  const [saving, setSaving] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  if (isPending) return <PageSpin />;
  if (error || !a) return <PageError error={error} onRetry={() => void refetch()} />;

  const mine = me.org.id === a.unitId;
  const open = a.taskId !== null && a.taskStatus === "todo";
  const acknowledge = async () => {
    setSaving(true);
    setFailed(null);
    try {
      const done = await acknowledgeAdjustment(id);
      queryClient.setQueryData(resultKeys.adjustment(id), done);
      void queryClient.invalidateQueries({ queryKey: taskKeys.all });
      void queryClient.invalidateQueries({ queryKey: ["results", "adjustments"] });
      void message.success("已确认已阅");
    } catch (e) {
      setFailed(errorMessage(e));
      void refetch();
    } finally {
      setSaving(false);
    }
  };

  const state =
    a.taskId === null ? null : a.taskStatus === "done" ? (
      <Tag color="green">已阅</Tag>
    ) : a.taskStatus === "closed" ? (
      <Tag>已关闭</Tag>
    ) : (
      <Tag color="orange">待确认</Tag>
    );

  return (
    <>
      <PageTitle
        title={`预算调整告知：${a.projectName}`}
        sub={`${a.adoption.fiscalYear + 1}年度预算 · 依据${a.adoption.fiscalYear}年度评价结果`}
        extra={
          <Space wrap>
            {state}
            <Button onClick={back}>返回</Button>
            {mine && open && (
              <Button
                type="primary"
                icon={<CheckOutlined />}
                loading={saving}
                onClick={() => void acknowledge()}
                data-testid="adjustment-acknowledge"
              >
                确认已阅
              </Button>
            )}
          </Space>
        }
      />
      {a.adoption.status === "superseded" && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`本条所在的第${a.adoption.seq}次采纳已被替换${a.adoption.supersededAt ? `（${dateTime(a.adoption.supersededAt)}）` : ""}，以现行调整清单为准。`}
        />
      )}
      {failed && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={failed} />}
      <Card style={{ marginBottom: 12 }} data-testid="adjustment-detail">
        <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
          <Descriptions.Item label="项目">
            {a.projectName}（{a.projectCode}）
          </Descriptions.Item>
          <Descriptions.Item label="单位">
            {a.unitName}（{a.departmentName}）
          </Descriptions.Item>
          <Descriptions.Item label="预算申请数">{amount(a.request)}</Descriptions.Item>
          <Descriptions.Item label="处理">
            <ActionTag action={a.action} />
          </Descriptions.Item>
          <Descriptions.Item label={a.raise > 0 ? "增加" : "核减"}>
            {amount(a.raise > 0 ? a.raise : a.cut)}
          </Descriptions.Item>
          <Descriptions.Item label="调整后金额">
            <b>{amount(a.newAmount)}</b>
          </Descriptions.Item>
          <Descriptions.Item label="理由" span={2}>
            <span data-testid="adjustment-reason">{a.reason || DASH}</span>
          </Descriptions.Item>
          <Descriptions.Item label="依据" span={2}>
            {a.evidence.length > 0 ? <EvidenceLinks evidence={a.evidence} /> : DASH}
          </Descriptions.Item>
          <Descriptions.Item label="适用规则" span={2}>
            {a.ruleLabel ?? "未适用调整规则"}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title="采纳情况">
        <Descriptions column={{ xs: 1, md: 3 }} size="small">
          <Descriptions.Item label="规则集">{ruleSetText(a.adoption.ruleSet)}</Descriptions.Item>
          <Descriptions.Item label="采纳">第{a.adoption.seq}次</Descriptions.Item>
          <Descriptions.Item label="采纳时间">{dateTime(a.adoption.adoptedAt)}</Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          调整清单在采纳时冻结，此后评价结果或得分的变化不改变本条。
          {mine && open && "请阅读调整情况和理由后点“确认已阅”。"}
        </Typography.Paragraph>
      </Card>
    </>
  );
}
