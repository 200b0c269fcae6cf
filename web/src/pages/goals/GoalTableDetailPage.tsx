import {
  ArrowLeftOutlined,
  BookOutlined,
  CheckOutlined,
  EditOutlined,
  MessageOutlined,
  ReloadOutlined,
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
  Row,
  Skeleton,
  Space,
  Tag,
  Tooltip,
  Typography,
} from "antd";
import { type ReactNode, useEffect, useMemo, useRef, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import type { GoalFinding } from "../../../../src/core/goals/quality";
import { GOAL_SNAPSHOT_LABELS, goalSnapshot } from "../../../../src/core/goals/snapshot";
import { GOAL_RETURNED_BY_LABELS, GOAL_STATUS_LABELS, type GoalAction } from "../../../../src/core/goals/workflow";
import { diffSnapshots, type ItemChange, type ReviewSnapshot } from "../../../../src/core/review/snapshot";
import { errorMessage, isApiError } from "../../api/client";
import {
  answerGoalComment,
  type GoalTableReview,
  goalReviewKey,
  type ReviewCommentRow,
  useGoalTableReview,
} from "../../api/goals/goal-review";
import { useGoalRules } from "../../api/goals/goal-rules";
import {
  actOnGoalTable,
  type GoalTableDetail,
  goalTableKeys,
  type IndicatorSuggestion,
  saveGoalTable,
  useGoalTable,
} from "../../api/goals/goal-tables";
import { useProjects } from "../../api/hooks";
import {
  ActionModal,
  type CommentAction,
  type CommentDraft,
  EMPTY_DRAFT,
  indicatorCommentsOf,
  withoutRow,
  withRowComment,
  withRowText,
} from "../../components/goals/ActionModal";
import { CarryOverButton } from "../../components/goals/CarryOverButton";
import { GOAL_TABLE_CSS } from "../../components/goals/css";
import { GoalTableXlsxButton } from "../../components/goals/GoalExcelActions";
import { GoalTablePrintButton } from "../../components/goals/GoalPrintButton";
import { IndicatorTable } from "../../components/goals/IndicatorTable";
import {
  checkForm,
  emptyRow,
  fingerprint,
  formOf,
  type GoalForm,
  GoalRulesContext,
  type IndicatorRow,
  insertRow,
  payloadOf,
  points,
  rowFromSuggestion,
  sortRows,
  spreadRemaining,
  useDebounced,
  useGoalRulesOfTable,
  weightHundredths,
} from "../../components/goals/indicatorForm";
import { LibraryDrawer, type LibraryRequest } from "../../components/goals/LibraryDrawer";
import { PreviousYearPanel } from "../../components/goals/PreviousYearPanel";
import { usePreviousYear } from "../../components/goals/previousYear";
import { QualityPanel } from "../../components/goals/QualityPanel";
import { GoalStatusTag } from "../../components/goals/status";
import { TransitionTimeline } from "../../components/goals/TransitionTimeline";
import { useLeaveGuard } from "../../components/goals/useLeaveGuard";
import { useBack } from "../../components/list/backTo";
import { PageError } from "../../components/PageError";
import { PageTitle } from "../../components/PageTitle";
import { useIsPhone } from "../../components/phone/useIsPhone";
import { CommentThread } from "../../components/review/CommentThread";
import { REVIEW_CSS } from "../../components/review/DiffList";
import { type Comparison, ReviewRecordCard } from "../../components/review/ReviewRecordCard";
import { dateTime, wan } from "../../format";
import NotFoundPage from "../NotFoundPage";

const STALE_TEXT = "该目标表已被他人修改，请刷新后重试";
const KIND_TEXT = { project: "项目", deptWide: "部门整体" } as const;
const FIELD_LABELS: Partial<Record<string, string>> = {
  level1: "二级指标",
  level2: "二级指标",
  name: "指标名称",
  kind: "指标性质",
  operator: "运算符",
  target: "目标值",
  unit: "计量单位",
  weight: "权重",
  explanation: "指标解释",
};

interface PageAlert {
  title: string;
  findings?: GoalFinding[] | undefined;
  stale?: boolean | undefined;
}

/** An API error as an Alert: the findings that block a submission, or a stale version with a refresh. */
function alertOf(e: unknown): PageAlert {
  if (isApiError(e)) {
    if (e.code === "STALE_VERSION" || e.status === 409) return { title: STALE_TEXT, stale: true };
    if (e.code === "GOAL_HAS_ERRORS") {
      const details = e.details as { findings?: GoalFinding[] } | undefined;
      return { title: e.message, findings: details?.findings };
    }
  }
  return { title: errorMessage(e) };
}

export default function GoalTableDetailPage() {
  const id = Number(useParams().id);
  if (!Number.isInteger(id) || id <= 0) return <NotFoundPage />;
  // A revision is another table: start afresh rather than carry one table's edits into the other.
  return <GoalTableLoader key={id} id={id} />;
}

function GoalTableLoader({ id }: { id: number }) {
  const q = useGoalTable(id);
  // The template and check policy of the table's year: the form groups and checks by them.
  const rules = useGoalRules(q.data?.table.fiscalYear ?? 0, q.data !== undefined);
  if (isApiError(q.error) && q.error.status === 404) return <NotFoundPage />;
  if (q.error && !q.data) return <PageError error={q.error} onRetry={() => void q.refetch()} />;
  if (rules.error && !rules.data) return <PageError error={rules.error} onRetry={() => void rules.refetch()} />;
  if (!q.data || !rules.data)
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 12 }} />
      </Card>
    );
  return (
    <GoalRulesContext.Provider value={rules.data}>
      <GoalTableEditor data={q.data} refetch={() => q.refetch()} />
    </GoalRulesContext.Provider>
  );
}

