import {
  ArrowLeftOutlined,
  CheckOutlined,
  CopyOutlined,
  FileWordOutlined,
  RollbackOutlined,
  SaveOutlined,
  SendOutlined,
} from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Col, Input, Row, Skeleton, Space, Tag, Tooltip, Typography } from "antd";
import { useEffect, useMemo, useRef, useState } from "react";
import { useParams } from "react-router";
import { GRADE_BANDS } from "../../../../src/core/selfeval/grade";
import type { ReviewAction } from "../../../../src/core/selfeval/review";
import { errorMessage, isApiError } from "../../api/client";
import {
  actOnReview,
  guidanceLetterUrl,
  type ReviewDetail,
  reviewKeys,
  saveReview,
  useReview,
} from "../../api/review/review";
import { useSession } from "../../auth/session";
import { useBack } from "../../components/list/backTo";
import { PageError } from "../../components/PageError";
import { PageTitle } from "../../components/PageTitle";
import { useIsPhone } from "../../components/phone/useIsPhone";
import { HEADER_CSS } from "../../components/selfeval/FormHeader";
import { GradeTag, SUBJECT_KIND_LABELS } from "../../components/selfeval/labels";
import { BasisTag, letterOrgOf, pts, ReviewStatusTag, signed } from "../../components/spot-check/labels";
import {
  REVIEW_ACTION_LABELS,
  ReviewActionModal,
  type ReviewActionState,
} from "../../components/spot-check/ReviewActionModal";
import { REVIEW_GRID_CSS, ReviewItemGrid } from "../../components/spot-check/ReviewItemGrid";
import {
  fillFromSelf,
  issuesByField,
  issuesOfError,
  liveReviewScore,
  type ReviewForm,
  type ReviewItemForm,
  reviewFingerprint,
  reviewFormOf,
  reviewIssues,
  reviewPayloadOf,
} from "../../components/spot-check/reviewForm";
import { useLeaveGuard } from "../../components/unsaved/useLeaveGuard";
import { dateTime, rateOf, wan } from "../../format";
import NotFoundPage from "../NotFoundPage";

const STALE_TEXT = "该复核任务已被他人修改，请刷新后重试";

export default function ReviewItemPage() {
  const id = Number(useParams().id);
  if (!Number.isInteger(id) || id <= 0) return <NotFoundPage />;
  return <ReviewLoader key={id} id={id} />;
}

function ReviewLoader({ id }: { id: number }) {
  const q = useReview(id);
  if (isApiError(q.error) && q.error.status === 404) return <NotFoundPage />;
  if (q.error && !q.data) return <PageError error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data)
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 12 }} />
      </Card>
    );
  return <ReviewEditor data={q.data} refetch={() => q.refetch()} />;
}

/** Where the review stands, in words, for whoever cannot act on it now. */
function waitingFor(d: ReviewDetail, finance: boolean): string {
  switch (d.status) {
    case "unassigned":
      return "尚未分配复核人员。";
    case "assigned":
    case "returned":
      return `复核人员${d.reviewer?.name ?? ""}正在复核评分。`;
    case "submitted":
      return finance ? "复核人员已提交，待财政确认。" : "已提交，待财政确认；财政退回后可修改。";
    case "confirmed":
      return `财政已于 ${dateTime(d.confirmedAt).slice(0, 10)} 确认复核结果。`;
  }
}

