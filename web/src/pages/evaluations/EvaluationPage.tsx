import {
  ArrowLeftOutlined,
  AuditOutlined,
  CheckOutlined,
  RollbackOutlined,
  SaveOutlined,
  SendOutlined,
} from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Col, Row, Skeleton, Space, Tooltip, Typography } from "antd";
import { useEffect, useMemo, useRef, useState } from "react";
import { useNavigate, useParams } from "react-router";
import { REPORT_PART_LABELS, REPORT_PARTS, type ReportPart } from "../../../../src/core/evaluations/list";
import { errorMessage, isApiError } from "../../api/client";
import {
  type EvaluationDetail,
  evaluationKeys,
  openScoring,
  reviewEvaluation,
  saveReport,
  saveSheet,
  submitEvaluation,
  submitSheet,
  useEvaluation,
  useEvaluationHistory,
} from "../../api/evaluations/evaluations";
import { useSession } from "../../auth/session";
import { AuditHistory } from "../../components/AuditHistory";
import { OpenScoringModal, ReturnModal } from "../../components/evaluations/ActionModals";
import { EvaluationParticulars, ScoreSummary } from "../../components/evaluations/EvaluationHead";
import { LedgerCard } from "../../components/evaluations/LedgerCard";
import { EvaluationStatusTag, pts } from "../../components/evaluations/labels";
import { OverrideCard } from "../../components/evaluations/OverrideCard";
import { EvidenceCard, ReportCard, type ReportForm } from "../../components/evaluations/ReportCard";
import { ReportFilesCard } from "../../components/evaluations/ReportFilesCard";
import { reportAccess } from "../../components/evaluations/reportAccess";
import { SCORE_GRID_CSS, ScoreGrid } from "../../components/evaluations/ScoreGrid";
import { SheetsCompare } from "../../components/evaluations/SheetsCompare";
import {
  type SheetForm,
  scoredCount,
  sheetFingerprint,
  sheetFormOf,
  sheetIssues,
  sheetPayload,
  sheetTotal,
} from "../../components/evaluations/sheetForm";
import { TeamCard } from "../../components/evaluations/TeamCard";
import { useBack } from "../../components/list/backTo";
import { PageError } from "../../components/PageError";
import { PageTitle } from "../../components/PageTitle";
import { useIsPhone } from "../../components/phone/useIsPhone";
import { useLeaveGuard } from "../../components/unsaved/useLeaveGuard";
import { dateTime } from "../../format";
import NotFoundPage from "../NotFoundPage";

export default function EvaluationPage() {
  const id = Number(useParams().id);
  if (!Number.isInteger(id) || id <= 0) return <NotFoundPage />;
  return <EvaluationLoader key={id} id={id} />;
}

function EvaluationLoader({ id }: { id: number }) {
  const q = useEvaluation(id);
  if (isApiError(q.error) && q.error.status === 404) return <NotFoundPage />;
  if (q.error && !q.data) return <PageError error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data)
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 12 }} />
      </Card>
    );
  return <EvaluationEditor data={q.data} refetch={() => q.refetch()} />;
}

/** The sheet this page edits or shows first: the viewer's own, else (a department evaluation) the department's. */
const sheetMemberOf = (d: EvaluationDetail) =>
  d.members.find((m) => m.id === d.myMemberId) ?? (d.kind === "department" ? (d.members[0] ?? null) : null);

const reportOf = (d: EvaluationDetail): ReportForm => ({ ...d.report });
const reportFingerprint = (r: ReportForm) => JSON.stringify(REPORT_PARTS.map((p) => r[p].trim()));

/** Where the evaluation stands, in words, for whoever cannot act on it now. */
function standing(d: EvaluationDetail, finance: boolean): string | null {
  const submitted = d.members.filter((m) => m.submitted).length;
  const mine = d.members.find((m) => m.id === d.myMemberId);
  if (d.status === "final") return `已于 ${dateTime(d.finalisedAt).slice(0, 16)} 定稿。`;
  if (d.kind === "key") {
    if (d.status === "draft") return finance ? null : "财政正在组建评价组，尚未开始评分。";
    if (mine?.submitted) return "您已提交评分，不能再修改；其他专家已提交的评分可在下方查看。";
    if (finance)
      return submitted === d.members.length
        ? "全部专家已提交评分：核对评分后可定稿（如需调整得分，须写明理由）。"
        : `专家评分中：${submitted}/${d.members.length} 位已提交。全部提交后才能定稿。`;
    return mine ? null : "专家评分中。";
  }
  if (d.status === "submitted")
    return finance ? "部门已提交：请审核评分、评价报告和佐证材料，定稿或退回（退回须填写意见）。" : "已提交财政审核。";
  if (finance) return d.status === "returned" ? "已退回部门修改。" : "部门正在评价。";
  return null;
}

