import { PlusOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, DatePicker, Descriptions, Empty, Form, Input, Select, Space, Spin, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { Link } from "react-router";
import { ACTION_KIND_LABELS, ACTION_KINDS, type ActionKind } from "../../../../src/core/monitoring/types";
import { errorMessage } from "../../api/client";
import { assignFollowUp, followUpKeys, useFollowUp, useFollowUps } from "../../api/monitoring/follow-ups";
import { useSession } from "../../auth/session";
import { useLeaveGuard } from "../unsaved/useLeaveGuard";
import { EvidenceList, FollowUpStatus, FollowUpWork } from "./FollowUpWork";

/** One action of the report, with its evidence and what the viewer may do. */
function FollowUpItem({ id }: { id: number }) {
  const qc = useQueryClient();
  const { data: a, isPending, error } = useFollowUp(id);
  if (isPending) return <Spin />;
  if (error || !a) return <Typography.Text type="danger">{errorMessage(error)}</Typography.Text>;
  return (
    <Card
      size="small"
      type="inner"
      style={{ marginBottom: 12 }}
      data-testid={`follow-up-${a.id}`}
      title={
        <Space>
          <Link to={`/monitoring/follow-ups/${a.id}`}>{a.kindText}</Link>
          <FollowUpStatus a={a} />
        </Space>
      }
      extra={`整改期限 ${a.dueOn}`}
    >
      <Descriptions size="small" column={1}>
        <Descriptions.Item label="整改要求">{a.requirement}</Descriptions.Item>
        <Descriptions.Item label="负责单位">{a.org.name}</Descriptions.Item>
        {a.revision && (
          <Descriptions.Item label="目标表调整">
            {a.revision.approved
              ? "调整后的目标表已批复"
              : `绩效目标调整任务：${a.revision.statusText}（批复后方可办结）`}
          </Descriptions.Item>
        )}
        {a.response && <Descriptions.Item label="整改情况">{a.response}</Descriptions.Item>}
        {a.reviewNote && <Descriptions.Item label="财政意见">{a.reviewNote}</Descriptions.Item>}
        <Descriptions.Item label="佐证材料">
          <EvidenceList a={a} onChanged={() => void qc.invalidateQueries({ queryKey: followUpKeys.all })} />
        </Descriptions.Item>
      </Descriptions>
      <FollowUpWork a={a} />
    </Card>
  );
}

interface AssignValues {
  kind: ActionKind;
  requirement: string;
  dueOn: Dayjs;
}

/** 布置跟进措施: finance's form (kind, requirement, due day). */
function AssignForm({ reportId, onDone }: { reportId: number; onDone: () => void }) {
  const [form] = Form.useForm<AssignValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const confirmLeave = useLeaveGuard(dirty);
  const qc = useQueryClient();
  const { message } = App.useApp();

  const submit = async (v: AssignValues) => {
    setBusy(true);
    setError(null);
    try {
      await assignFollowUp(reportId, {
        kind: v.kind,
        requirement: v.requirement.trim(),
        dueOn: v.dueOn.format("YYYY-MM-DD"),
      });
      message.success(`已布置跟进措施：${ACTION_KIND_LABELS[v.kind]}`);
      setDirty(false);
      await qc.invalidateQueries({ queryKey: followUpKeys.all });
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<AssignValues>
      form={form}
      layout="vertical"
      onFinish={(v) => void submit(v)}
      onValuesChange={() => setDirty(true)}
      data-testid="follow-up-assign"
      style={{ maxWidth: 640 }}
    >
      <Form.Item name="kind" label="措施类型" rules={[{ required: true, message: "请选择措施类型" }]}>
        <Select
          aria-label="措施类型"
          placeholder="请选择"
          options={ACTION_KINDS.map((k) => ({ value: k, label: ACTION_KIND_LABELS[k] }))}
        />
      </Form.Item>
      <Form.Item
        name="requirement"
        label="整改要求"
        rules={[
          { required: true, whitespace: true, message: "请填写整改要求" },
          { max: 2000, message: "整改要求不能超过 2000 字" },
        ]}
        extra="调整绩效目标将同时向负责单位下达绩效目标调整任务，调整后的目标表批复后方可办结"
      >
        <Input.TextArea rows={3} maxLength={2000} showCount aria-label="整改要求" />
      </Form.Item>
      <Form.Item name="dueOn" label="整改期限" rules={[{ required: true, message: "请选择整改期限" }]}>
        <DatePicker aria-label="整改期限" placeholder="选择日期" />
      </Form.Item>
      {error && (
        <Typography.Paragraph type="danger" role="alert" data-testid="assign-error">
          {error}
        </Typography.Paragraph>
      )}
      <Space>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="assign-submit">
          布置
        </Button>
        <Button onClick={() => confirmLeave(onDone)}>取消</Button>
      </Space>
    </Form>
  );
}

/**
 * 跟进措施 of one monitoring report: its actions with their evidence, finance's 布置跟进措施 form (for a red
 * or yellow report) and the owning unit's answer with its evidence files.
 */
export function FollowUpsCard({ reportId, light }: { reportId: number; light?: string | undefined }) {
  const { can } = useSession();
  const [assigning, setAssigning] = useState(false);
  const list = useFollowUps({ reportId }, "createdAt", "asc", 1, 50);
  const mayAssign = can("monitoring.manage") && (light === undefined || light === "red" || light === "yellow");
  return (
    <Card
      title="跟进措施"
      data-testid="follow-ups-card"
      extra={
        mayAssign &&
        !assigning && (
          <Button icon={<PlusOutlined />} onClick={() => setAssigning(true)} data-testid="follow-up-new">
            布置跟进措施
          </Button>
        )
      }
    >
      {assigning && (
        <Card size="small" type="inner" title="布置跟进措施" style={{ marginBottom: 12 }}>
          <AssignForm reportId={reportId} onDone={() => setAssigning(false)} />
        </Card>
      )}
      {list.isPending ? (
        <Spin />
      ) : list.error ? (
        <Typography.Text type="danger">{errorMessage(list.error)}</Typography.Text>
      ) : list.data.rows.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={light === "green" ? "绿灯项目无须布置跟进措施" : "尚未布置跟进措施"}
        />
      ) : (
        list.data.rows.map((r) => <FollowUpItem key={r.id} id={r.id} />)
      )}
    </Card>
  );
}
