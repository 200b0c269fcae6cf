import {
  ArrowLeftOutlined,
  CheckOutlined,
  PrinterOutlined,
  RollbackOutlined,
  SaveOutlined,
  SendOutlined,
  UndoOutlined,
} from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Input,
  Modal,
  Row,
  Select,
  Skeleton,
  Space,
  Table,
  Tooltip,
  Typography,
} from "antd";
import { type ReactNode, useEffect, useMemo, useRef, useState } from "react";
import { useParams } from "react-router";
import { OPERATOR_LABELS } from "../../../../src/core/goals/types";
import { MONITORING_SNAPSHOT_LABELS } from "../../../../src/core/monitoring/snapshot";
import type { ItemAnswerField, ItemAnswers } from "../../../../src/core/monitoring/types";
import { itemAnswerLabels } from "../../../../src/core/monitoring/validate-report";
import type { DeskAction } from "../../../../src/core/review/desk-workflow";
import { errorMessage, isApiError } from "../../api/client";
import type { ReviewCommentRow } from "../../api/goals/goal-review";
import {
  actOnMonitoringReport,
  answerMonitoringComment,
  type MonitoringReportDetail,
  type MonitoringReportItem,
  monitoringKeys,
  saveMonitoringReport,
  useMonitoringReport,
  useMonitoringReportReview,
} from "../../api/monitoring/reports";
import { useSession } from "../../auth/session";
import { useBack } from "../../components/list/backTo";
import { FollowUpsCard } from "../../components/monitoring/FollowUpsCard";
import { KindTag, LightTag, MonitoringStatusTag, pct } from "../../components/monitoring/labels";
import {
  byField,
  checkForm,
  fingerprint,
  formOf,
  likelihoodOptions,
  payloadOf,
  type ReportForm,
} from "../../components/monitoring/reportForm";
import { PageError } from "../../components/PageError";
import { PageTitle } from "../../components/PageTitle";
import { useIsPhone } from "../../components/phone/useIsPhone";
import { CommentThread } from "../../components/review/CommentThread";
import { REVIEW_CSS } from "../../components/review/DiffList";
import { ReviewRecordCard } from "../../components/review/ReviewRecordCard";
import { useLeaveGuard } from "../../components/unsaved/useLeaveGuard";
import { dateTime, wan } from "../../format";
import NotFoundPage from "../NotFoundPage";

const STALE_TEXT = "该监控表已被他人修改，请刷新后重试";

const CSS = `
.jx-mr-field-error { color: #cf1322; font-size: 12px; line-height: 18px; margin-top: 2px; white-space: normal; }
.jx-mr-table .ant-table-cell { vertical-align: top; }
.jx-mr-card { margin-bottom: 12px; }
.jx-mr-card .ant-card-head { min-height: 40px; }
.jx-mr-label { font-size: 12px; color: rgba(0,0,0,0.55); margin: 8px 0 2px; }
.jx-mr-ro { white-space: pre-wrap; word-break: break-word; }
.jx-mr-months { font-size: 12px; }
`;

export default function MonitoringReportPage() {
  const id = Number(useParams().id);
  if (!Number.isInteger(id) || id <= 0) return <NotFoundPage />;
  return <ReportLoader key={id} id={id} />;
}

function ReportLoader({ id }: { id: number }) {
  const q = useMonitoringReport(id);
  if (isApiError(q.error) && q.error.status === 404) return <NotFoundPage />;
  if (q.error && !q.data) return <PageError error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data)
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 12 }} />
      </Card>
    );
  return <ReportEditor data={q.data} refetch={() => q.refetch()} />;
}

/** Who acts next, in words, when the viewer cannot edit or act. */
function waitingFor(d: MonitoringReportDetail): string {
  if (d.round.status === "closed") return "本轮监控已结束，监控表只读。";
  switch (d.status) {
    case "draft":
    case "returned":
      return "监控表在填报单位手中，待其填报并提交。";
    case "submitted":
      return "已提交，待主管部门审核。";
    case "dept_approved":
      return "主管部门已审核，待财政复核。";
    case "approved":
      return "财政已复核，本监控表已完成。";
  }
}