function EvaluationEditor({ data, refetch }: { data: EvaluationDetail; refetch: () => Promise<unknown> }) {
  const { id } = data;
  const { can, me } = useSession();
  const finance = can("evaluation.manage");
  const navigate = useNavigate();
  const reportRights = reportAccess(data, me.role);
  const back = useBack("/evaluations");
  const queryClient = useQueryClient();
  const { message, modal } = App.useApp();
  const phone = useIsPhone();
  const rows = data.framework;
  const member = sheetMemberOf(data);
  const editable = data.canScore;
  const department = data.kind === "department";

  // The forms follow the server's until edited; a new version from the server replaces them.
  const [sheet, setSheet] = useState<SheetForm>(() => sheetFormOf(rows, member));
  const [report, setReport] = useState<ReportForm>(() => reportOf(data));
  const [baseline, setBaseline] = useState(() => ({
    sheet: sheetFingerprint(rows, sheetFormOf(rows, member)),
    report: reportFingerprint(reportOf(data)),
  }));
  const stamp = `${data.id}:${data.version}:${member?.version ?? 0}`;
  const synced = useRef(stamp);
  useEffect(() => {
    if (synced.current === stamp) return;
    synced.current = stamp;
    const m = sheetMemberOf(data);
    const s = sheetFormOf(data.framework, m);
    setSheet(s);
    setReport(reportOf(data));
    setBaseline({ sheet: sheetFingerprint(data.framework, s), report: reportFingerprint(reportOf(data)) });
  }, [data, stamp]);
  const sheetDirty = editable && sheetFingerprint(rows, sheet) !== baseline.sheet;
  const reportDirty = editable && department && reportFingerprint(report) !== baseline.report;
  const dirty = sheetDirty || reportDirty;
  const confirmLeave = useLeaveGuard(dirty);

  const [busy, setBusy] = useState<string | null>(null);
  const [alert, setAlert] = useState<{ title: string; stale?: boolean } | null>(null);
  const [tried, setTried] = useState(false);
  const [reportErrors, setReportErrors] = useState<Map<string, string>>(new Map());
  const [opening, setOpening] = useState(false);
  const [returning, setReturning] = useState(false);
  const issues = useMemo(
    () => (editable ? sheetIssues(rows, sheet, tried) : new Map()),
    [editable, rows, sheet, tried],
  );
  const history = useEvaluationHistory(id);

  const apply = async (next: EvaluationDetail) => {
    queryClient.setQueryData(evaluationKeys.detail(id), next);
    await queryClient.invalidateQueries({
      queryKey: evaluationKeys.all,
      predicate: (q) => q.queryKey[1] !== "one",
    });
  };
  const failed = (e: unknown) => {
    if (isApiError(e) && e.code === "STALE_VERSION")
      return setAlert({ title: "该评价已被他人修改，请刷新后重试", stale: true });
    if (isApiError(e) && e.code === "EVALUATION_REPORT_INVALID") {
      const field = (e.details as { field?: string } | undefined)?.field;
      if (field) setReportErrors(new Map([[field, e.message]]));
    }
    setAlert({ title: errorMessage(e) });
  };

  /** Saves what changed (the sheet, then the report); the evaluation as saved, or null when it failed. */
  const save = async (): Promise<EvaluationDetail | null> => {
    if (sheetIssues(rows, sheet, false).size > 0) {
      setAlert({ title: "有得分超出范围，请按标红的提示改正后再保存" });
      return null;
    }
    try {
      let next = data;
      if (sheetDirty && member)
        next = await saveSheet(id, { version: member.version, scores: sheetPayload(rows, sheet) });
      if (reportDirty) next = await saveReport(id, { version: next.version, ...report });
      if (next !== data) {
        synced.current = `${next.id}:${next.version}:${sheetMemberOf(next)?.version ?? 0}`;
        const s = sheetFormOf(next.framework, sheetMemberOf(next));
        setSheet(s);
        setReport(reportOf(next));
        setBaseline({ sheet: sheetFingerprint(next.framework, s), report: reportFingerprint(reportOf(next)) });
        await apply(next);
      }
      setAlert(null);
      setReportErrors(new Map());
      return next;
    } catch (e) {
      failed(e);
      return null;
    }
  };

  const run = async (what: string, act: () => Promise<EvaluationDetail>, done: string) => {
    setBusy(what);
    try {
      const next = await act();
      synced.current = "";
      await apply(next);
      setAlert(null);
      message.success(done);
      return true;
    } catch (e) {
      failed(e);
      return false;
    } finally {
      setBusy(null);
    }
  };

  const onSave = async () => {
    setBusy("save");
    if (await save()) message.success("已保存");
    setBusy(null);
  };

  /** 提交评分 (an expert) or 提交财政审核 (the department): complete first, then asked once. */
  const onSubmit = () => {
    setTried(true);
    const missing = sheetIssues(rows, sheet, true);
    if (missing.size > 0)
      return setAlert({ title: `还有 ${missing.size} 项指标未评分或得分有误，请按标红的提示补充后再提交` });
    if (department) {
      const empty = REPORT_PARTS.filter((p) => report[p].trim() === "");
      if (empty.length > 0) {
        setReportErrors(new Map(empty.map((p) => [p, "请填写"])));
        return setAlert({ title: `请填写评价报告：${empty.map((p) => REPORT_PART_LABELS[p]).join("、")}` });
      }
    }
    modal.confirm({
      title: department ? "提交财政审核？" : "提交评分？",
      content: department
        ? `评价得分 ${pts(sheetTotal(rows, sheet))} 分。提交后不能修改，财政退回后可再修改。`
        : `您的评分合计 ${pts(sheetTotal(rows, sheet))} 分。提交后不能再修改；提交后可看到其他专家已提交的评分。`,
      okText: "提交",
      cancelText: "再看看",
      okButtonProps: { "data-testid": "ev-submit-ok" },
      onOk: async () => {
        setBusy("submit");
        const saved = dirty ? await save() : data;
        setBusy(null);
        if (!saved) return;
        const sheetVersion = sheetMemberOf(saved)?.version ?? 0;
        await run(
          "submit",
          () => (department ? submitEvaluation(id, saved.version) : submitSheet(id, sheetVersion)),
          department ? "已提交财政审核" : "已提交评分",
        );
      },
    });
  };

  const notIn = data.members.filter((m) => !m.submitted).map((m) => m.expert?.name ?? "部门");
  const finaliseReason =
    data.kind === "key"
      ? data.members.length === 0
        ? "尚未组建评价组"
        : notIn.length > 0
          ? `尚有 ${notIn.length} 位专家未提交评分：${notIn.join("、")}`
          : null
      : null;
  const onFinalise = () =>
    modal.confirm({
      title: "定稿？",
      content: `评价得分 ${pts(data.scores?.score)} 分（${data.scores?.how ?? ""}）。定稿后不能再评分或调整得分。`,
      okText: "定稿",
      cancelText: "取消",
      okButtonProps: { "data-testid": "ev-finalise-ok" },
      onOk: () => run("finalise", () => reviewEvaluation(id, { version: data.version, action: "finalise" }), "已定稿"),
    });

  const canFinalise = finance && (data.kind === "key" ? data.status === "scoring" : data.status === "submitted");
  const toolbar = (
    <Space wrap>
      <Button icon={<ArrowLeftOutlined />} onClick={() => confirmLeave(back)}>
        返回
      </Button>
      {editable && (
        <Button
          icon={<SaveOutlined />}
          data-testid="ev-save"
          loading={busy === "save"}
          disabled={busy !== null || !dirty}
          onClick={() => void onSave()}
        >
          保存
        </Button>
      )}
      {editable && (
        <Button
          type="primary"
          icon={<SendOutlined />}
          data-testid="ev-submit"
          loading={busy === "submit"}
          disabled={busy !== null}
          onClick={onSubmit}
        >
          {department ? "提交财政审核" : "提交评分"}
        </Button>
      )}
      {finance && department && data.status === "submitted" && (
        <Button
          danger
          icon={<RollbackOutlined />}
          data-testid="ev-return"
          disabled={busy !== null}
          onClick={() => setReturning(true)}
        >
          退回
        </Button>
      )}
      {data.status === "final" && can("rectification.issue") && (
        <Button
          icon={<AuditOutlined />}
          data-testid="ev-issue-rectification"
          onClick={() => navigate(`/rectification/new?source=evaluation&evaluationId=${id}`)}
        >
          发整改通知
        </Button>
      )}
      {canFinalise && (
        <Tooltip title={finaliseReason}>
          <Button
            type="primary"
            icon={<CheckOutlined />}
            data-testid="ev-finalise"
            loading={busy === "finalise"}
            disabled={busy !== null || finaliseReason !== null}
            onClick={onFinalise}
          >
            定稿
          </Button>
        </Tooltip>
      )}
    </Space>
  );

  const words = standing(data, finance);
  const own = data.members.find((m) => m.id === data.myMemberId) ?? null;
  const others = data.members.filter((m) => m.visible && m.id !== own?.id);
  const filled = scoredCount(rows, sheet);
  return (
    <>
      <style>{`${SCORE_GRID_CSS}.jx-ev-card { margin-bottom: 12px; }`}</style>
      <PageTitle
        title={
          <span>
            {data.project.name} <EvaluationStatusTag status={data.status} testId="ev-status" />
          </span>
        }
        sub={`${data.fiscalYear}年度${data.kindLabel}`}
        extra={phone ? undefined : toolbar}
      />
      {phone && <div style={{ marginBottom: 12 }}>{toolbar}</div>}
      {alert && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="ev-alert"
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
      {data.status === "returned" && data.returnNote && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="ev-returned"
          title={editable ? "财政退回了评价，请按意见修改后重新提交" : "已退回部门修改"}
          description={`退回意见：${data.returnNote}`}
        />
      )}
      {words && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={words} data-testid="ev-standing" />}
      {finance && data.kind === "key" && data.status === "scoring" && finaliseReason && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }} data-testid="ev-finalise-reason">
          定稿：{finaliseReason}
        </Typography.Paragraph>
      )}

      <Row gutter={12}>
        <Col xs={24} xl={14}>
          <EvaluationParticulars data={data} />
        </Col>
        <Col xs={24} xl={10}>
          <ScoreSummary data={data} />
        </Col>
      </Row>

      {data.kind === "key" && (
        <TeamCard
          key={`team-${data.version}`}
          data={data}
          finance={finance}
          onSaved={(next) => {
            void apply(next);
            message.success("评价组已保存");
          }}
          onOpenScoring={() => setOpening(true)}
        />
      )}
      {finance && data.kind === "key" && data.status === "scoring" && (
        <OverrideCard
          key={`override-${data.version}`}
          data={data}
          onSaved={(next) => void apply(next).then(() => message.success("已保存"))}
        />
      )}
      {finance && data.kind === "key" && data.status === "final" && <LedgerCard data={data} />}

      {member && (editable || member.visible) && (
        <Card
          size="small"
          className="jx-ev-card"
          data-testid="ev-sheet"
          title={own ? (department ? "部门评分" : "我的评分") : "部门评分"}
          extra={
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="ev-sheet-status">
              {editable
                ? `已评 ${filled}/${rows.length} 项 · 合计 ${pts(sheetTotal(rows, sheet))} 分${dirty ? " · 有未保存的修改" : ""}`
                : member.submitted
                  ? `已于 ${dateTime(member.submittedAt).slice(0, 16)} 提交 · 合计 ${pts(member.total)} 分`
                  : `合计 ${pts(member.total)} 分`}
            </Typography.Text>
          }
        >
          {editable && !department && (
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              背靠背评分：请独立评分，提交前看不到其他专家的评分。每项得分在 0
              至该项分值之间，最多两位小数；扣分的写明依据。
            </Typography.Paragraph>
          )}
          <ScoreGrid
            rows={rows}
            form={sheet}
            editable={editable}
            errors={issues}
            setItem={(uid, patch) => setSheet((f) => ({ ...f, [uid]: { ...f[uid]!, ...patch } }))}
          />
        </Card>
      )}

      {data.kind === "key" &&
        data.status !== "draft" &&
        (others.length > 0 || (finance && data.members.length > 0)) && (
          <Card
            size="small"
            className="jx-ev-card"
            data-testid="ev-sheets"
            title={finance ? "各专家评分对照" : "其他专家已提交的评分"}
          >
            <SheetsCompare data={data} />
          </Card>
        )}
      {data.kind === "key" && own && !own.submitted && data.members.length > 1 && (
        <Typography.Paragraph type="secondary" data-testid="ev-blind-note">
          其他专家的评分在您提交自己的评分后显示。
        </Typography.Paragraph>
      )}

      {department && (
        <>
          <ReportCard
            form={report}
            editable={editable}
            errors={reportErrors}
            onChange={(p: ReportPart, text) => {
              setReport((r) => ({ ...r, [p]: text }));
              setReportErrors((m) => (m.has(p) ? new Map([...m].filter(([k]) => k !== p)) : m));
            }}
          />
          <EvidenceCard id={id} />
        </>
      )}

      {reportRights.read && <ReportFilesCard data={data} canUpload={reportRights.upload} />}

      <Card size="small" className="jx-ev-card" title="变更记录">
        {history.data ? (
          <AuditHistory entries={history.data.rows} testId="ev-history" />
        ) : (
          <Skeleton active paragraph={{ rows: 2 }} />
        )}
      </Card>

      <OpenScoringModal
        open={opening}
        year={data.fiscalYear}
        experts={data.members.map((m) => m.expert?.name ?? "")}
        busy={busy === "open"}
        onClose={() => setOpening(false)}
        onOk={(dueOn) =>
          void run(
            "open",
            () => openScoring(id, { version: data.version, dueOn }),
            "已开始评分，专家已收到评分任务",
          ).then(() => setOpening(false))
        }
      />
      <ReturnModal
        open={returning}
        busy={busy === "return"}
        onClose={() => setReturning(false)}
        onOk={(note) =>
          void run(
            "return",
            () => reviewEvaluation(id, { version: data.version, action: "return", note }),
            "已退回",
          ).then((ok) => ok && setReturning(false))
        }
      />
    </>
  );
}