/** The two totals side by side, the difference and whether the unit overrated itself. */
function ScoreCompare({
  data,
  review,
}: {
  data: ReviewDetail;
  review: { total: number | null; grade: ReviewDetail["reviewGrade"]; how: string; unscorable: number };
}) {
  const difference =
    data.selfTotal !== null && review.total !== null ? Math.round((data.selfTotal - review.total) * 100) / 100 : null;
  const overrated = difference !== null && difference > data.overrateThreshold;
  const big = { fontSize: 32, lineHeight: "40px", fontWeight: 600 } as const;
  return (
    <Card
      size="small"
      title="得分对比"
      className="jx-se-card"
      data-testid="review-scores"
      style={{ height: "calc(100% - 12px)" }}
    >
      <div style={{ display: "flex", gap: 24, flexWrap: "wrap", alignItems: "flex-end" }}>
        <div>
          <Typography.Text type="secondary">单位自评</Typography.Text>
          <div>
            <span className="jx-num" style={{ ...big, color: "rgba(0,0,0,0.55)" }} data-testid="review-self-total">
              {pts(data.selfTotal)}
            </span>{" "}
            <GradeTag grade={data.selfGrade} labels={data.gradeLabels} />
          </div>
        </div>
        <div>
          <Typography.Text type="secondary">复核</Typography.Text>
          <div>
            <span className="jx-num" style={big} data-testid="review-total-score">
              {pts(review.total)}
            </span>{" "}
            <GradeTag grade={review.grade} labels={data.gradeLabels} testId="review-grade" />
          </div>
        </div>
        <div>
          <Typography.Text type="secondary">差异（自评−复核）</Typography.Text>
          <div className="jx-num" style={{ fontSize: 20, lineHeight: "40px" }} data-testid="review-difference">
            {signed(difference)}{" "}
            {overrated && (
              <Tag color="red" data-testid="review-overrated-tag">
                自评偏高
              </Tag>
            )}
          </div>
        </div>
      </div>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: "6px 0 0" }}>
        {review.total === null
          ? review.unscorable > 0
            ? `还有 ${review.unscorable} 项未复核评分，评完后得出复核总分。`
            : review.how
          : `复核总分：${review.how}${review.grade ? `（${GRADE_BANDS[review.grade]}）` : ""}。`}
        预算执行率得分为事实，按单位提交时的预算数和执行数计算，复核不调整。自评分高出复核分超过{" "}
        {pts(data.overrateThreshold)} 分的标为“自评偏高”。
      </Typography.Paragraph>
    </Card>
  );
}

/** 项目基本情况 as submitted: who, the money in 万元 and the execution rate (a fact the review keeps). */
function ReviewHead({ data }: { data: ReviewDetail }) {
  const f = data.form.figures;
  const project = data.subjectKind === "project";
  const ex = data.execution;
  return (
    <Card
      size="small"
      className="jx-se-card"
      title={project ? "项目基本情况" : "部门基本情况"}
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          金额单位：万元
        </Typography.Text>
      }
      data-testid="review-head"
    >
      <table className="jx-se-head">
        <tbody>
          <tr>
            <th style={{ width: "18%" }}>{project ? "项目名称" : "部门名称"}</th>
            <td className="jx-se-left" colSpan={4}>
              {data.name}
              <Typography.Text type="secondary" className="jx-num" style={{ marginLeft: 8, fontSize: 12 }}>
                {data.code}
              </Typography.Text>
            </td>
          </tr>
          {project && (
            <tr>
              <th>主管部门</th>
              <td className="jx-se-left" colSpan={2}>
                {data.department.name}
              </td>
              <th>实施单位</th>
              <td className="jx-se-left">{data.unit.name}</td>
            </tr>
          )}
          <tr>
            <th>全年预算数</th>
            <th>年初预算数</th>
            <th>全年执行数</th>
            <th>执行率</th>
            <th>{project ? "执行率得分" : "入选方式"}</th>
          </tr>
          <tr data-testid="review-figures">
            <td className="jx-num">{wan(f.adjustedBudget)}</td>
            <td className="jx-num">{wan(f.startBudget)}</td>
            <td className="jx-num">{wan(f.executed)}</td>
            <td className="jx-num">{rateOf(f.executed, f.adjustedBudget)}</td>
            <td className="jx-num">
              {project ? (
                <Tooltip title={ex?.how}>
                  <b style={{ cursor: "help" }}>
                    {ex?.points === null || ex === null ? "—" : pts(ex.points)} / {pts(data.form.executionWeight)}
                  </b>
                </Tooltip>
              ) : (
                <BasisTag basis={data.basis} />
              )}
            </td>
          </tr>
        </tbody>
      </table>
    </Card>
  );
}

