import {
  ArrowLeftOutlined,
  CheckOutlined,
  RollbackOutlined,
  SaveOutlined,
  SendOutlined,
  UndoOutlined,
} from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Col, Input, Row, Skeleton, Space, Typography } from "antd";
import { useEffect, useMemo, useRef, useState } from "react";
import { useParams } from "react-router";
import type { DeskAction } from "../../../../src/core/review/desk-workflow";
import type { SelfEvalRules } from "../../../../src/core/selfeval/rules";
import { SELFEVAL_SNAPSHOT_LABELS } from "../../../../src/core/selfeval/snapshot";
import { errorMessage, isApiError } from "../../api/client";
import type { ReviewCommentRow } from "../../api/goals/goal-review";
import {
  actOnSelfEvalForm,
  answerSelfEvalComment,
  type SelfEvalFormDetail,
  saveSelfEvalForm,
  selfEvalFormKeys,
  useSelfEvalForm,
  useSelfEvalFormReview,
} from "../../api/selfeval/forms";
import { selfEvalKeys, useSelfEvalRules } from "../../api/selfeval/selfeval";
import { useBack } from "../../components/list/backTo";
import { PageError } from "../../components/PageError";
import { PageTitle } from "../../components/PageTitle";
import { useIsPhone } from "../../components/phone/useIsPhone";
import { CommentThread } from "../../components/review/CommentThread";
import { REVIEW_CSS } from "../../components/review/DiffList";
import { ReviewRecordCard } from "../../components/review/ReviewRecordCard";
import { FormHeader, HEADER_CSS, ScoreSummary } from "../../components/selfeval/FormHeader";
import { ItemGrid } from "../../components/selfeval/ItemGrid";
import { makeCells, SE_CSS } from "../../components/selfeval/itemCells";
import { SelfEvalStatusTag, SUBJECT_KIND_LABELS } from "../../components/selfeval/labels";
import { type ActionState, actionLabel, SelfEvalActionModal } from "../../components/selfeval/SelfEvalActionModal";
import {
  byField,
  checkOf,
  fingerprint,
  formOf,
  type ItemForm,
  issuesOfError,
  payloadOf,
  type SelfEvalForm,
  scoreOf,
  touchedFields,
} from "../../components/selfeval/selfEvalForm";
import { useLeaveGuard } from "../../components/unsaved/useLeaveGuard";
import { dateTime } from "../../format";
import NotFoundPage from "../NotFoundPage";

const STALE_TEXT = "该自评表已被他人修改，请刷新后重试";

export default function SelfEvalFormPage() {
  const id = Number(useParams().id);
  if (!Number.isInteger(id) || id <= 0) return <NotFoundPage />;
  return <FormLoader key={id} id={id} />;
}

/** The form and the rules of its year (the same rules the server scores it with). */
function FormLoader({ id }: { id: number }) {
  const q = useSelfEvalForm(id);
  const rules = useSelfEvalRules(q.data?.round.fiscalYear ?? 0, q.data !== undefined);
  if (isApiError(q.error) && q.error.status === 404) return <NotFoundPage />;
  if (q.error && !q.data) return <PageError error={q.error} onRetry={() => void q.refetch()} />;
  if (rules.error && !rules.data) return <PageError error={rules.error} onRetry={() => void rules.refetch()} />;
  if (!q.data || !rules.data)
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 12 }} />
      </Card>
    );
  return <FormEditor data={q.data} rules={rules.data} refetch={() => q.refetch()} />;
}

/** Who acts next, in words, when the viewer can neither edit nor review. */
function waitingFor(d: SelfEvalFormDetail): string {
  if (d.round.status === "closed") return "本年度单位自评已结束，自评表只读。";
  switch (d.status) {
    case "draft":
    case "returned":
      return "自评表在填报单位手中，待其填报并提交。";
    case "approved":
      return "财政已审核，本自评表已完成。";
    default:
      return `已提交，${d.statusText}。`;
  }
}