/** The action's button text for this viewer: a department's 审核, finance's 复核. */
function actionLabel(action: DeskAction, d: MonitoringReportDetail, isFinance: boolean): string {
  if (action === "submit") return d.status === "returned" ? "重新提交" : "提交";
  if (action === "withdraw") return "撤回";
  if (action === "return") return "退回修改";
  return isFinance ? "复核通过" : "审核通过";
}

interface ModalState {
  action: DeskAction;
  comment: string;
  itemComments: Record<string, string>;
}

function ReportEditor({ data, refetch }: { data: MonitoringReportDetail; refetch: () => Promise<unknown> }) {
  const { id } = data;
  const { me } = useSession();
  const back = useBack("/monitoring/reports");
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const phone = useIsPhone();
  const editable = data.editable;
  const n = data.round.cutoffMonth;
  const labels = itemAnswerLabels(n);
  const isFinance = me.role !== "unit" && me.role !== "department";

  // The form follows the server's report until the user edits it; a new version from the server replaces it.
  const [form, setForm] = useState<ReportForm>(() => formOf(data));
  const [baseline, setBaseline] = useState(() => fingerprint(data, formOf(data)));
  const synced = useRef(`${data.id}:${data.version}`);
  useEffect(() => {
    const key = `${data.id}:${data.version}`;
    if (synced.current === key) return;
    synced.current = key;
    const next = formOf(data);
    setForm(next);
    setBaseline(fingerprint(data, next));
  }, [data]);
  const dirty = editable && fingerprint(data, form) !== baseline;
  const confirmLeave = useLeaveGuard(dirty);

  const [busy, setBusy] = useState<DeskAction | "save" | null>(null);
  const [alert, setAlert] = useState<{ title: string; stale?: boolean } | null>(null);
  // Missing answers are named on their fields once the unit has tried to submit.
  const [tried, setTried] = useState(false);
  const [modal, setModal] = useState<ModalState | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);

  // Live checks, as the unit types: the core's own rules (the server applies the same).
  const draftIssues = useMemo(() => (editable ? checkForm(data, form, "draft") : []), [editable, data, form]);
  const submitIssues = useMemo(() => (editable ? checkForm(data, form, "submit") : []), [editable, data, form]);
  const errors = useMemo(() => byField(tried ? submitIssues : draftIssues), [tried, submitIssues, draftIssues]);
  const blocksSave = draftIssues.some((i) => i.blocks === "save");

  // The review record: comment threads by indicator, the rounds, what changed since the last return.
  const review = useMonitoringReportReview(id);
  const reviewData = review.data;
  const threads = useMemo(() => {
    const m = new Map<string | null, ReviewCommentRow[]>();
    for (const c of reviewData?.comments ?? []) m.set(c.itemKey, [...(m.get(c.itemKey) ?? []), c]);
    return m;
  }, [reviewData]);
  const onAnswer = async (c: ReviewCommentRow, text: string) => {
    try {
      await answerMonitoringComment(id, c.id, { version: c.version, answer: text });
      await queryClient.invalidateQueries({ queryKey: monitoringKeys.review(id) });
      message.success(text.trim() ? "已保存答复" : "已清除答复");
      return true;
    } catch (e) {
      message.error(errorMessage(e));
      return false;
    }
  };

  const setItem = (uid: string, patch: Partial<ItemAnswers>) =>
    setForm((f) => ({ ...f, items: { ...f.items, [uid]: { ...f.items[uid]!, ...patch } } }));

  const afterChange = async (next: MonitoringReportDetail) => {
    queryClient.setQueryData(monitoringKeys.detail(id), next);
    await queryClient.invalidateQueries({ queryKey: ["monitoring", "reports", "list"] });
    await queryClient.invalidateQueries({ queryKey: monitoringKeys.review(id) });
  };
  const failed = (e: unknown) => {
    if (isApiError(e) && (e.code === "STALE_VERSION" || e.status === 409)) setAlert({ title: STALE_TEXT, stale: true });
    else setAlert({ title: errorMessage(e) });
  };

  /** Saves the form; the new version, or null when it failed (the reason is on the page). */
  const save = async (): Promise<number | null> => {
    if (blocksSave) {
      setAlert({ title: "有填写错误，请按标红的提示改正后再保存" });
      return null;
    }
    const payload = payloadOf(data, form, data.version);
    try {
      const saved = await saveMonitoringReport(id, payload);
      synced.current = `${id}:${saved.version}`;
      setBaseline(fingerprint(saved, formOf(saved)));
      setForm(formOf(saved));
      await afterChange(saved);
      setAlert(null);
      setSavedAt(dateTime(new Date().toISOString()).slice(11, 16));
      return saved.version;
    } catch (e) {
      failed(e);
      return null;
    }
  };

  const onSave = async () => {
    setBusy("save");
    if ((await save()) !== null) message.success("已保存草稿");
    setBusy(null);
  };

  const act = async (m: ModalState) => {
    setBusy(m.action);
    try {
      let version = data.version;
      if (m.action === "submit") {
        setTried(true);
        if (submitIssues.length > 0) {
          setAlert({ title: `还有 ${submitIssues.length} 处须填写或改正，请按标红的提示补充后再提交` });
          setModal(null);
          return;
        }
        if (dirty) {
          const v = await save();
          if (v === null) {
            setModal(null);
            return;
          }
          version = v;
        }
      }
      const itemComments = Object.fromEntries(Object.entries(m.itemComments).filter(([, t]) => t.trim() !== ""));
      const next = await actOnMonitoringReport(id, {
        version,
        action: m.action,
        ...(m.action === "submit"
          ? { note: m.comment.trim() || undefined }
          : { comment: m.comment.trim() || undefined }),
        ...(Object.keys(itemComments).length > 0 ? { itemComments } : {}),
      });
      synced.current = "";
      await afterChange(next);
      setAlert(null);
      setTried(false);
      setModal(null);
      message.success(`已${actionLabel(m.action, data, isFinance)}`);
    } catch (e) {
      failed(e);
      setModal(null);
    } finally {
      setBusy(null);
    }
  };

  const fieldError = (field: string) => {
    const e = errors.get(field);
    return e ? (
      <div className="jx-mr-field-error" data-testid="monitoring-field-error" data-field={field}>
        {e}
      </div>
    ) : null;
  };

  // ---- pieces of the form
  const textInput = (
    uid: string,
    f: Exclude<ItemAnswerField, "likelihood" | "cause">,
    index: number,
    multi: boolean,
  ): ReactNode => {
    const value = form.items[uid]?.[f] ?? "";
    const field = `items.${uid}.${f}`;
    if (!editable) return <div className="jx-mr-ro">{value || "—"}</div>;
    const common = {
      "aria-label": `第${index + 1}项指标${labels[f]}`,
      "data-testid": `mr-${f}-${index}`,
      value,
      status: errors.has(field) ? ("error" as const) : undefined,
      onChange: (e: { target: { value: string } }) => setItem(uid, { [f]: e.target.value }),
    };
    return (
      <>
        {multi ? (
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 5 }} maxLength={500} {...common} />
        ) : (
          <Input {...common} />
        )}
        {fieldError(field)}
      </>
    );
  };
  const likelihoodInput = (uid: string, index: number) => {
    const a = form.items[uid]!;
    const field = `items.${uid}.likelihood`;
    if (!editable) return <span>{likelihoodOptions.find((o) => o.value === a.likelihood)?.label ?? "—"}</span>;
    return (
      <>
        <Select
          aria-label={`第${index + 1}项指标${labels.likelihood}`}
          data-testid={`mr-likelihood-${index}`}
          style={{ width: "100%" }}
          placeholder="请选择"
          allowClear
          status={errors.has(field) ? "error" : undefined}
          value={a.likelihood ?? undefined}
          options={likelihoodOptions}
          onChange={(v) => setItem(uid, { likelihood: v ?? null })}
        />
        {fieldError(field)}
      </>
    );
  };
  const causeInput = (uid: string, index: number) => {
    const a = form.items[uid]!;
    const field = `items.${uid}.cause`;
    if (!editable) return <span>{a.cause ?? "—"}</span>;
    return (
      <>
        <Select
          aria-label={`第${index + 1}项指标${labels.cause}`}
          data-testid={`mr-cause-${index}`}
          style={{ width: "100%" }}
          placeholder={a.likelihood && a.likelihood !== "certain" ? "请选择" : "无需选择"}
          allowClear
          status={errors.has(field) ? "error" : undefined}
          value={a.cause ?? undefined}
          options={data.causeCategories.map((c) => ({ value: c, label: c }))}
          onChange={(v) => setItem(uid, { cause: v ?? null })}
        />
        {fieldError(field)}
      </>
    );
  };
  const target = (i: MonitoringReportItem) =>
    `${i.operator ? `${OPERATOR_LABELS[i.operator]} ` : ""}${i.target}${i.unit ?? ""}`;
  const itemThread = (uid: string) => {
    const list = threads.get(uid);
    return list ? (
      <div style={{ marginTop: 6 }}>
        <CommentThread comments={list} onAnswer={onAnswer} testId="monitoring-item-thread" />
      </div>
    ) : null;
  };

  const ex = data.execution;
  const months = ex.byMonth.slice(0, n);
  const overBudget = errors.get("executionNote") !== undefined || form.executionNote.trim() !== "";
  const generalComments = threads.get(null) ?? [];
  const unanswered = (reviewData?.comments ?? []).filter((c) => c.answerable && c.stage === "return" && !c.answer);
  const lastReturn = [...(reviewData?.comments ?? [])]
    .reverse()
    .find((c) => c.stage === "return" && c.itemKey === null);
  const comparisons = reviewData?.returned
    ? [
        {
          key: "returned",
          label: "与退回时对比",
          base: `第${reviewData.returned.seq}次提交，${dateTime(reviewData.returned.at).slice(0, 10)} 被${reviewData.returned.by ?? ""}退回`,
          diff: reviewData.returned.diff,
        },
      ]
    : [];

  const toolbar = (
    <Space wrap>
      <Button icon={<ArrowLeftOutlined />} onClick={() => confirmLeave(back)}>
        返回
      </Button>
      <Button
        icon={<PrinterOutlined />}
        href={`/monitoring/reports/${id}/print`}
        target="_blank"
        data-testid="monitoring-print"
      >
        打印
      </Button>
      {editable && (
        <Button
          icon={<SaveOutlined />}
          data-testid="monitoring-save"
          loading={busy === "save"}
          disabled={busy !== null && busy !== "save"}
          onClick={() => void onSave()}
        >
          保存草稿
        </Button>
      )}
      {data.allowedActions.map((a) => (
        <Button
          key={a}
          type={a === "submit" || a === "approve" ? "primary" : "default"}
          danger={a === "return"}
          icon={
            a === "submit" ? (
              <SendOutlined />
            ) : a === "approve" ? (
              <CheckOutlined />
            ) : a === "return" ? (
              <RollbackOutlined />
            ) : (
              <UndoOutlined />
            )
          }
          data-testid={`monitoring-action-${a}`}
          loading={busy === a}
          disabled={busy !== null && busy !== a}
          onClick={() => {
            if (a === "submit") {
              setTried(true);
              if (submitIssues.length > 0) {
                setAlert({ title: `还有 ${submitIssues.length} 处须填写或改正，请按标红的提示补充后再提交` });
                return;
              }
            }
            setModal({ action: a, comment: "", itemComments: {} });
          }}
        >
          {actionLabel(a, data, isFinance)}
        </Button>
      ))}
    </Space>
  );

  return (
    <>
      <style>{CSS + REVIEW_CSS}</style>
      <PageTitle
        title={
          <span>
            {data.name} <KindTag kind={data.kind} />{" "}
            <MonitoringStatusTag status={data.status} text={data.statusText} testId="monitoring-status" />
          </span>
        }
        sub={`${data.round.fiscalYear}年度绩效运行监控表（截至${n}月） · ${data.code}`}
        extra={phone ? undefined : toolbar}
      />
      {phone && <div style={{ marginBottom: 12 }}>{toolbar}</div>}
      {alert && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="monitoring-alert"
          title={alert.title}
          closable={{ onClose: () => setAlert(null) }}
          action={
            alert.stale ? (
              <Button size="small" onClick={() => void refetch().then(() => setAlert(null))}>
                刷新
              </Button>
            ) : undefined
          }
        />
      )}
      {!editable && !data.allowedActions.some((a) => a === "approve" || a === "return") && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={waitingFor(data)}
          data-testid="monitoring-readonly"
        />
      )}
      {editable && data.status === "returned" && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="monitoring-returned"
          title={`${data.statusText}：请按审核意见修改后重新提交`}
          description={
            <>
              {lastReturn && <div>退回意见：{lastReturn.body}</div>}
              {unanswered.length > 0 && <div>还有 {unanswered.length} 条意见未答复，可在意见下方填写答复。</div>}
            </>
          }
        />
      )}
      {editable && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }} data-testid="monitoring-status-line">
          {dirty ? "有未保存的修改。" : savedAt ? `已于 ${savedAt} 保存。` : ""}
          {submitIssues.length > 0
            ? `提交前还有 ${submitIssues.length} 处须填写或改正${tried ? "（已在各栏标红）" : ""}。`
            : "已填写完整，可以提交。"}
        </Typography.Paragraph>
      )}

      <Card
        size="small"
        className="jx-mr-card"
        title={`预算执行情况（截至${n}月，取自导入的月度执行数）`}
        extra={<LightTag light={ex.light} reasons={[ex.reason]} testId="monitoring-execution-light" />}
        data-testid="monitoring-execution"
      >
        <Descriptions
          size="small"
          column={phone ? 1 : 4}
          items={[
            { key: "dept", label: "主管部门", children: data.department.name },
            { key: "unit", label: "实施单位", children: data.unit.name },
            { key: "budget", label: "全年预算数", children: <span className="jx-num">{wan(ex.budget)} 万元</span> },
            {
              key: "executed",
              label: `1—${n}月已执行`,
              children: <span className="jx-num">{wan(ex.executed)} 万元</span>,
            },
            { key: "rate", label: "执行率", children: <b className="jx-num">{pct(ex.rate)}</b> },
            { key: "time", label: "时间进度", children: <span className="jx-num">{ex.timeProgress}%</span> },
            {
              key: "gap",
              label: "与时间进度相差",
              children: ex.gapPoints === null ? "—" : <span className="jx-num">{ex.gapPoints} 个百分点</span>,
            },
            { key: "due", label: "填报截止", children: data.round.dueOn },
          ]}
        />
        <Alert
          type={
            ex.light === "red" ? "error" : ex.light === "yellow" ? "warning" : ex.light === "green" ? "success" : "info"
          }
          showIcon
          style={{ marginTop: 8 }}
          title={`执行预警：${ex.reason}`}
          data-testid="monitoring-execution-reason"
        />
        <div className="jx-mr-months" style={{ marginTop: 8, display: "flex", flexWrap: "wrap", rowGap: 2 }}>
          <Typography.Text type="secondary">各月支付数（万元）：</Typography.Text>
          {months.map((fen, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: months 1..N
            <span key={i} className="jx-num" style={{ marginRight: 12, whiteSpace: "nowrap" }}>
              {i + 1}月 {wan(fen)}
            </span>
          ))}
        </div>
        <Row gutter={16} style={{ marginTop: 8 }}>
          <Col xs={24} md={8}>
            <div className="jx-mr-label">预计全年执行数（万元）</div>
            {editable ? (
              <>
                <Input
                  aria-label="预计全年执行数（万元）"
                  data-testid="monitoring-expected-year-end"
                  value={form.expectedWan}
                  suffix="万元"
                  inputMode="decimal"
                  status={errors.has("expectedYearEnd") ? "error" : undefined}
                  placeholder={`不小于已执行 ${wan(ex.executed)}`}
                  onChange={(e) => setForm((f) => ({ ...f, expectedWan: e.target.value }))}
                />
                {fieldError("expectedYearEnd")}
              </>
            ) : (
              <div className="jx-num">{data.expectedYearEnd === null ? "—" : `${wan(data.expectedYearEnd)} 万元`}</div>
            )}
          </Col>
          {(overBudget || !editable) && (
            <Col xs={24} md={16}>
              <div className="jx-mr-label">超预算说明{editable ? "（执行数超过预算时必填）" : ""}</div>
              {editable ? (
                <>
                  <Input.TextArea
                    aria-label="超预算说明"
                    data-testid="monitoring-execution-note"
                    autoSize={{ minRows: 1, maxRows: 4 }}
                    maxLength={500}
                    value={form.executionNote}
                    status={errors.has("executionNote") ? "error" : undefined}
                    onChange={(e) => setForm((f) => ({ ...f, executionNote: e.target.value }))}
                  />
                  {fieldError("executionNote")}
                </>
              ) : (
                <div className="jx-mr-ro">{data.executionNote || "—"}</div>
              )}
            </Col>
          )}
        </Row>
      </Card>

      <Card size="small" className="jx-mr-card" title="总体目标完成情况">
        <div className="jx-mr-label">年度总体目标（取自已批复的绩效目标表）</div>
        <div className="jx-mr-ro">{data.overallGoal || "—"}</div>
        <div className="jx-mr-label">截至{n}月总体目标完成情况</div>
        {editable ? (
          <>
            <Input.TextArea
              aria-label="总体目标完成情况"
              data-testid="monitoring-overall-status"
              autoSize={{ minRows: 2, maxRows: 6 }}
              maxLength={2000}
              value={form.overallStatus}
              status={errors.has("overallStatus") ? "error" : undefined}
              onChange={(e) => setForm((f) => ({ ...f, overallStatus: e.target.value }))}
            />
            {fieldError("overallStatus")}
          </>
        ) : (
          <div className="jx-mr-ro">{data.overallStatus || "—"}</div>
        )}
      </Card>

      <Card
        size="small"
        className="jx-mr-card"
        title={`绩效指标完成情况（${data.items.length} 项）`}
        extra={
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            完成可能性选“有可能”或“完全不可能”的，须选择偏差原因并填写改进措施
          </Typography.Text>
        }
        data-testid="monitoring-items"
      >
        {phone ? (
          <div data-testid="monitoring-item-cards">
            {data.items.map((item, index) => (
              <Card
                key={item.uid}
                size="small"
                style={{ marginBottom: 8 }}
                data-testid="monitoring-item-card"
                title={
                  <span style={{ whiteSpace: "normal" }}>
                    {index + 1}. {item.name}
                  </span>
                }
                extra={<LightTag light={item.light} />}
              >
                <div style={{ fontSize: 12, color: "rgba(0,0,0,0.55)" }}>
                  {item.level1}/{item.level2} · 年度目标 <b>{target(item)}</b>
                </div>
                {(["progress", "expected"] as const).map((f) => (
                  <div key={f}>
                    <div className="jx-mr-label">{labels[f]}</div>
                    {textInput(item.uid, f, index, false)}
                  </div>
                ))}
                <div className="jx-mr-label">{labels.likelihood}</div>
                {likelihoodInput(item.uid, index)}
                <div className="jx-mr-label">{labels.cause}</div>
                {causeInput(item.uid, index)}
                {(["causeNote", "measures"] as const).map((f) => (
                  <div key={f}>
                    <div className="jx-mr-label">{labels[f]}</div>
                    {textInput(item.uid, f, index, true)}
                  </div>
                ))}
                {itemThread(item.uid)}
              </Card>
            ))}
          </div>
        ) : (
          <Table<MonitoringReportItem>
            className="jx-mr-table"
            data-testid="monitoring-item-table"
            size="small"
            rowKey="uid"
            pagination={false}
            dataSource={data.items}
            scroll={{ x: 1080 }}
            expandable={{
              expandedRowKeys: data.items.filter((i) => threads.has(i.uid)).map((i) => i.uid),
              expandedRowRender: (i) => itemThread(i.uid),
              rowExpandable: (i) => threads.has(i.uid),
              showExpandColumn: false,
            }}
            columns={[
              {
                title: "指标",
                key: "name",
                width: 170,
                fixed: "left",
                render: (_: unknown, i, index) => (
                  <>
                    <div>
                      {index + 1}. {i.name}
                    </div>
                    <div style={{ fontSize: 12, color: "rgba(0,0,0,0.45)" }}>
                      {i.level1}/{i.level2}
                    </div>
                  </>
                ),
              },
              { title: "年度目标值", key: "target", width: 100, render: (_: unknown, i) => target(i) },
              {
                title: labels.progress,
                key: "progress",
                width: 100,
                render: (_: unknown, i, index) => textInput(i.uid, "progress", index, false),
              },
              {
                title: labels.expected,
                key: "expected",
                width: 100,
                render: (_: unknown, i, index) => textInput(i.uid, "expected", index, false),
              },
              {
                title: labels.likelihood,
                key: "likelihood",
                width: 116,
                render: (_: unknown, i, index) => likelihoodInput(i.uid, index),
              },
              {
                title: labels.cause,
                key: "cause",
                width: 128,
                render: (_: unknown, i, index) => causeInput(i.uid, index),
              },
              {
                title: labels.causeNote,
                key: "causeNote",
                render: (_: unknown, i, index) => textInput(i.uid, "causeNote", index, true),
              },
              {
                title: labels.measures,
                key: "measures",
                render: (_: unknown, i, index) => textInput(i.uid, "measures", index, true),
              },
              {
                title: "预警",
                key: "light",
                width: 76,
                render: (_: unknown, i) => (
                  <Tooltip title="按已保存的完成可能性计算：完全不可能为红灯">
                    <span>
                      <LightTag light={i.light} />
                    </span>
                  </Tooltip>
                ),
              },
            ]}
          />
        )}
      </Card>

      <Card
        size="small"
        className="jx-mr-card"
        title="预警情况"
        extra={<LightTag light={data.light} reasons={data.reasons} testId="monitoring-report-light" />}
      >
        {data.reasons.length === 0 ? (
          <Typography.Text type="secondary">执行进度与各指标完成可能性均正常。</Typography.Text>
        ) : (
          <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="monitoring-reasons">
            {data.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        )}
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: "6px 0 0" }}>
          预警按保存后的内容计算（规则版本：{data.rulesVersion}）。
        </Typography.Paragraph>
      </Card>

      {generalComments.length > 0 && (
        <Card size="small" className="jx-mr-card" title="审核（复核）意见" data-testid="monitoring-general-comments">
          <CommentThread comments={generalComments} onAnswer={onAnswer} />
        </Card>
      )}

      {/* Actions follow finance's review: a report still with its filler has none to show. */}
      {data.status !== "draft" && <FollowUpsCard reportId={data.id} light={data.light} />}

      {reviewData && reviewData.rounds.length > 0 && (
        <ReviewRecordCard
          rounds={reviewData.rounds}
          comparisons={comparisons}
          labels={MONITORING_SNAPSHOT_LABELS}
          item="指标"
        />
      )}

      <ActionModal
        state={modal}
        data={data}
        busy={busy !== null}
        isFinance={isFinance}
        onChange={setModal}
        onClose={() => setModal(null)}
        onOk={(m) => void act(m)}
      />
    </>
  );
}