function ReviewEditor({ data, refetch }: { data: ReviewDetail; refetch: () => Promise<unknown> }) {
  const { id } = data;
  const { me, can } = useSession();
  const finance = can("review.manage");
  const back = useBack("/review/items");
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const phone = useIsPhone();
  const editable = data.editable;

  // The form follows the server's until the reviewer edits it; a new version from the server replaces it.
  const [form, setForm] = useState<ReviewForm>(() => reviewFormOf(data));
  const [baseline, setBaseline] = useState(() => reviewFingerprint(data, reviewFormOf(data)));
  const synced = useRef(`${data.id}:${data.version}`);
  useEffect(() => {
    const key = `${data.id}:${data.version}`;
    if (synced.current === key) return;
    synced.current = key;
    const next = reviewFormOf(data);
    setForm(next);
    setBaseline(reviewFingerprint(data, next));
  }, [data]);
  const dirty = editable && reviewFingerprint(data, form) !== baseline;
  const confirmLeave = useLeaveGuard(dirty);

  const [busy, setBusy] = useState<ReviewAction | "save" | null>(null);
  const [alert, setAlert] = useState<{ title: string; stale?: boolean } | null>(null);
  const [tried, setTried] = useState(false);
  const [modal, setModal] = useState<ReviewActionState | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [serverIssues, setServerIssues] = useState<Map<string, string>>(new Map());

  // Scored and checked as the reviewer types, by the same core functions the server applies.
  const score = useMemo(() => liveReviewScore(data, form), [data, form]);
  const draftIssues = useMemo(() => (editable ? reviewIssues(data, form, "draft") : []), [editable, data, form]);
  const submitIssues = useMemo(() => (editable ? reviewIssues(data, form, "submit") : []), [editable, data, form]);
  const errors = useMemo(() => {
    const m = issuesByField(tried ? submitIssues : draftIssues);
    for (const [k, v] of serverIssues) if (!m.has(k)) m.set(k, v);
    return m;
  }, [tried, submitIssues, draftIssues, serverIssues]);
  const blocksSave = draftIssues.some((i) => i.blocks === "save");
  const difference =
    data.selfTotal !== null && score.total !== null ? Math.round((data.selfTotal - score.total) * 100) / 100 : null;

  const clearServer = (fields: string[]) =>
    setServerIssues((m) => (fields.some((f) => m.has(f)) ? new Map([...m].filter(([k]) => !fields.includes(k))) : m));
  const setItem = (uid: string, patch: Partial<ReviewItemForm>) => {
    setForm((f) => ({ ...f, items: { ...f.items, [uid]: { ...f.items[uid]!, ...patch } } }));
    clearServer(Object.keys(patch).map((k) => `items.${uid}.${k === "notApplicable" ? "points" : k}`));
  };
  const setGuidance = (guidance: string) => {
    setForm((f) => ({ ...f, guidance }));
    clearServer(["guidance"]);
  };

  const afterChange = async (next: ReviewDetail) => {
    queryClient.setQueryData(reviewKeys.detail(id), next);
    await queryClient.invalidateQueries({ queryKey: reviewKeys.all, predicate: (q) => q.queryKey[1] !== "item" });
  };
  const failed = (e: unknown) => {
    if (isApiError(e) && (e.code === "STALE_VERSION" || e.status === 409)) {
      setAlert({ title: isApiError(e) && e.code !== "STALE_VERSION" ? errorMessage(e) : STALE_TEXT, stale: true });
      return;
    }
    const issues = isApiError(e) ? issuesOfError(e.details) : [];
    if (issues.length > 0) {
      setServerIssues(issuesByField(issues));
      setAlert({ title: `${errorMessage(e)}${issues.length > 1 ? `（共 ${issues.length} 处，已在各栏标红）` : ""}` });
    } else setAlert({ title: errorMessage(e) });
  };

  /** Saves the re-scoring; the new version, or null when it failed (the reason is on the page). */
  const save = async (): Promise<number | null> => {
    if (blocksSave) {
      setAlert({ title: "有填写错误，请按标红的提示改正后再保存" });
      return null;
    }
    try {
      const saved = await saveReview(id, reviewPayloadOf(data, form, data.version));
      synced.current = `${id}:${saved.version}`;
      setBaseline(reviewFingerprint(saved, reviewFormOf(saved)));
      setForm(reviewFormOf(saved));
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
    if ((await save()) !== null) message.success("已保存");
    setBusy(null);
  };

  const act = async (m: ReviewActionState) => {
    setBusy(m.action);
    try {
      let version = data.version;
      if (m.action === "submit" && dirty) {
        const v = await save();
        if (v === null) {
          setModal(null);
          return;
        }
        version = v;
      }
      const next = await actOnReview(id, {
        version,
        action: m.action,
        ...(m.comment.trim() ? { comment: m.comment.trim() } : {}),
      });
      synced.current = "";
      await afterChange(next);
      setAlert(null);
      setTried(false);
      setModal(null);
      message.success(`已${REVIEW_ACTION_LABELS[m.action]}`);
    } catch (e) {
      failed(e);
      setModal(null);
    } finally {
      setBusy(null);
    }
  };

  const open = (a: ReviewAction) => {
    if (a === "submit") {
      setTried(true);
      if (submitIssues.length > 0) {
        setAlert({ title: `还有 ${submitIssues.length} 处须填写或改正，请按标红的提示补充后再提交` });
        return;
      }
    }
    setModal({ action: a, comment: "" });
  };

  const unscored = data.items.filter((i) => {
    const a = form.items[i.uid];
    return !a?.notApplicable && a?.points === null;
  }).length;
  const letterOrg = letterOrgOf(data);
  const toolbar = (
    <Space wrap>
      <Button icon={<ArrowLeftOutlined />} onClick={() => confirmLeave(back)}>
        返回
      </Button>
      {data.status === "confirmed" && me.role !== "firm" && (
        <Tooltip title={`给${letterOrg.name}的指导意见书（本单位全部已确认的复核结果）`}>
          <Button
            icon={<FileWordOutlined />}
            href={guidanceLetterUrl(data.fiscalYear, letterOrg.id)}
            download
            data-testid="review-letter"
          >
            下载指导意见
          </Button>
        </Tooltip>
      )}
      {editable && (
        <Button
          icon={<SaveOutlined />}
          data-testid="review-save"
          loading={busy === "save"}
          disabled={busy !== null && busy !== "save"}
          onClick={() => void onSave()}
        >
          保存
        </Button>
      )}
      {data.allowedActions.map((a) => (
        <Button
          key={a}
          type={a === "return" ? "default" : "primary"}
          danger={a === "return"}
          icon={a === "submit" ? <SendOutlined /> : a === "confirm" ? <CheckOutlined /> : <RollbackOutlined />}
          data-testid={`review-action-${a}`}
          loading={busy === a}
          disabled={busy !== null && busy !== a}
          onClick={() => open(a)}
        >
          {a === "submit" ? "提交复核结果" : a === "confirm" ? "确认复核结果" : "退回"}
        </Button>
      ))}
    </Space>
  );

  const deciding = data.allowedActions.includes("confirm");
  return (
    <>
      <style>{`${HEADER_CSS}${REVIEW_GRID_CSS}.jx-se-card { margin-bottom: 12px; }`}</style>
      <PageTitle
        title={
          <span>
            {data.name} <ReviewStatusTag status={data.status} testId="review-status" />
          </span>
        }
        sub={`${data.fiscalYear}年度${SUBJECT_KIND_LABELS[data.subjectKind]}自评抽查复核 · 复核人员：${
          data.reviewer ? `${data.reviewer.name}（${data.firm?.name ?? ""}）` : "未分配"
        }`}
        extra={phone ? undefined : toolbar}
      />
      {phone && <div style={{ marginBottom: 12 }}>{toolbar}</div>}
      {alert && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="review-alert"
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
      {data.status === "returned" && data.reviewNote && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="review-returned"
          title={editable ? "财政退回了复核结果，请按意见修改后重新提交" : "财政已退回复核结果"}
          description={`退回意见：${data.reviewNote}`}
        />
      )}
      {deciding && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="review-deciding"
          title="复核人员已提交：请核对逐项复核得分和意见，确认或退回（退回须填写意见）。"
        />
      )}
      {!editable && !deciding && data.status !== "returned" && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={waitingFor(data, finance)}
          data-testid="review-readonly"
        />
      )}
      {data.status === "confirmed" && data.reviewNote && (
        <Alert type="success" showIcon style={{ marginBottom: 12 }} title={`财政确认意见：${data.reviewNote}`} />
      )}
      {editable && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }} data-testid="review-status-line">
          {dirty ? "有未保存的修改。" : savedAt ? `已于 ${savedAt} 保存。` : ""}
          {submitIssues.length > 0
            ? `提交前还有 ${submitIssues.length} 处须填写或改正${tried ? "（已在各栏标红）" : ""}。`
            : "已填写完整，可以提交。"}
        </Typography.Paragraph>
      )}

      <Row gutter={12}>
        <Col xs={24} xl={14}>
          <ReviewHead data={data} />
        </Col>
        <Col xs={24} xl={10}>
          <ScoreCompare data={data} review={score} />
        </Col>
      </Row>

      <Card size="small" className="jx-se-card" title="年度总体目标完成情况">
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              预期目标
            </Typography.Text>
            <div style={{ whiteSpace: "pre-wrap" }}>{data.form.overallGoal || "—"}</div>
          </Col>
          <Col xs={24} md={12}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              单位填报的实际完成情况
            </Typography.Text>
            <div style={{ whiteSpace: "pre-wrap" }}>{data.form.overallActual || "—"}</div>
          </Col>
        </Row>
      </Card>

      <Card
        size="small"
        className="jx-se-card"
        title={`逐项复核（${data.items.length} 项）`}
        data-testid="review-items"
        extra={
          editable ? (
            <Space wrap>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                与自评不同的须写明复核意见
              </Typography.Text>
              <Tooltip title="未评分的指标先按单位自评得分填入，再逐项修改不同意的">
                <Button
                  size="small"
                  icon={<CopyOutlined />}
                  disabled={unscored === 0}
                  onClick={() => setForm((f) => fillFromSelf(data, f))}
                  data-testid="review-fill-self"
                >
                  未评的按自评得分填入
                </Button>
              </Tooltip>
            </Space>
          ) : undefined
        }
      >
        <ReviewItemGrid data={data} form={form} score={score} editable={editable} errors={errors} setItem={setItem} />
      </Card>

      <Card size="small" className="jx-se-card" title="指导意见（给单位）" data-testid="review-guidance">
        {editable ? (
          <>
            <Input.TextArea
              aria-label="指导意见"
              data-testid="review-guidance-input"
              autoSize={{ minRows: 3, maxRows: 12 }}
              maxLength={5000}
              showCount
              placeholder="对照复核发现，写明单位在绩效目标设置、自评打分、佐证材料等方面须改进之处"
              status={errors.has("guidance") ? "error" : undefined}
              value={form.guidance}
              onChange={(e) => setGuidance(e.target.value)}
            />
            {errors.get("guidance") && (
              <div className="jx-rv-error" data-testid="review-field-error" data-field="guidance">
                {errors.get("guidance")}
              </div>
            )}
          </>
        ) : (
          <div style={{ whiteSpace: "pre-wrap" }}>{data.guidance || "—"}</div>
        )}
      </Card>

      <ReviewActionModal
        state={modal}
        busy={busy !== null}
        scores={{
          self: data.selfTotal,
          review: score.total,
          difference,
          overrated: difference !== null && difference > data.overrateThreshold,
        }}
        onChange={setModal}
        onClose={() => setModal(null)}
        onOk={(m) => void act(m)}
      />
    </>
  );
}