function FormEditor({
  data,
  rules,
  refetch,
}: {
  data: SelfEvalFormDetail;
  rules: SelfEvalRules;
  refetch: () => Promise<unknown>;
}) {
  const { id } = data;
  const back = useBack("/selfeval/forms");
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const phone = useIsPhone();
  const editable = data.editable;

  // The form follows the server's until the user edits it; a new version from the server replaces it.
  const [form, setForm] = useState<SelfEvalForm>(() => formOf(data));
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
  const [tried, setTried] = useState(false);
  const [modal, setModal] = useState<ActionState | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  // What the server refused, by field, until the field is typed over.
  const [serverIssues, setServerIssues] = useState<Map<string, string>>(new Map());

  // Scored and checked as the unit types, by the core's own engine (the server applies the same).
  const score = useMemo(() => scoreOf(data, form, rules), [data, form, rules]);
  const draftIssues = useMemo(
    () => (editable ? checkOf(data, form, score, rules, "draft") : []),
    [editable, data, form, score, rules],
  );
  const submitIssues = useMemo(
    () => (editable ? checkOf(data, form, score, rules, "submit") : []),
    [editable, data, form, score, rules],
  );
  const errors = useMemo(() => {
    const m = byField(tried ? submitIssues : draftIssues);
    for (const [k, v] of serverIssues) if (!m.has(k)) m.set(k, v);
    return m;
  }, [tried, submitIssues, draftIssues, serverIssues]);
  const blocksSave = draftIssues.some((i) => i.blocks === "save");

  const review = useSelfEvalFormReview(id);
  const reviewData = review.data;
  const threads = useMemo(() => {
    const m = new Map<string | null, ReviewCommentRow[]>();
    for (const c of reviewData?.comments ?? []) m.set(c.itemKey, [...(m.get(c.itemKey) ?? []), c]);
    return m;
  }, [reviewData]);
  const onAnswer = async (c: ReviewCommentRow, text: string) => {
    try {
      await answerSelfEvalComment(id, c.id, { version: c.version, answer: text });
      await queryClient.invalidateQueries({ queryKey: selfEvalFormKeys.review(id) });
      message.success(text.trim() ? "已保存答复" : "已清除答复");
      return true;
    } catch (e) {
      message.error(errorMessage(e));
      return false;
    }
  };

  const setItem = (uid: string, patch: Partial<ItemForm>) => {
    setForm((f) => ({ ...f, items: { ...f.items, [uid]: { ...f.items[uid]!, ...patch } } }));
    const touched = touchedFields(uid, patch);
    setServerIssues((m) => (touched.some((t) => m.has(t)) ? new Map([...m].filter(([k]) => !touched.includes(k))) : m));
  };
  const setOverall = (text: string) => {
    setForm((f) => ({ ...f, overallActual: text }));
    setServerIssues((m) => (m.has("overallActual") ? new Map([...m].filter(([k]) => k !== "overallActual")) : m));
  };

  const afterChange = async (next: SelfEvalFormDetail) => {
    queryClient.setQueryData(selfEvalFormKeys.detail(id), next);
    await queryClient.invalidateQueries({ queryKey: selfEvalFormKeys.lists });
    await queryClient.invalidateQueries({ queryKey: selfEvalFormKeys.review(id) });
    void queryClient.invalidateQueries({ queryKey: ["selfeval", "coverage"] });
  };
  const failed = (e: unknown) => {
    if (isApiError(e) && (e.code === "STALE_VERSION" || e.status === 409)) {
      setAlert({ title: STALE_TEXT, stale: true });
      return;
    }
    const issues = isApiError(e) ? issuesOfError(e.details) : [];
    if (issues.length > 0) {
      setServerIssues(byField(issues));
      setAlert({ title: `${errorMessage(e)}${issues.length > 1 ? `（共 ${issues.length} 处，已在各栏标红）` : ""}` });
    } else setAlert({ title: errorMessage(e) });
  };

  /** Saves the form; the new version, or null when it failed (the reason is on the page). */
  const save = async (): Promise<number | null> => {
    if (blocksSave) {
      setAlert({ title: "有填写错误，请按标红的提示改正后再保存" });
      return null;
    }
    try {
      const saved = await saveSelfEvalForm(id, payloadOf(data, form, data.version));
      synced.current = `${id}:${saved.version}`;
      setBaseline(fingerprint(saved, formOf(saved)));
      setForm(formOf(saved));
      setServerIssues(new Map());
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

  const act = async (m: ActionState) => {
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
      const next = await actOnSelfEvalForm(id, {
        version,
        action: m.action,
        ...(m.action === "submit"
          ? { note: m.comment.trim() || undefined }
          : { comment: m.comment.trim() || undefined }),
        ...(Object.keys(itemComments).length > 0 ? { itemComments } : {}),
      });
      synced.current = "";
      await afterChange(next);
      void queryClient.invalidateQueries({ queryKey: selfEvalKeys.all });
      setAlert(null);
      setTried(false);
      setModal(null);
      message.success(`已${actionLabel(m.action, data)}`);
    } catch (e) {
      failed(e);
      setModal(null);
    } finally {
      setBusy(null);
    }
  };

  const cells = makeCells({ data, form, score, editable, errors, setItem, threads, onAnswer });
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
  const reviewing = data.allowedActions.some((a) => a === "approve" || a === "return");

  const toolbar = (
    <Space wrap>
      <Button icon={<ArrowLeftOutlined />} onClick={() => confirmLeave(back)}>
        返回
      </Button>
      {editable && (
        <Button
          icon={<SaveOutlined />}
          data-testid="selfeval-save"
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
          data-testid={`selfeval-action-${a}`}
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
          {actionLabel(a, data)}
        </Button>
      ))}
    </Space>
  );

  return (
    <>
      <style>{SE_CSS + HEADER_CSS + REVIEW_CSS}</style>
      <PageTitle
        title={
          <span>
            {data.name} <SelfEvalStatusTag status={data.status} text={data.statusText} testId="selfeval-status" />
          </span>
        }
        sub={`${data.round.fiscalYear}年度${SUBJECT_KIND_LABELS[data.subjectKind]}绩效自评表 · 截止 ${data.round.dueOn}`}
        extra={phone ? undefined : toolbar}
      />
      {phone && <div style={{ marginBottom: 12 }}>{toolbar}</div>}
      {alert && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="selfeval-alert"
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
      {!editable && !reviewing && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={waitingFor(data)}
          data-testid="selfeval-readonly"
        />
      )}
      {reviewing && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="selfeval-reviewing"
          title={`${data.statusText}：请核对各项得分和偏差原因，审核通过或退回修改（退回须填写意见，可逐项指标提出）。`}
        />
      )}
      {editable && data.status === "returned" && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="selfeval-returned"
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
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }} data-testid="selfeval-status-line">
          {dirty ? "有未保存的修改。" : savedAt ? `已于 ${savedAt} 保存。` : ""}
          {submitIssues.length > 0
            ? `提交前还有 ${submitIssues.length} 处须填写或改正${tried ? "（已在各栏标红）" : ""}。`
            : "已填写完整，可以提交。"}
        </Typography.Paragraph>
      )}

      <Row gutter={12}>
        <Col xs={24} xl={16}>
          <FormHeader data={data} score={score} />
        </Col>
        <Col xs={24} xl={8}>
          <ScoreSummary data={data} score={score} />
        </Col>
      </Row>

      <Card size="small" className="jx-se-card" title="年度总体目标完成情况" data-testid="selfeval-overall">
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <div className="jx-se-label">预期目标（取自已批复的绩效目标表）</div>
            <div className="jx-se-ro">{data.overallGoal || "—"}</div>
          </Col>
          <Col xs={24} md={12}>
            <div className="jx-se-label">实际完成情况</div>
            {editable ? (
              <>
                <Input.TextArea
                  aria-label="年度总体目标实际完成情况"
                  data-testid="selfeval-overall-actual"
                  autoSize={{ minRows: 3, maxRows: 8 }}
                  maxLength={2000}
                  placeholder="对照预期目标，写明全年实际完成的工作和取得的效果"
                  value={form.overallActual}
                  status={errors.has("overallActual") ? "error" : undefined}
                  onChange={(e) => setOverall(e.target.value)}
                />
                {cells.fieldError("overallActual")}
              </>
            ) : (
              <div className="jx-se-ro">{data.overallActual || "—"}</div>
            )}
          </Col>
        </Row>
      </Card>

      <Card
        size="small"
        className="jx-se-card"
        title={`绩效指标（${data.items.length} 项）`}
        data-testid="selfeval-items"
        extra={
          editable ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              填写实际完成值后得分即时算出；未得满分的须填写偏差原因分析及改进措施
            </Typography.Text>
          ) : undefined
        }
      >
        <ItemGrid data={data} cells={cells} score={score} />
      </Card>

      {generalComments.length > 0 && (
        <Card size="small" className="jx-se-card" title="审核意见" data-testid="selfeval-general-comments">
          <CommentThread comments={generalComments} onAnswer={onAnswer} />
        </Card>
      )}

      {reviewData && reviewData.rounds.length > 0 && (
        <ReviewRecordCard
          rounds={reviewData.rounds}
          comparisons={comparisons}
          labels={SELFEVAL_SNAPSHOT_LABELS}
          item="指标"
        />
      )}

      <SelfEvalActionModal
        state={modal}
        data={data}
        busy={busy !== null}
        onChange={setModal}
        onClose={() => setModal(null)}
        onOk={(m) => void act(m)}
      />
    </>
  );
}