function ActionModal({
  state,
  data,
  busy,
  isFinance,
  onChange,
  onClose,
  onOk,
}: {
  state: ModalState | null;
  data: MonitoringReportDetail;
  busy: boolean;
  isFinance: boolean;
  onChange: (s: ModalState) => void;
  onClose: () => void;
  onOk: (s: ModalState) => void;
}) {
  if (!state) return null;
  const { action } = state;
  const review = action === "approve" || action === "return";
  const label = actionLabel(action, data, isFinance);
  const needsComment = action === "return" && state.comment.trim() === "";
  const title = action === "submit" ? "提交监控表" : action === "withdraw" ? "撤回监控表" : `${label}：${data.name}`;
  return (
    <Modal
      open
      title={title}
      okText={label}
      okButtonProps={{ danger: action === "return", disabled: needsComment }}
      confirmLoading={busy}
      onCancel={onClose}
      onOk={() => onOk(state)}
      width={review ? 720 : 520}
      destroyOnHidden
    >
      {action === "submit" && (
        <>
          <Typography.Paragraph>
            提交后由{data.department.id === data.unit.id || data.subjectKind === "deptWide" ? "财政" : "主管部门"}
            审核，审核期间不能修改。
          </Typography.Paragraph>
          {data.status === "returned" && (
            <Input.TextArea
              aria-label="修改说明"
              placeholder="修改说明（选填）：按退回意见改了哪些内容"
              autoSize={{ minRows: 2, maxRows: 5 }}
              maxLength={1000}
              value={state.comment}
              onChange={(e) => onChange({ ...state, comment: e.target.value })}
            />
          )}
        </>
      )}
      {action === "withdraw" && <Typography.Paragraph>撤回后可继续修改，修改后须重新提交。</Typography.Paragraph>}
      {review && (
        <>
          <div className="jx-mr-label">
            {action === "return" ? "退回意见（必填）" : `${isFinance ? "复核" : "审核"}意见（选填）`}
          </div>
          <Input.TextArea
            aria-label={action === "return" ? "退回意见" : "审核意见"}
            data-testid="monitoring-modal-comment"
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={2000}
            status={needsComment ? "error" : undefined}
            placeholder={action === "return" ? "请写明须修改的内容" : "如：执行进度滞后，须加快支出"}
            value={state.comment}
            onChange={(e) => onChange({ ...state, comment: e.target.value })}
          />
          {needsComment && <div className="jx-mr-field-error">退回须填写意见</div>}
          <div className="jx-mr-label" style={{ marginTop: 12 }}>
            逐项指标意见（选填，填报单位可逐条答复）
          </div>
          <div style={{ maxHeight: 320, overflowY: "auto" }}>
            {data.items.map((i, index) => (
              <div key={i.uid} style={{ display: "flex", gap: 8, marginBottom: 6, alignItems: "flex-start" }}>
                <div style={{ width: 200, flex: "none", fontSize: 13, paddingTop: 4 }}>
                  {index + 1}. {i.name}
                </div>
                <Input.TextArea
                  aria-label={`对第${index + 1}项指标的意见`}
                  data-testid={`monitoring-modal-item-${index}`}
                  autoSize={{ minRows: 1, maxRows: 4 }}
                  maxLength={500}
                  value={state.itemComments[i.uid] ?? ""}
                  onChange={(e) =>
                    onChange({ ...state, itemComments: { ...state.itemComments, [i.uid]: e.target.value } })
                  }
                />
              </div>
            ))}
          </div>
        </>
      )}
    </Modal>
  );
}
