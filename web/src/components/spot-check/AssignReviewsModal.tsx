import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, DatePicker, Form, Modal, Radio, Select, Space, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useMemo, useState } from "react";
import { Link } from "react-router";
import { type Conflict, conflictOf } from "../../../../src/core/selfeval/assign-reviewers";
import { errorMessage, isApiError } from "../../api/client";
import { type AssignReply, assignReviews, type ReviewFirm, type ReviewRow, reviewKeys } from "../../api/review/review";

interface Values {
  firmId: number;
  how: "balanced" | "one";
  reviewerId?: number;
  dueOn: Dayjs;
}

/** The details of a refused assignment: the items nobody may take, or those the named reviewer must leave. */
interface Refusal {
  unassignable?: { code: string; reason: string }[];
  clash?: string[];
}

/**
 * 分配复核: the chosen reviews (or every one still unassigned) to one firm, balanced over its reviewers or to
 * one reviewer, never to someone who must stand aside (回避). All or nothing, as the server does it: a
 * review nobody may take is named and nothing is assigned. Conflicts already known are shown before sending.
 */
export function AssignReviewsModal({
  year,
  firms,
  selected,
  unassigned,
  shown,
  onClose,
  onDone,
}: {
  year: number;
  firms: ReviewFirm[];
  /** The rows chosen in the list; empty = every review still unassigned. */
  selected: ReviewRow[];
  unassigned: number;
  /** The rows on screen, to name the reviews a refusal lists by code. */
  shown: readonly ReviewRow[];
  onClose: () => void;
  onDone: (r: AssignReply) => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [refusal, setRefusal] = useState<{ message: string; details: Refusal } | null>(null);
  const firmId = Form.useWatch("firmId", form);
  const how = Form.useWatch("how", form) ?? "balanced";
  const reviewerId = Form.useWatch("reviewerId", form);
  const firm = firms.find((f) => f.id === firmId);
  // The only firm is chosen for the clerk, also when the registry arrives after the dialog opened.
  const only = firms.length === 1 ? firms[0]?.id : undefined;
  useEffect(() => {
    if (only !== undefined && form.getFieldValue("firmId") === undefined) form.setFieldValue("firmId", only);
  }, [only, form]);
  const reviewers = (firm?.reviewers ?? []).filter((r) => r.active);

  // Conflicts the page can see already: the chosen rows against the firm's declared conflicts.
  const known = useMemo(() => {
    if (!firm || selected.length === 0) return [];
    const conflicts: Conflict[] = firm.conflicts.map((c) => ({
      userId: c.reviewer?.id ?? null,
      orgPath: c.org.path,
      orgName: c.org.name,
    }));
    const item = (r: ReviewRow) => ({
      reviewId: r.id,
      code: r.code,
      unitPath: r.unitPath,
      departmentPath: r.departmentPath,
    });
    if (how === "one" && reviewerId !== undefined)
      return selected.flatMap((r) => {
        const c = conflictOf(item(r), reviewerId, conflicts);
        return c ? [`${r.code} ${r.name}（须回避“${c.orgName}”）`] : [];
      });
    if (how === "balanced")
      return selected.flatMap((r) =>
        reviewers.length > 0 && reviewers.every((v) => conflictOf(item(r), v.id, conflicts) !== null)
          ? [`${r.code} ${r.name}（全部复核人员均须回避）`]
          : [],
      );
    return [];
  }, [firm, selected, how, reviewerId, reviewers]);

  const assign = useMutation({
    mutationFn: (v: Values) =>
      assignReviews({
        fiscalYear: year,
        firmId: v.firmId,
        ...(selected.length > 0 ? { reviewIds: selected.map((r) => r.id) } : {}),
        ...(v.how === "one" && v.reviewerId !== undefined ? { reviewerId: v.reviewerId } : {}),
        dueOn: v.dueOn.format("YYYY-MM-DD"),
      }),
    onSuccess: async (r) => {
      await queryClient.invalidateQueries({ queryKey: reviewKeys.all });
      void message.success(`已分配 ${r.assigned} 张自评表`);
      onDone(r);
    },
    onError: (e) => {
      setRefusal({
        message: errorMessage(e),
        details: isApiError(e) && e.details && typeof e.details === "object" ? (e.details as Refusal) : {},
      });
    },
  });

  const nameOf = (code: string) => {
    const r = selected.find((x) => x.code === code) ?? shown.find((x) => x.code === code);
    return r ? `${code} ${r.name}` : code;
  };
  const what = selected.length > 0 ? `选中的 ${selected.length} 张自评表` : `全部待分配的 ${unassigned} 张自评表`;
  return (
    <Modal
      open
      title="分配复核"
      okText="分配"
      cancelText="取消"
      confirmLoading={assign.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={620}
      okButtonProps={{ "data-testid": "assign-ok", disabled: known.length > 0 }}
    >
      <Typography.Paragraph>
        把<b>{what}</b>分给第三方机构复核。全部能分才分配，有一张不能分则都不分配；每张生成复核人员的待办任务。
      </Typography.Paragraph>
      {refusal && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="assign-error"
          title="未分配：须回避或无人可派"
          description={
            <>
              {refusal.details.unassignable?.length ? (
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {refusal.details.unassignable.map((u) => (
                    <li key={u.code}>
                      {nameOf(u.code)}：{u.reason}
                    </li>
                  ))}
                </ul>
              ) : (
                refusal.message
              )}
              <div style={{ marginTop: 6 }}>
                请核对<Link to="/review/firms">回避关系</Link>
                ，或把这些自评表分给其他机构、指定其他复核人员；其余的可勾选后另行分配。
              </div>
            </>
          }
        />
      )}
      {known.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="assign-conflicts"
          title="以下自评表不能这样分配（回避关系）"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {known.map((k) => (
                <li key={k}>{k}</li>
              ))}
            </ul>
          }
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        onValuesChange={() => setRefusal(null)}
        onFinish={(v) => assign.mutate(v)}
        initialValues={{
          firmId: firms.length === 1 ? firms[0]?.id : undefined,
          how: "balanced",
          dueOn: dayjs().add(30, "day"),
        }}
      >
        <Form.Item name="firmId" label="第三方机构" rules={[{ required: true, message: "请选择第三方机构" }]}>
          <Select
            data-testid="assign-firm"
            placeholder="选择机构"
            options={firms.map((f) => ({
              value: f.id,
              label: `${f.name}（复核人员 ${f.reviewers.filter((r) => r.active).length} 人）`,
            }))}
            onChange={() => form.setFieldValue("reviewerId", undefined)}
          />
        </Form.Item>
        <Form.Item name="how" label="分配方式">
          <Radio.Group
            options={[
              { value: "balanced", label: "在复核人员间均衡分配（自动回避）" },
              { value: "one", label: "指定一位复核人员" },
            ]}
          />
        </Form.Item>
        {how === "one" && (
          <Form.Item name="reviewerId" label="复核人员" rules={[{ required: true, message: "请选择复核人员" }]}>
            <Select
              data-testid="assign-reviewer"
              placeholder={firm ? "选择复核人员" : "请先选择机构"}
              options={reviewers.map((r) => ({ value: r.id, label: `${r.name}（${r.username}）` }))}
            />
          </Form.Item>
        )}
        <Space wrap>
          <Form.Item name="dueOn" label="复核截止日期" rules={[{ required: true, message: "请选择截止日期" }]}>
            <DatePicker
              data-testid="assign-due"
              allowClear={false}
              disabledDate={(d) => d.isBefore(dayjs().startOf("day"))}
            />
          </Form.Item>
        </Space>
        {firm && firm.conflicts.length > 0 && (
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
            本机构登记的回避：
            {firm.conflicts.map((c) => `${c.reviewer?.name ?? "整个机构"}—${c.org.name}`).join("；")}
          </Typography.Paragraph>
        )}
      </Form>
    </Modal>
  );
}
