import { CheckCircleOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Descriptions, Input, Modal, Typography } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router";
import { errorMessage, isApiError } from "../../api/client";
import { type Adoption, adopt, resultKeys, type Simulation } from "../../api/results/results";
import { taskKeys } from "../../api/tasks/tasks";
import { count, dateTime, wan } from "../../format";
import { ruleSetText } from "./labels";

/**
 * 采纳 (or 变更采纳 when the year already has one): asks first, showing what will be frozen and, for a
 * change, which adoption it replaces and why (the reason is required then). The server recomputes from the
 * data as it is at that moment and freezes that list.
 */
export function AdoptButton({ sim, current }: { sim: Simulation; current: Adoption | null }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const t = sim.totals;
  const departments = t.byDepartment.filter((d) => d.adjusted > 0).length;
  const change = current !== null;
  const same = current?.ruleSet.id === sim.ruleSet.id;

  const confirm = async () => {
    const text = reason.trim();
    if (change && text === "") {
      setReasonError("变更采纳须写明理由");
      return;
    }
    setSaving(true);
    setFailed(null);
    try {
      const done = await adopt({
        fiscalYear: sim.fiscalYear,
        ruleSetId: sim.ruleSet.id,
        reason: text,
        ...(current ? { replaces: current.id } : {}),
      });
      void queryClient.invalidateQueries({ queryKey: resultKeys.all });
      void queryClient.invalidateQueries({ queryKey: taskKeys.all });
      void message.success(
        `已采纳 ${ruleSetText(done.ruleSet)}（第${done.seq}次采纳）：调整 ${count(done.adjusted)} 项，核减 ${wan(done.cut)} 万元`,
      );
      setOpen(false);
      // The adopted one is the current: the list opens on it without naming it.
      navigate("/results/adjustments");
    } catch (e) {
      if (isApiError(e) && e.code === "RESULT_ALREADY_ADOPTED")
        void queryClient.invalidateQueries({ queryKey: resultKeys.adoptions(sim.fiscalYear) });
      if (isApiError(e) && (e.details as { field?: string } | undefined)?.field === "reason") setReasonError(e.message);
      else setFailed(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Button
        type="primary"
        icon={<CheckCircleOutlined />}
        onClick={() => {
          setReason("");
          setReasonError(null);
          setFailed(null);
          setOpen(true);
        }}
        data-testid="result-adopt"
      >
        {change ? "变更采纳…" : "采纳…"}
      </Button>
      <Modal
        open={open}
        title={change ? `变更采纳：改为 ${ruleSetText(sim.ruleSet)}` : `采纳 ${ruleSetText(sim.ruleSet)}`}
        width={640}
        okText={change ? "确认变更采纳" : "确认采纳"}
        okButtonProps={{ "data-testid": "result-adopt-confirm" }}
        cancelText="取消"
        confirmLoading={saving}
        onOk={() => void confirm()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <div data-testid="result-adopt-dialog">
          <Typography.Paragraph>
            采纳后将按当时的数据生成{sim.budgetYear}
            年度预算调整清单并冻结：此后评价结果、得分或申请数变化都不再改变这份清单；要改只能再次变更采纳并写明理由。被调整项目的单位将收到“预算调整告知”。
          </Typography.Paragraph>
          <Descriptions size="small" column={1} bordered title="按当前数据，将冻结的清单为">
            <Descriptions.Item label="规则集">{ruleSetText(sim.ruleSet)}</Descriptions.Item>
            <Descriptions.Item label="调整项目">
              {count(t.adjusted)} 项（共 {count(t.projects)} 项申请，涉及 {count(departments)} 个部门）
            </Descriptions.Item>
            <Descriptions.Item label="核减合计">{wan(t.cut)} 万元</Descriptions.Item>
            <Descriptions.Item label="增加合计">{wan(t.raise)} 万元</Descriptions.Item>
            <Descriptions.Item label="调整后合计">
              {wan(t.newAmount)} 万元（申请 {wan(t.request)} 万元）
            </Descriptions.Item>
            <Descriptions.Item label="全区部门平均得分">{sim.average ?? "—"}</Descriptions.Item>
          </Descriptions>
          {current && (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: 12 }}
              title={`将替换现行的第${current.seq}次采纳：${ruleSetText(current.ruleSet)}（${current.adoptedByName ?? "—"} ${dateTime(current.adoptedAt)}，调整 ${count(current.adjusted)} 项，核减 ${wan(current.cut)} 万元）`}
              description={
                same
                  ? "与现行采纳是同一规则集的同一版本：按当前数据重新生成清单。原清单保留，标为“已被替换”。"
                  : "原清单保留，标为“已被替换”；原告知中未确认的关闭，新清单重新告知。"
              }
            />
          )}
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            <label htmlFor="adopt-reason">
              {change && <span style={{ color: "#ff4d4f", marginInlineEnd: 4 }}>*</span>}
              {change ? "变更理由" : "采纳说明（可不填）"}
            </label>
          </Typography.Title>
          <Input.TextArea
            id="adopt-reason"
            rows={2}
            maxLength={500}
            showCount
            status={reasonError ? "error" : undefined}
            style={{ marginBottom: 16 }}
            placeholder={change ? "为什么变更（如：区政府常务会议决定核减比例由10%调为8%）" : "如：经局务会研究通过"}
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              setReasonError(null);
            }}
            data-testid="result-adopt-reason"
          />
          {reasonError && <Typography.Text type="danger">{reasonError}</Typography.Text>}
          {failed && <Alert type="error" showIcon style={{ marginTop: 12 }} title={failed} />}
        </div>
      </Modal>
    </>
  );
}