function GoalTableEditor({ data, refetch }: { data: GoalTableDetail; refetch: () => Promise<unknown> }) {
  const { id } = data;
  const navigate = useNavigate();
  const back = useBack("/goal-tables");
  const queryClient = useQueryClient();
  const { message, modal } = App.useApp();
  const editable = data.editable;
  const table = data.table;
  const rules = useGoalRulesOfTable();

  // The form follows the server's table until the user edits it; a new version from the server (after a
  // workflow action or a refresh) replaces it, our own save does not.
  const [form, setForm] = useState<GoalForm>(() => formOf(table, rules.template));
  const [baseline, setBaseline] = useState(() => fingerprint(formOf(table, rules.template)));
  // The form lists indicators grouped by level (formOf sorts them); the server may hold them in
  // another order (the demo does). Submitting saves first then, so that "第n行" means the same row
  // to the unit, to its reviewers and in the server's messages.
  const [storedInOrder, setStoredInOrder] = useState(() => inStoredOrder(form));
  const synced = useRef(`${data.id}:${data.version}`);
  useEffect(() => {
    const key = `${data.id}:${data.version}`;
    if (synced.current === key) return;
    synced.current = key;
    const next = formOf(data.table, rules.template);
    setForm(next);
    setBaseline(fingerprint(next));
    setStoredInOrder(inStoredOrder(next));
  }, [data, rules.template]);

  const dirty = editable && fingerprint(form) !== baseline;
  const confirmLeave = useLeaveGuard(dirty);

  const [busy, setBusy] = useState<GoalAction | "save" | null>(null);
  const [alert, setAlert] = useState<PageAlert | null>(null);
  const [modalAction, setModalAction] = useState<CommentAction | null>(null);
  const [modalError, setModalError] = useState<PageAlert | null>(null);
  const [draft, setDraft] = useState<CommentDraft>(EMPTY_DRAFT);
  const [library, setLibrary] = useState<LibraryRequest | null>(null);
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const [flash, setFlash] = useState<{ key: string; scroll: boolean } | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const overallRef = useRef<HTMLDivElement>(null);
  const indicatorsRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  // Live 智能审核: the core's rules on the form, once typing pauses. Findings point at rows of the form
  // as it was checked; they are moved to the rows' current places so a quick add or delete cannot
  // attach a hint to the wrong row.
  const settled = useDebounced(form, 250);
  const checked = useMemo(() => {
    const result = checkForm(table, settled, rules);
    const place = new Map(form.rows.map((r, i) => [r.key, i]));
    const findings: GoalFinding[] = [];
    for (const f of result.findings) {
      if (f.indicatorIndex === null) {
        findings.push(f);
        continue;
      }
      const at = place.get(settled.rows[f.indicatorIndex]?.key ?? "");
      if (at !== undefined) findings.push({ ...f, indicatorIndex: at });
    }
    const errors = findings.filter((f) => f.severity === "error").length;
    return { findings, errors, warnings: findings.length - errors, blocking: errors > 0 };
  }, [table, settled, form.rows, rules]);
  // 与上年对比: last year's table of the same subject, compared with the form as it stands.
  const previousYear = usePreviousYear(id, table, form);
  const weightTotal = weightHundredths(form.rows);
  const weightTarget = Math.round(rules.template.totalWeight * 100);

  // The last return, while the table is back with its declarer.
  const lastReturn = useMemo(
    () => (data.status === "returned" ? [...data.transitions].reverse().find((t) => t.action === "return") : undefined),
    [data.status, data.transitions],
  );
  const returnedBy = data.returnedBy ? GOAL_RETURNED_BY_LABELS[data.returnedBy] : "审核";
  // The review record: comment threads by indicator, and what changed since the last return or revision.
  const review = useGoalTableReview(id);
  const reviewData = review.data;
  const threads = useMemo(() => {
    const m = new Map<string | null, ReviewCommentRow[]>();
    for (const c of reviewData?.comments ?? []) m.set(c.itemKey, [...(m.get(c.itemKey) ?? []), c]);
    return m;
  }, [reviewData]);
  const onAnswer = async (c: ReviewCommentRow, text: string) => {
    try {
      await answerGoalComment(id, c.id, { version: c.version, answer: text });
      await queryClient.invalidateQueries({ queryKey: goalReviewKey(id) });
      message.success(text.trim() ? "已保存答复" : "已清除答复");
      return true;
    } catch (e) {
      message.error(errorMessage(e));
      return false;
    }
  };
  const liveSnapshot = useMemo(
    () => goalSnapshot({ overallGoal: settled.overallGoal, indicators: settled.rows }),
    [settled],
  );
  const comparisons = useMemo(
    () => comparisonsOf(reviewData, editable ? liveSnapshot : null),
    [reviewData, editable, liveSnapshot],
  );
  // Rows marked with what changed against the first comparison (the last return, else the previous revision).
  const changeTags = useMemo(() => {
    const first = comparisons[0];
    const m = new Map<string, ReactNode>();
    // An approved table is read as it stands; its changes are in the comparison card.
    if (!first || data.status === "approved") return m;
    const byUid = new Map(first.diff.items.map((i) => [i.key, i]));
    for (const row of form.rows) {
      const change = row.uid ? byUid.get(row.uid) : undefined;
      if (change && change.status !== "removed") m.set(row.key, <ChangeTag change={change} since={first.short} />);
    }
    return m;
  }, [comparisons, form.rows, data.status]);
  const rowTags = useMemo(() => {
    const m = new Map<string, ReactNode>(changeTags);
    for (const [k, v] of previousYear.rowTags ?? [])
      m.set(
        k,
        m.has(k) ? (
          <>
            {m.get(k)}
            {v}
          </>
        ) : (
          v
        ),
      );
    return m;
  }, [changeTags, previousYear.rowTags]);
  const shownUids = useMemo(() => new Set(form.rows.map((r) => r.uid)), [form.rows]);
  // Comments on indicators since deleted: shown with the general ones, named as they were.
  const orphanComments = useMemo(
    () => [...threads].filter(([k]) => k !== null && !shownUids.has(k)).flatMap(([, list]) => list),
    [threads, shownUids],
  );
  // On a phone the cards are long: the returned alert lists the rows with comments, a tap brings one into view.
  const phone = useIsPhone();
  const commentedRows = form.rows.flatMap((row, index) => (row.uid && threads.has(row.uid) ? [{ row, index }] : []));
  const unanswered = (reviewData?.comments ?? []).filter((c) => c.answerable && c.stage === "return" && !c.answer);
  /** A stored position (what reviewers' comments refer to) as the row the form shows now. */
  const loadedName = (index: number) => {
    const at = form.rows.findIndex((r) => r.loadedIndex === index);
    const name = form.rows[at]?.name ?? table.indicators[index]?.name;
    if (at < 0) return name ? `已删除的指标“${name}”` : `第${index + 1}项指标`;
    return `第${at + 1}行“${name}”`;
  };
  /** Comments are keyed by the indicator's uid, which stays with it through edits and revisions. */
  const uidName = (uid: string) => {
    const index = table.indicators.findIndex((i) => i.uid === uid);
    return index >= 0 ? loadedName(index) : "已删除的指标";
  };

  // The project behind a project table: its implementing unit and sector (for the 指标库).
  const projects = useProjects(
    { q: table.subjectCode, year: table.fiscalYear, page: 1, pageSize: 5 },
    table.subjectKind === "project",
  );
  const project = projects.data?.rows.find((p) => p.code === table.subjectCode);

  useEffect(() => {
    if (!flash) return;
    if (flash.scroll)
      document
        .querySelector(`.jx-gt-table [data-row-key="${flash.key}"], .jx-ic-list [data-row-key="${flash.key}"]`)
        ?.scrollIntoView({ block: "center", behavior: "smooth" });
    const t = window.setTimeout(() => setFlash(null), 1600);
    return () => window.clearTimeout(t);
  }, [flash]);

  // ---- editing
  const setRows = (rows: IndicatorRow[]) => setForm((f) => ({ ...f, rows }));
  const changeRow = (key: string, patch: Partial<IndicatorRow>) => {
    setForm((f) => {
      const rows = f.rows.map((r) => (r.key === key ? { ...r, ...patch } : r));
      const regroup = "level1" in patch || "level2" in patch;
      return { ...f, rows: regroup ? sortRows(rows, rules.template) : rows };
    });
    if ("level1" in patch || "level2" in patch) setFlash({ key, scroll: true });
  };
  const moveRow = (key: string, delta: -1 | 1) => {
    const i = form.rows.findIndex((r) => r.key === key);
    const j = i + delta;
    if (i < 0 || j < 0 || j >= form.rows.length) return;
    const rows = [...form.rows];
    [rows[i], rows[j]] = [rows[j]!, rows[i]!];
    setRows(rows);
    setFlash({ key, scroll: false });
  };
  const removeRow = (key: string) => {
    const i = form.rows.findIndex((r) => r.key === key);
    const row = form.rows[i];
    if (!row) return;
    const blank = !row.name.trim() && !row.target.trim();
    const go = () => setRows(form.rows.filter((r) => r.key !== key));
    if (blank) go();
    else
      modal.confirm({
        title: "删除指标",
        content: `确定删除第${i + 1}行“${row.name}”吗？保存后生效。`,
        okText: "删除",
        okButtonProps: { danger: true },
        onOk: go,
      });
  };
  const addRow = (row: IndicatorRow) => {
    setRows(insertRow(form.rows, row, rules.template));
    setFlash({ key: row.key, scroll: true });
  };
  const addSuggestion = (s: IndicatorSuggestion) => {
    addRow(rowFromSuggestion(s));
    const left = weightTarget - weightTotal;
    message.success(
      left > 0
        ? `已添加“${s.name}”。请核对目标值；权重还差 ${points(left)} 分，可点“分配剩余权重”`
        : `已添加“${s.name}”，请按本项目实际核对目标值并调整权重`,
    );
  };
  const waitingForWeight = form.rows.filter((r) => !(r.weight > 0)).length;
  const spreadWeights = () => {
    setRows(spreadRemaining(form.rows, weightTarget));
    message.success(`已把剩余 ${points(weightTarget - weightTotal)} 分平均分配给 ${waitingForWeight} 个未填权重的指标`);
  };
  const openLibrary = (level1?: string, level2?: string) => {
    const active = form.rows.find((r) => r.key === activeKey);
    if (level1 === undefined && active) setLibrary({ level1: active.level1, level2: active.level2 || undefined });
    else setLibrary({ level1, level2 });
  };

  const jumpTo = (f: GoalFinding) => {
    if (f.indicatorIndex === null) {
      const target = f.field === "overallGoal" ? overallRef.current : indicatorsRef.current;
      target?.scrollIntoView({ block: "center", behavior: "smooth" });
      if (f.field === "overallGoal") overallRef.current?.querySelector("textarea")?.focus({ preventScroll: true });
      return;
    }
    const row = form.rows[f.indicatorIndex];
    if (!row) return;
    setFlash({ key: row.key, scroll: true });
    const label = f.field ? FIELD_LABELS[f.field] : undefined;
    if (editable && label)
      document
        .querySelector<HTMLElement>(`[aria-label="第${f.indicatorIndex + 1}行${label}"]`)
        ?.focus({ preventScroll: true });
  };

  // ---- saving and the workflow
  const invalidateLists = () => queryClient.invalidateQueries({ queryKey: [...goalTableKeys.all, "list"] });

  /** Saves the form; the new version, or null when the save failed (the reason is on the page). */
  const save = async (): Promise<number | null> => {
    const payload = payloadOf(form, data.version);
    try {
      const saved = await saveGoalTable(id, payload);
      synced.current = `${id}:${saved.version}`;
      setBaseline(JSON.stringify([payload.overallGoal, payload.indicators]));
      setStoredInOrder(true);
      queryClient.setQueryData<GoalTableDetail>(goalTableKeys.detail(id), (old) =>
        old
          ? {
              ...old,
              version: saved.version,
              quality: saved.quality,
              updatedAt: new Date().toISOString(),
              table: { ...old.table, overallGoal: payload.overallGoal, indicators: payload.indicators },
            }
          : old,
      );
      void invalidateLists();
      setSavedAt(dateTime(new Date().toISOString()).slice(11, 16));
      setAlert(null);
      return saved.version;
    } catch (e) {
      if (isApiError(e) && e.code === "GOAL_TEXT_MARKUP") {
        const d = e.details as { row?: number | null } | undefined;
        const row = typeof d?.row === "number" ? form.rows[d.row] : undefined;
        if (row) setFlash({ key: row.key, scroll: true });
      }
      setAlert(alertOf(e));
      return null;
    }
  };

  const onSave = async () => {
    if (busy) return;
    setBusy("save");
    const v = await save();
    setBusy(null);
    if (v !== null)
      message.success(checked.errors > 0 ? `已保存。还有 ${checked.errors} 个错误，改正后才能提交` : "已保存");
  };

  // Ctrl+S saves while the table is being edited.
  const saveRef = useRef(onSave);
  saveRef.current = onSave;
  useEffect(() => {
    if (!editable) return;
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s") {
        e.preventDefault();
        void saveRef.current();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [editable]);

  const act = async (
    action: GoalAction,
    extra: { comment?: string; indicatorComments?: Record<string, string> } = {},
  ) => {
    setBusy(action);
    const inModal = action === "return" || action === "revise" || action === "approve";
    try {
      let version = data.version;
      if (action === "submit" && (dirty || !storedInOrder)) {
        const v = await save();
        if (v === null) return;
        version = v;
      }
      const res = await actOnGoalTable(id, { version, action, ...extra });
      setModalAction(null);
      setModalError(null);
      setDraft(EMPTY_DRAFT);
      setAlert(null);
      await queryClient.invalidateQueries({ queryKey: goalTableKeys.all });
      if (action === "revise") {
        message.success(`已生成第 ${res.revision} 版（草稿），修改后请重新提交`);
        navigate(`/goal-tables/${res.id}`);
        return;
      }
      const done: Record<GoalAction, string> = {
        submit: data.table.subjectKind === "project" ? "已提交，等待主管部门审核" : "已提交，等待财政审核",
        approve: res.status === "approved" ? "已审核通过，目标表已批复" : "已审核通过，已报送财政审核",
        return: "已退回",
        withdraw: "已撤回，可继续修改",
        revise: "",
      };
      message.success(done[action]);
    } catch (e) {
      if (inModal && !(isApiError(e) && e.code === "STALE_VERSION")) setModalError(alertOf(e));
      else {
        setModalAction(null);
        setAlert(alertOf(e));
      }
    } finally {
      setBusy(null);
    }
  };

  const confirmSubmit = () => {
    // A resubmission (after a return, or a revision) says what changed: the reviewer reads it with the diff.
    const resubmission = (reviewData?.rounds.length ?? 0) > 0 || data.revision > 1;
    let note = "";
    modal.confirm({
      title: resubmission ? "重新提交绩效目标表" : "提交绩效目标表",
      width: 520,
      content: (
        <>
          <p style={{ margin: 0 }}>
            提交后由{data.table.subjectKind === "project" ? "主管部门" : "财政"}审核，审核期间不能修改（可撤回）。
          </p>
          {dirty && <p style={{ margin: "8px 0 0" }}>当前修改尚未保存，将先保存再提交。</p>}
          {checked.warnings > 0 && (
            <p style={{ margin: "8px 0 0", color: "#d46b08" }}>
              还有 {checked.warnings} 个提示未处理，不影响提交，但审核时可能被退回。
            </p>
          )}
          {unanswered.length > 0 && (
            <p style={{ margin: "8px 0 0", color: "#d46b08" }} data-testid="goal-submit-unanswered">
              还有 {unanswered.length} 条退回意见未答复。可以直接提交，但答复后审核人更容易看清改了什么。
            </p>
          )}
          {resubmission && (
            <div style={{ marginTop: 12 }}>
              <div style={{ marginBottom: 4 }}>修改说明（审核人可见，可不填）</div>
              <Input.TextArea
                aria-label="修改说明"
                data-testid="goal-submit-note"
                autoSize={{ minRows: 3, maxRows: 8 }}
                maxLength={2000}
                placeholder="如：按退回意见将受益人数由 500 人调整为 650 人，删除了重复的时效指标"
                onChange={(e) => {
                  note = e.target.value;
                }}
              />
            </div>
          )}
        </>
      ),
      okText: "提交",
      onOk: () => act("submit", note.trim() ? { comment: note.trim() } : {}),
    });
  };
  const confirmWithdraw = () =>
    modal.confirm({
      title: "撤回绩效目标表",
      content: "撤回后目标表回到草稿状态，可以继续修改，修改后须重新提交。",
      okText: "撤回",
      onOk: () => act("withdraw"),
    });
  const openModal = (action: CommentAction) => {
    setModalError(null);
    setModalAction(action);
  };
  const submitModal = () => {
    if (!modalAction) return;
    const comment = draft.comment.trim();
    // The API keys comments by the indicator's uid; the draft holds the row as shown.
    const commentsByStored = indicatorCommentsOf(draft, (i) => {
      const loaded = form.rows[i]?.loadedIndex;
      return (loaded !== null && loaded !== undefined ? table.indicators[loaded]?.uid : undefined) ?? String(i);
    });
    void act(modalAction, {
      ...(comment ? { comment } : {}),
      ...((modalAction === "return" || modalAction === "approve") && commentsByStored
        ? { indicatorComments: commentsByStored }
        : {}),
    });
  };
  // 写意见 opens a multi-line field under the row itself; the comment goes with 退回 or 审核通过.
  const commentOnRow = (index: number) => setDraft((d) => withRowComment(d, index));
  const draftEditorOf = (index: number) => (
    <div className="jx-gt-draft">
      <Input.TextArea
        autoFocus
        aria-label={`第${index + 1}行的审核意见`}
        data-testid="goal-row-draft"
        autoSize={{ minRows: 2, maxRows: 8 }}
        maxLength={500}
        placeholder="对该指标的意见（可多行），随“退回”或“审核通过”一并发送"
        value={draft.rows.find((r) => r.index === index)?.text ?? ""}
        onChange={(e) => setDraft((d) => withRowText(d, index, e.target.value))}
      />
      <Button size="small" type="link" danger onClick={() => setDraft((d) => withoutRow(d, index))}>
        删除该条意见
      </Button>
    </div>
  );
  const refresh = async () => {
    synced.current = "";
    setAlert(null);
    await refetch();
  };
  const confirmRefresh = () =>
    dirty
      ? modal.confirm({
          title: "刷新将放弃本页未保存的修改",
          content: "刷新后显示他人保存的最新内容，您的修改需要重新填写。",
          okText: "刷新",
          onOk: refresh,
        })
      : void refresh();

  const can = (a: GoalAction) => data.actions.includes(a);
  const draftByIndex = useMemo(() => {
    const out: Record<number, string> = {};
    for (const r of draft.rows) if (r.index !== null) out[r.index] = r.text;
    return out;
  }, [draft]);
  const draftCount = draft.rows.filter((r) => r.index !== null && r.text.trim()).length;

  // ---- rendering
  const f = table.funds;
  const unitText = project ? `${project.unit.name}（${project.unit.code}）` : data.unitCode;
  const alertNode = (a: PageAlert | null, onClose?: () => void): ReactNode =>
    a && (
      <Alert
        type="error"
        showIcon
        data-testid="goal-error"
        style={{ marginBottom: 12 }}
        title={a.title}
        closable={onClose ? { onClose } : false}
        description={
          a.findings && a.findings.length > 0 ? (
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {a.findings.map((x, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list from one answer
                <li key={i}>
                  {x.message}
                  {x.suggestion && <Typography.Text type="secondary">（建议：{x.suggestion}）</Typography.Text>}
                </li>
              ))}
            </ul>
          ) : undefined
        }
        action={
          a.stale ? (
            <Button size="small" icon={<ReloadOutlined />} onClick={confirmRefresh}>
              刷新
            </Button>
          ) : undefined
        }
      />
    );

  const statusLine = editable
    ? null
    : data.status === "approved"
      ? can("revise")
        ? "已批复，如需修改请点“调整”生成新版本"
        : `已批复，如需修改由${table.subjectKind === "project" ? "预算单位" : "主管部门"}调整`
      : data.status === "submitted"
        ? "待主管部门审核，审核期间不能修改"
        : data.status === "dept_approved"
          ? "待财政审核，审核期间不能修改"
          : "只读";

  return (
    <>
      <style>
        {GOAL_TABLE_CSS}
        {REVIEW_CSS}
      </style>
      <PageTitle
        title={table.subjectName}
        sub={
          <Space size={8} wrap>
            <span>
              {KIND_TEXT[table.subjectKind]}绩效目标表 · {table.fiscalYear}年度
            </span>
            <GoalStatusTag status={data.status} returnedBy={data.returnedBy} testId="goal-status" />
            <span>第{data.revision}版</span>
            <InForce review={reviewData} id={id} />
          </Space>
        }
        extra={
          <>
            <GoalTableXlsxButton id={data.id} />
            <GoalTablePrintButton id={data.id} />
            <Button icon={<ArrowLeftOutlined />} onClick={() => confirmLeave(back)}>
              返回列表
            </Button>
          </>
        }
      />
      {lastReturn && (
        <Alert
          type="warning"
          showIcon
          data-testid="goal-returned-alert"
          style={{ marginBottom: 12 }}
          title={`${returnedBy}已退回：${lastReturn.actorName}（${dateTime(lastReturn.at).slice(0, 16)}）`}
          description={
            <div>
              {threads.get(null) ? (
                <CommentThread
                  comments={threads.get(null) ?? []}
                  onAnswer={editable ? onAnswer : undefined}
                  testId="goal-general-thread"
                />
              ) : (
                <div>
                  <b>退回意见：</b>
                  {lastReturn.comment}
                </div>
              )}
              {orphanComments.length > 0 && (
                <div style={{ marginTop: 6 }}>
                  <b>已删除指标的意见：</b>
                  <CommentThread comments={orphanComments} onAnswer={editable ? onAnswer : undefined} />
                </div>
              )}
              {editable && (
                <div style={{ marginTop: 4, fontSize: 12 }}>
                  请按意见修改后保存，逐条答复后重新提交。逐项意见显示在对应指标下方
                  {unanswered.length > 0 ? `，还有 ${unanswered.length} 条未答复` : "，均已答复"}。
                </div>
              )}
              {phone && commentedRows.length > 0 && (
                <div style={{ marginTop: 4 }} data-testid="goal-commented-rows">
                  {commentedRows.map(({ row, index }) => (
                    <Button
                      key={row.key}
                      size="small"
                      type="link"
                      icon={<MessageOutlined />}
                      style={{
                        paddingInline: 0,
                        marginRight: 12,
                        height: "auto",
                        whiteSpace: "normal",
                        textAlign: "left",
                      }}
                      onClick={() => setFlash({ key: row.key, scroll: true })}
                    >
                      第{index + 1}行 {row.name}
                    </Button>
                  ))}
                </div>
              )}
            </div>
          }
        />
      )}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          data-testid="goal-header"
          items={[
            {
              key: "code",
              label: table.subjectKind === "project" ? "项目编码" : "部门编码",
              children: (
                <span className="jx-num">
                  {project ? (
                    <Link to={`/projects/${project.id}`} title="查看项目（执行情况、预算）">
                      {table.subjectCode}
                    </Link>
                  ) : (
                    table.subjectCode
                  )}
                </span>
              ),
            },
            { key: "dept", label: "主管部门", children: `${data.departmentName}（${data.departmentCode}）` },
            ...(table.subjectKind === "project" ? [{ key: "unit", label: "实施单位", children: unitText }] : []),
            {
              key: "funds",
              label: "资金总额",
              children: f ? (
                <span className="jx-num">
                  {wan(f.total)} 万元
                  <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 6 }}>
                    （财政拨款 {wan(f.fiscal)}，其他资金 {wan(f.other)}）
                  </Typography.Text>
                </span>
              ) : (
                "—"
              ),
            },
            ...(project?.sector ? [{ key: "sector", label: "所属行业", children: project.sector }] : []),
            { key: "updated", label: "最近更新", children: <span className="jx-num">{dateTime(data.updatedAt)}</span> },
            ...(data.revisionReason
              ? [
                  {
                    key: "reason",
                    label: "调整原因",
                    span: 3,
                    children: <span data-testid="goal-revision-reason">{data.revisionReason}</span>,
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Row gutter={[12, 12]} align="stretch" style={{ marginBottom: 12 }}>
        <Col xs={24} xl={14}>
          <Card size="small" title="年度总体目标" style={{ height: "100%" }}>
            <div ref={overallRef} data-testid="goal-overall">
              {editable ? (
                <>
                  <Input.TextArea
                    aria-label="年度总体目标"
                    autoSize={{ minRows: 4, maxRows: 10 }}
                    maxLength={2000}
                    placeholder="写明本年度要完成的主要任务和预期效果，如：完成 3 所学校校舍改造，新增学位 600 个，师生满意度达到 90% 以上"
                    status={checked.findings.some((x) => x.field === "overallGoal") ? "error" : undefined}
                    value={form.overallGoal}
                    onChange={(e) => setForm((old) => ({ ...old, overallGoal: e.target.value }))}
                  />
                  {checked.findings
                    .filter((x) => x.field === "overallGoal")
                    .map((x) => (
                      <div key={x.code} className="jx-gt-note jx-gt-note-error" style={{ fontSize: 12, marginTop: 4 }}>
                        {x.message}
                      </div>
                    ))}
                </>
              ) : (
                <Typography.Paragraph style={{ whiteSpace: "pre-wrap", margin: 0 }}>
                  {form.overallGoal || <Typography.Text type="secondary">（未填写）</Typography.Text>}
                </Typography.Paragraph>
              )}
            </div>
          </Card>
        </Col>
        <Col xs={24} xl={10} ref={panelRef}>
          <QualityPanel result={checked} editable={editable} onJump={jumpTo} />
        </Col>
      </Row>
      <div ref={indicatorsRef}>
        <Card
          size="small"
          title="绩效指标"
          style={{ marginBottom: 12 }}
          extra={
            <Space size={[12, 4]} wrap>
              <WeightTotal total={weightTotal} target={weightTarget} testId="goal-weight-total" />
              {editable && weightTotal < weightTarget && waitingForWeight > 0 && (
                <Tooltip title={`把剩余的 ${points(weightTarget - weightTotal)} 分平均分给权重为 0 的指标`}>
                  <Button size="small" data-testid="goal-spread-weight" onClick={spreadWeights}>
                    分配剩余权重
                  </Button>
                </Tooltip>
              )}
              {editable && (
                <CarryOverButton
                  id={id}
                  version={data.version}
                  fiscalYear={table.fiscalYear}
                  indicatorCount={form.rows.length}
                  dirty={dirty}
                  state={previousYear}
                />
              )}
              <Button size="small" icon={<BookOutlined />} onClick={() => openLibrary()}>
                指标库
              </Button>
            </Space>
          }
        >
          <IndicatorTable
            rows={form.rows}
            editable={editable}
            findings={checked.findings}
            threadOf={(row) =>
              row.uid && threads.get(row.uid) ? (
                <CommentThread comments={threads.get(row.uid) ?? []} onAnswer={editable ? onAnswer : undefined} />
              ) : null
            }
            flashKey={flash?.key}
            draftComments={draftByIndex}
            draftEditorOf={draftEditorOf}
            onChangeRow={changeRow}
            onMove={moveRow}
            onRemove={removeRow}
            onAdd={(level1) => addRow(emptyRow(level1))}
            onOpenLibrary={(level1, level2) => openLibrary(level1, level2)}
            onFocusRow={setActiveKey}
            onComment={can("return") ? commentOnRow : undefined}
            rowTags={rowTags}
          />
        </Card>
      </div>
      <PreviousYearPanel state={previousYear} fiscalYear={table.fiscalYear} dirty={dirty} />
      {reviewData && (reviewData.rounds.length > 0 || reviewData.revisions.length > 1) && (
        <ReviewRecordCard
          versions={<VersionsLine review={reviewData} id={id} />}
          rounds={reviewData.rounds}
          comparisons={comparisons}
          labels={GOAL_SNAPSHOT_LABELS}
          item="个指标"
        />
      )}
      <Card size="small" title="审核记录">
        <TransitionTimeline transitions={data.transitions} rowName={uidName} />
      </Card>

      <div className="jx-gt-bar" data-testid="goal-toolbar">
        {alert && <div className="jx-gt-bar-alert">{alertNode(alert, () => setAlert(null))}</div>}
        <WeightTotal total={weightTotal} target={weightTarget} />
        <button
          type="button"
          className="jx-gt-linkish"
          onClick={() => panelRef.current?.scrollIntoView({ block: "center", behavior: "smooth" })}
        >
          <span style={{ color: checked.errors > 0 ? "#cf1322" : undefined }}>{checked.errors} 个错误</span>
          {" · "}
          <span style={{ color: checked.warnings > 0 ? "#d46b08" : undefined }}>{checked.warnings} 个提示</span>
        </button>
        {editable ? (
          dirty ? (
            <span style={{ color: "#d46b08" }} data-testid="goal-dirty">
              ● 有未保存的修改
            </span>
          ) : (
            <Typography.Text type="secondary" className="jx-gt-bar-quiet">
              {savedAt ? `已于 ${savedAt} 保存` : "没有未保存的修改"}
            </Typography.Text>
          )
        ) : (
          <Typography.Text type="secondary">{statusLine}</Typography.Text>
        )}
        {draftCount > 0 && (
          <span style={{ color: "#0958d9" }} data-testid="goal-draft-count">
            {draftCount} 条逐项意见待随审核发送
          </span>
        )}
        <div style={{ flex: 1 }} className="jx-gt-bar-gap" />
        <Space wrap size={8} className="jx-gt-bar-buttons">
          {editable && (
            <Tooltip title={dirty ? "Ctrl+S" : "没有需要保存的修改"}>
              <Button
                icon={<SaveOutlined />}
                data-testid="goal-save"
                disabled={!dirty || busy !== null}
                loading={busy === "save"}
                onClick={() => void onSave()}
              >
                保存
              </Button>
            </Tooltip>
          )}
          {can("withdraw") && (
            <Button
              icon={<UndoOutlined />}
              data-testid="goal-action-withdraw"
              loading={busy === "withdraw"}
              disabled={busy !== null}
              onClick={confirmWithdraw}
            >
              撤回
            </Button>
          )}
          {can("revise") && (
            <Button
              icon={<EditOutlined />}
              data-testid="goal-action-revise"
              disabled={busy !== null}
              onClick={() => openModal("revise")}
            >
              调整
            </Button>
          )}
          {can("return") && (
            <Button
              danger
              icon={<RollbackOutlined />}
              data-testid="goal-action-return"
              disabled={busy !== null}
              onClick={() => openModal("return")}
            >
              退回
            </Button>
          )}
          {can("approve") && (
            <Button
              type="primary"
              icon={<CheckOutlined />}
              data-testid="goal-action-approve"
              disabled={busy !== null}
              onClick={() => openModal("approve")}
            >
              审核通过
            </Button>
          )}
          {can("submit") && (
            <Tooltip
              title={
                checked.errors > 0 ? `还有 ${checked.errors} 个错误未改正，改正后才能提交（见“智能审核”）` : undefined
              }
            >
              <Button
                type="primary"
                icon={<SendOutlined />}
                data-testid="goal-action-submit"
                disabled={checked.errors > 0 || busy !== null}
                loading={busy === "submit"}
                onClick={confirmSubmit}
              >
                提交
              </Button>
            </Tooltip>
          )}
        </Space>
      </div>

      <ActionModal
        action={modalAction}
        draft={draft}
        rows={form.rows}
        busy={busy !== null}
        error={alertNode(modalError)}
        intro={modalIntro(modalAction, data)}
        onChange={setDraft}
        onCancel={() => setModalAction(null)}
        onOk={submitModal}
      />
      <LibraryDrawer
        request={library}
        sector={project?.sector ?? null}
        editable={editable}
        rows={form.rows}
        onAdd={addSuggestion}
        onClose={() => setLibrary(null)}
      />
    </>
  );
}

/** The form's rows are in the order the server holds them. */
const inStoredOrder = (form: GoalForm): boolean => form.rows.every((r, i) => r.loadedIndex === i);

function modalIntro(action: CommentAction | null, data: GoalTableDetail): ReactNode {
  if (action === "revise")
    return (
      <Alert
        type="info"
        showIcon
        title={`将以已批复的第 ${data.revision} 版为底稿生成第 ${data.revision + 1} 版草稿；第 ${data.revision} 版保留为历史，新版本修改后须重新提交审核。`}
      />
    );
  if (action === "return")
    return (
      <Typography.Text type="secondary">
        退回后目标表回到{data.table.subjectKind === "project" ? "预算单位" : "主管部门"}手中修改，修改后须重新提交。
      </Typography.Text>
    );
  if (action === "approve")
    return (
      <Typography.Text>
        {data.status === "submitted"
          ? "审核通过后报送财政审核。"
          : "审核通过后目标表即批复生效，以后如需修改须由填报单位“调整”。"}
      </Typography.Text>
    );
  return null;
}

function WeightTotal({ total, target, testId }: { total: number; target: number; testId?: string }) {
  const ok = total === target;
  const gap = target - total;
  return (
    <span data-testid={testId} className={ok ? "jx-gt-weight-ok" : "jx-gt-weight-bad"} style={{ whiteSpace: "nowrap" }}>
      权重合计 <span className="jx-num">{points(total)}</span> / {points(target)}
      {ok ? " ✓" : gap > 0 ? `（还差 ${points(gap)}）` : `（多出 ${points(-gap)}）`}
    </span>
  );
}

/** "较退回时修改" with the old → new values on hover, after an indicator's name. */
function ChangeTag({ change, since }: { change: ItemChange; since: string }) {
  if (change.status === "added")
    return (
      <Tag color="green" className="jx-gt-change" data-testid="goal-change-tag">
        {since}新增
      </Tag>
    );
  if (change.status !== "changed") return null;
  const lines = change.changes.map(
    (c) => `${GOAL_SNAPSHOT_LABELS[c.field] ?? c.field}：${c.before ?? "（空）"} → ${c.after ?? "（空）"}`,
  );
  return (
    <Tooltip title={lines.map((l) => <div key={l}>{l}</div>)}>
      <Tag color="orange" className="jx-gt-change" data-testid="goal-change-tag">
        {since}修改
      </Tag>
    </Tooltip>
  );
}

/**
 * The comparisons a goal table offers: since it was last returned and since the previous revision. `live` compares the form being edited;
 * otherwise the server's diff of the stored table is used.
 */
function comparisonsOf(
  review: GoalTableReview | undefined,
  live: ReviewSnapshot | null,
): (Comparison & { short: string })[] {
  if (!review) return [];
  const out: (Comparison & { short: string })[] = [];
  const r = review.returned;
  if (r)
    out.push({
      key: "returned",
      label: "与退回时对比",
      short: "较退回时",
      base: `第${r.seq}次提交的内容（${r.by ?? ""} ${dateTime(r.at).slice(0, 16)} 退回）`,
      diff: live ? diffSnapshots(r.snapshot, live) : r.diff,
    });
  const p = review.previous;
  if (p)
    out.push({
      key: "previous",
      label: "与上一版对比",
      short: "较上一版",
      base: `第${p.revision}版（${GOAL_STATUS_LABELS[p.status]}）`,
      diff: live ? diffSnapshots(p.snapshot, live) : p.diff,
    });
  return out;
}

/** The revisions of the table: which one this is, which is in force, links to the others. */
function VersionsLine({ review, id }: { review: GoalTableReview; id: number }) {
  return (
    <Space wrap size={6} data-testid="review-versions">
      <span>版本：</span>
      {review.revisions.map((v) => (
        <Tag
          key={v.id}
          color={v.inForce ? "green" : v.id === id ? "blue" : "default"}
          data-testid="review-version"
          style={{ whiteSpace: "normal", maxWidth: "100%" }}
        >
          {v.id === id ? <b>第{v.revision}版（本页）</b> : <Link to={`/goal-tables/${v.id}`}>第{v.revision}版</Link>}
          {" · "}
          {GOAL_STATUS_LABELS[v.status]}
          {v.inForce ? " · 现行有效" : ""}
          {v.revisionReason ? ` · 调整原因：${v.revisionReason}` : ""}
        </Tag>
      ))}
    </Space>
  );
}

/** For a revision in progress: the approved version still in force, with a link. */
function InForce({ review, id }: { review: GoalTableReview | undefined; id: number }) {
  const inForce = review?.revisions.find((v) => v.inForce);
  if (!inForce || inForce.id === id) return null;
  return (
    <Link to={`/goal-tables/${inForce.id}`} data-testid="goal-in-force">
      现行有效：第{inForce.revision}版
    </Link>
  );
}
