import { SendOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, DatePicker, Form, Modal, Progress, Space, Steps, Table, Tag, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { errorMessage } from "../../api/client";
import { openGoalDeclaration, type PlanPhaseView, planKey, savePlan, usePlan } from "../../api/plan/plan";
import { taskKeys } from "../../api/tasks/tasks";
import { useSession, useYear } from "../../auth/session";
import { PageError } from "../../components/PageError";
import { PageTitle } from "../../components/PageTitle";

const STATE = {
  upcoming: { label: "未开始", color: "default" },
  current: { label: "进行中", color: "processing" },
  past: { label: "已结束", color: "success" },
} as const;

const pct = (n: number, total: number) => (total === 0 ? 0 : Math.round((n / total) * 1000) / 10);

/** 年度工作安排: the year's phases as a timeline, their dates (finance edits them) and each phase's progress. */
export default function WorkPlanPage() {
  const { year } = useYear();
  const { can } = useSession();
  const plan = usePlan(year);
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const [opening, setOpening] = useState(false);
  const [form] = Form.useForm<Record<string, [Dayjs, Dayjs]>>();
  const [dueForm] = Form.useForm<{ dueOn: Dayjs }>();
  const [busy, setBusy] = useState(false);

  if (plan.error) return <PageError error={plan.error} onRetry={() => void plan.refetch()} />;
  const data = plan.data;
  const manage = can("plan.manage");
  const declaration = data?.phases.find((p) => p.phase === "goal_declaration");

  const startEdit = () => {
    if (!data) return;
    form.setFieldsValue(Object.fromEntries(data.phases.map((p) => [p.phase, [dayjs(p.startsOn), dayjs(p.endsOn)]])));
    setEditing(true);
  };
  const save = async () => {
    if (!data) return;
    const values = await form.validateFields();
    setBusy(true);
    try {
      await savePlan(year, {
        version: data.version,
        phases: data.phases.map((p) => ({
          phase: p.phase,
          startsOn: values[p.phase]![0].format("YYYY-MM-DD"),
          endsOn: values[p.phase]![1].format("YYYY-MM-DD"),
        })),
      });
      message.success("工作安排已保存");
      setEditing(false);
      await qc.invalidateQueries({ queryKey: planKey(year) });
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const open = async () => {
    const { dueOn } = await dueForm.validateFields();
    setBusy(true);
    try {
      const r = await openGoalDeclaration(year, dueOn.format("YYYY-MM-DD"));
      message.success(
        `目标申报已下达：新建目标表 ${r.tablesCreated} 张、申报任务 ${r.tasksCreated} 项（已有 ${r.tasksExisting} 项），截止 ${r.dueOn}`,
        6,
      );
      setOpening(false);
      await Promise.all([
        qc.invalidateQueries({ queryKey: planKey(year) }),
        qc.invalidateQueries({ queryKey: taskKeys.all }),
      ]);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle
        title={`${year}年度工作安排`}
        sub={data && (data.stored ? `第 ${data.version} 版` : "默认安排（尚未保存）")}
        extra={
          manage && (
            <Space>
              <Button onClick={startEdit} disabled={!data} data-testid="plan-edit">
                调整日期
              </Button>
              <Button
                type="primary"
                icon={<SendOutlined />}
                disabled={!declaration}
                data-testid="plan-open-goals"
                onClick={() => {
                  dueForm.setFieldsValue({ dueOn: dayjs(declaration?.dueOn ?? declaration?.endsOn) });
                  setOpening(true);
                }}
              >
                {declaration?.openedAt ? "补充下达目标申报" : "下达目标申报"}
              </Button>
            </Space>
          )
        }
      />
      <Card style={{ marginBottom: 16 }} loading={!data}>
        {data && (
          <Steps
            size="small"
            labelPlacement="vertical"
            current={Math.max(
              0,
              data.phases.findIndex((p) => p.state !== "past"),
            )}
            items={data.phases.map((p) => ({
              title: p.label,
              status: p.state === "past" ? "finish" : p.state === "current" ? "process" : "wait",
              description: `${p.startsOn.slice(5)}～${p.endsOn.slice(5)}`,
            }))}
          />
        )}
      </Card>
      <Card title="各阶段" loading={!data}>
        <Table<PlanPhaseView>
          rowKey="phase"
          size="middle"
          pagination={false}
          dataSource={data?.phases}
          data-testid="plan-phases"
          columns={[
            { title: "阶段", dataIndex: "label", width: 140 },
            { title: "开始", dataIndex: "startsOn", width: 120 },
            { title: "结束", dataIndex: "endsOn", width: 120 },
            {
              title: "状态",
              dataIndex: "state",
              width: 90,
              render: (s: PlanPhaseView["state"]) => <Tag color={STATE[s].color}>{STATE[s].label}</Tag>,
            },
            {
              title: "下达",
              key: "opened",
              width: 200,
              render: (_: unknown, p) =>
                p.openedAt ? (
                  <span>
                    已下达，截止 <b>{p.dueOn}</b>
                  </span>
                ) : (
                  <Typography.Text type="secondary">未下达</Typography.Text>
                ),
            },
            {
              title: "任务进度",
              key: "progress",
              render: (_: unknown, p) =>
                p.progress ? (
                  <Space direction="vertical" size={0} style={{ width: "100%" }}>
                    <Progress
                      percent={pct(p.progress.submitted + p.progress.done, p.progress.total)}
                      success={{ percent: pct(p.progress.done, p.progress.total) }}
                      size="small"
                    />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      共 {p.progress.total} 项：已完成 {p.progress.done}，已提交 {p.progress.submitted}，被退回{" "}
                      {p.progress.returned}，逾期 {p.progress.overdue}
                    </Typography.Text>
                  </Space>
                ) : (
                  <Typography.Text type="secondary">—</Typography.Text>
                ),
            },
          ]}
        />
      </Card>
      <Modal
        title="调整工作安排"
        open={editing}
        onCancel={() => setEditing(false)}
        onOk={() => void save()}
        confirmLoading={busy}
        okText="保存"
        width={560}
      >
        <Form form={form} labelCol={{ span: 7 }}>
          {data?.phases.map((p) => (
            <Form.Item key={p.phase} name={p.phase} label={p.label} rules={[{ required: true, message: "请选择日期" }]}>
              <DatePicker.RangePicker allowClear={false} />
            </Form.Item>
          ))}
        </Form>
        <Typography.Text type="secondary">
          阶段须先后有序，例如单位自评不能早于运行监控结束；保存时逐项检查。
        </Typography.Text>
      </Modal>
      <Modal
        title={`下达${year}年度目标申报`}
        open={opening}
        onCancel={() => setOpening(false)}
        onOk={() => void open()}
        confirmLoading={busy}
        okText="下达"
      >
        <Typography.Paragraph>
          为本年度预算中的每个项目（由实施单位申报）和每个有部门整体预算的主管部门生成目标表草稿和申报任务，
          并通知各单位。再次下达只补建缺少的（如之后导入的项目）。
        </Typography.Paragraph>
        <Form form={dueForm}>
          <Form.Item name="dueOn" label="截止日期" rules={[{ required: true, message: "请选择截止日期" }]}>
            <DatePicker data-testid="plan-due" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
