import { useQueryClient } from "@tanstack/react-query";
import { Button, Card, Descriptions, Space, Timeline, Typography } from "antd";
import { Link, useParams } from "react-router";
import { followUpKeys, useFollowUp } from "../../api/monitoring/follow-ups";
import { useBack } from "../../components/list/backTo";
import { EvidenceList, FollowUpStatus, FollowUpWork } from "../../components/monitoring/FollowUpWork";
import { PageError } from "../../components/PageError";
import { PageSpin } from "../../components/PageSpin";
import { PageTitle } from "../../components/PageTitle";
import { dateTime } from "../../format";

const HISTORY_LABELS: Record<string, string> = {
  assign: "布置跟进措施",
  attach: "上传佐证材料",
  detach: "删除佐证材料",
  submit: "提交整改情况",
  close: "办结",
  return: "退回",
};

/** One follow-up action: the requirement, the revision it asked for, the answer and evidence, the history. */
export default function FollowUpDetailPage() {
  const id = Number(useParams().id);
  const qc = useQueryClient();
  const back = useBack("/monitoring/follow-ups");
  const { data: a, isPending, error, refetch } = useFollowUp(id);
  if (isPending) return <PageSpin />;
  if (error || !a) return <PageError error={error} onRetry={() => void refetch()} />;
  return (
    <>
      <PageTitle
        title={`${a.report.name}：${a.kindText}`}
        sub={<FollowUpStatus a={a} />}
        extra={<Button onClick={back}>返回</Button>}
      />
      <Card style={{ marginBottom: 16 }} data-testid="follow-up-detail">
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label="项目">
            {a.report.code} {a.report.name}（截至{a.report.cutoffMonth}月监控）
          </Descriptions.Item>
          <Descriptions.Item label="负责单位">{a.org.name}</Descriptions.Item>
          <Descriptions.Item label="主管部门">{a.department.name}</Descriptions.Item>
          <Descriptions.Item label="整改期限">
            {a.overdue ? <Typography.Text type="danger">{a.dueOn}（已逾期）</Typography.Text> : a.dueOn}
          </Descriptions.Item>
          <Descriptions.Item label="整改要求" span={2}>
            {a.requirement}
          </Descriptions.Item>
          {a.revision && (
            <Descriptions.Item label="目标表调整" span={2}>
              <Space>
                {a.revision.approved
                  ? "调整后的目标表已批复"
                  : `绩效目标调整任务：${a.revision.statusText}（调整后的目标表批复后方可办结）`}
                <Link to={`/goal-tables/${a.revision.goalTableId}`}>查看目标表</Link>
              </Space>
            </Descriptions.Item>
          )}
          <Descriptions.Item label="整改情况" span={2}>
            {a.response ?? <Typography.Text type="secondary">尚未提交</Typography.Text>}
          </Descriptions.Item>
          {a.reviewNote && (
            <Descriptions.Item label="财政意见" span={2}>
              {a.reviewNote}
            </Descriptions.Item>
          )}
          <Descriptions.Item label="布置人">{a.createdByName ?? "—"}</Descriptions.Item>
          <Descriptions.Item label="办结时间">{a.closedAt ? dateTime(a.closedAt) : "—"}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title="佐证材料" style={{ marginBottom: 16 }}>
        <EvidenceList a={a} onChanged={() => void qc.invalidateQueries({ queryKey: followUpKeys.all })} />
        <FollowUpWork a={a} />
      </Card>
      <Card title="办理记录">
        <Timeline
          data-testid="follow-up-history"
          items={a.history.map((h) => ({
            children: (
              <>
                <Typography.Text strong>{HISTORY_LABELS[h.action] ?? h.action}</Typography.Text>{" "}
                <Typography.Text type="secondary">
                  {h.actorName} · {dateTime(h.at)}
                </Typography.Text>
                {h.reason && h.reason !== HISTORY_LABELS[h.action] && <div>{h.reason}</div>}
              </>
            ),
          }))}
        />
      </Card>
    </>
  );
}
