import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, DatePicker, Form, Input, Radio, Space, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useEffect, useRef, useState } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { evaluationProblems } from "../../../../src/core/evaluations/problems";
import {
  RECTIFICATION_SOURCE_LABELS,
  RECTIFICATION_SOURCES,
  type RectificationSource,
} from "../../../../src/core/evaluations/rectification";
import { MAX_RECTIFICATION_ITEMS } from "../../../../src/core/evaluations/rectification-notice";
import { errorMessage, isApiError } from "../../api/client";
import { type EvaluationDetail, evaluationKeys, fetchEvaluation } from "../../api/evaluations/evaluations";
import { issueRectificationNotice, rectificationKeys } from "../../api/rectification/rectification";
import { useSession, useYear } from "../../auth/session";
import { submittedSheets } from "../../components/evaluations/reportAccess";
import { useBack } from "../../components/list/backTo";
import { PageTitle } from "../../components/PageTitle";
import { evaluationSource, type PickedSource, SourcePicker } from "../../components/rectification/SourcePicker";
import { useLeaveGuard } from "../../components/unsaved/useLeaveGuard";
import ForbiddenPage from "../ForbiddenPage";

interface Row {
  key: number;
  problem: string;
  requirement: string;
  deadline: Dayjs | null;
  /** The problem as the source stated it, not yet edited: another pick may replace the row. */
  fromSource?: boolean;
}

/** A problem the server found: the item (1-based) and field it names, if any. */
interface Issue {
  item?: number;
  field: string;
  message: string;
}

let nextKey = 1;
const blankRow = (problem = ""): Row => ({
  key: nextKey++,
  problem,
  requirement: "",
  deadline: null,
  fromSource: problem !== "",
});
/** Rows nobody has written in yet, so the source's problems may fill them. */
const untouched = (rows: Row[]) =>
  rows.every((r) => !r.requirement && !r.deadline && (r.problem === "" || r.fromSource));
/** An evaluation's problems (its written ones, else its indicators below 80 %), one row each. */
const rowsOf = (e: EvaluationDetail): Row[] => {
  const problems = evaluationProblems(e.framework, submittedSheets(e), e.report.problems);
  return problems.length > 0 ? problems.map((p) => blankRow(p)) : [blankRow()];
};

const issuesOf = (e: unknown): Issue[] => {
  if (!isApiError(e)) return [];
  const d = e.details as { issues?: Issue[]; field?: string } | undefined;
  if (d?.issues) return d.issues;
  return d?.field ? [{ field: d.field, message: e.message }] : [];
};

/** 发整改通知: finance lists the problems a source found, each with what to do and by when, to one unit. */
export default function RectificationIssuePage() {
  const { can } = useSession();
  const { year } = useYear();
  const navigate = useNavigate();
  const back = useBack("/rectification");
  const qc = useQueryClient();
  const { message } = App.useApp();
  // From an evaluation's page: ?source=evaluation&evaluationId=…, the evaluation picked and its problems filled in.
  const [params] = useSearchParams();
  const given = Number(params.get("evaluationId"));
  const preset = params.get("source") === "evaluation" && Number.isInteger(given) && given > 0 ? given : null;
  const [source, setSource] = useState<RectificationSource>(preset ? "evaluation" : "monitoring");
  const [picked, setPicked] = useState<PickedSource | undefined>();
  const [unitId, setUnitId] = useState<number | undefined>();
  const [title, setTitle] = useState("");
  const [titleTouched, setTitleTouched] = useState(false);
  const [rows, setRows] = useState<Row[]>(() => [blankRow()]);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const dirty = picked !== undefined || title !== "" || rows.some((r) => r.problem || r.requirement || r.deadline);
  const confirmLeave = useLeaveGuard(dirty && !busy);
  const allowed = can("rectification.issue");

  /** The evaluation's problems as the rows, unless someone has written in them; only for the evaluation still picked. */
  const pickedId = useRef<number | undefined>(undefined);
  const fillFrom = (e: EvaluationDetail) => {
    if (pickedId.current === e.id) setRows((rs) => (untouched(rs) ? rowsOf(e) : rs));
  };
  const loadEvaluation = (id: number) =>
    qc.fetchQuery({ queryKey: evaluationKeys.detail(id), queryFn: () => fetchEvaluation(id) }).catch((e: unknown) => {
      setError(errorMessage(e));
      return null;
    });
  const choose = (s: PickedSource | undefined, kind: RectificationSource) => {
    pickedId.current = s?.id;
    setPicked(s);
    setUnitId(s?.unit.id);
    if (s && !titleTouched) setTitle(s.noticeTitle ?? `${s.name}${RECTIFICATION_SOURCE_LABELS[kind]}整改通知`);
  };
  const pick = (s: PickedSource | undefined) => {
    choose(s, source);
    if (s && source === "evaluation") void loadEvaluation(s.id).then((e) => e && fillFrom(e));
  };
  const presetDone = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, for the evaluation the address names.
  useEffect(() => {
    if (!allowed || preset === null || presetDone.current) return;
    presetDone.current = true;
    void loadEvaluation(preset).then((e) => {
      if (!e) return;
      choose(evaluationSource(e), "evaluation");
      fillFrom(e);
    });
  }, [allowed, preset]);
  if (!allowed) return <ForbiddenPage />;

  const sourceId = picked?.id;
  const setRow = (key: number, patch: Partial<Row>) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const fieldIssue = (field: string, item?: number) =>
    issues
      .filter((i) => i.field === field && i.item === item)
      .map((i) => i.message)
      .join("；") || undefined;

  const submit = async () => {
    setError(null);
    setIssues([]);
    const local: Issue[] = [];
    if (sourceId === undefined)
      local.push({
        field: "sourceId",
        message: { evaluation: "请选择评价", review: "请选择复核任务", monitoring: "请选择监控表" }[source],
      });
    if (unitId === undefined) local.push({ field: "unitId", message: "请选择整改单位" });
    if (local.length > 0) return setIssues(local);
    setBusy(true);
    try {
      const notice = await issueRectificationNotice({
        source,
        sourceId: sourceId!,
        unitId: unitId!,
        title,
        items: rows.map((r) => ({
          problem: r.problem,
          requirement: r.requirement,
          deadline: r.deadline ? r.deadline.format("YYYY-MM-DD") : "",
        })),
      });
      message.success(`已下达整改通知：${notice.title}（${notice.items.length} 项）`);
      await qc.invalidateQueries({ queryKey: rectificationKeys.all });
      navigate(`/rectification/notices/${notice.id}`, { replace: true });
    } catch (e) {
      const found = issuesOf(e);
      setIssues(found);
      // Issues shown beside their field need no repeating; the rest (a notice that exists…) above the form.
      if (
        found.length === 0 ||
        found.some((i) => !["sourceId", "unitId", "title", "items"].includes(i.field) && i.item === undefined)
      )
        setError(errorMessage(e));
      else if (found.length > 0) setError("下达失败：请按各处的提示修改后再下达");
    } finally {
      setBusy(false);
    }
  };

  const unitChoices = picked
    ? source === "evaluation"
      ? [picked.unit]
      : [
          picked.unit,
          ...(picked.department.id !== picked.unit.id
            ? [{ ...picked.department, name: `${picked.department.name}（主管部门）` }]
            : []),
        ]
    : [];

  return (
    <>
      <PageTitle
        title="发整改通知"
        sub={`${year}年度 · 每项整改事项成为整改单位的一项整改落实任务`}
        extra={<Button onClick={() => confirmLeave(back)}>返回</Button>}
      />
      {error && (
        <Alert
          type="error"
          showIcon
          message={error}
          style={{ marginBottom: 16 }}
          data-testid="rectification-issue-error"
        />
      )}
      <Card style={{ marginBottom: 16 }}>
        <Form layout="vertical" component="div">
          <Form.Item label="问题来源" required>
            <Radio.Group
              value={source}
              onChange={(e) => {
                setSource(e.target.value);
                pick(undefined);
                setUnitId(undefined);
              }}
              optionType="button"
              options={RECTIFICATION_SOURCES.map((s) => ({ value: s, label: RECTIFICATION_SOURCE_LABELS[s] }))}
              data-testid="rectification-source-kind"
            />
          </Form.Item>
          <Form.Item
            label={source === "evaluation" ? "评价（已定稿）" : source === "review" ? "复核任务" : "监控表"}
            required
            validateStatus={fieldIssue("sourceId") ? "error" : undefined}
            help={fieldIssue("sourceId")}
          >
            <SourcePicker source={source} year={year} value={picked} onPick={pick} />
          </Form.Item>
          <Form.Item
            label="整改单位"
            required
            validateStatus={fieldIssue("unitId") ? "error" : undefined}
            help={fieldIssue("unitId") ?? (source === "evaluation" ? "评价项目的实施单位" : undefined)}
          >
            {picked ? (
              <Radio.Group
                value={unitId}
                onChange={(e) => setUnitId(e.target.value)}
                options={unitChoices.map((o) => ({ value: o.id, label: o.name }))}
                data-testid="rectification-unit"
              />
            ) : (
              <Typography.Text type="secondary">选定来源记录后，在其单位和主管部门中选择</Typography.Text>
            )}
          </Form.Item>
          <Form.Item
            label="通知标题"
            required
            validateStatus={fieldIssue("title") ? "error" : undefined}
            help={fieldIssue("title")}
          >
            <Input
              value={title}
              maxLength={200}
              onChange={(e) => {
                setTitle(e.target.value);
                setTitleTouched(true);
              }}
              placeholder="如：××项目绩效监控整改通知"
              aria-label="通知标题"
              data-testid="rectification-title"
            />
          </Form.Item>
        </Form>
      </Card>
      <Card
        title={`整改事项（${rows.length} 项）`}
        extra={
          <Button
            icon={<PlusOutlined />}
            disabled={rows.length >= MAX_RECTIFICATION_ITEMS}
            onClick={() => setRows((rs) => [...rs, blankRow()])}
            data-testid="rectification-add-item"
          >
            添加一项
          </Button>
        }
        style={{ marginBottom: 16 }}
      >
        {source === "evaluation" && rows.some((r) => r.fromSource) && (
          <Typography.Paragraph type="secondary" data-testid="rectification-prefilled">
            已按评价报告的存在问题（未填写时为得分率低于80%的指标）预填各项，可修改、删除或添加；请逐项填写整改要求和整改期限。
          </Typography.Paragraph>
        )}
        {fieldIssue("items") && (
          <Alert type="error" showIcon message={fieldIssue("items")} style={{ marginBottom: 12 }} />
        )}
        <Space direction="vertical" style={{ width: "100%" }} size={12}>
          {rows.map((r, i) => {
            const n = i + 1;
            const err = (field: string) => fieldIssue(field, n);
            return (
              <Card
                key={r.key}
                size="small"
                type="inner"
                title={`第${n}项`}
                data-testid="rectification-item-row"
                extra={
                  rows.length > 1 && (
                    <Button
                      type="text"
                      danger
                      size="small"
                      icon={<DeleteOutlined />}
                      onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
                      aria-label={`删除第${n}项`}
                    >
                      删除
                    </Button>
                  )
                }
              >
                <Form layout="vertical" component="div">
                  <Form.Item
                    label="存在问题"
                    required
                    validateStatus={err("problem") ? "error" : undefined}
                    help={err("problem")}
                  >
                    <Input.TextArea
                      autoSize={{ minRows: 2, maxRows: 8 }}
                      value={r.problem}
                      onChange={(e) => setRow(r.key, { problem: e.target.value, fromSource: false })}
                      aria-label={`第${n}项存在问题`}
                    />
                  </Form.Item>
                  <Form.Item
                    label="整改要求"
                    required
                    validateStatus={err("requirement") ? "error" : undefined}
                    help={err("requirement")}
                  >
                    <Input.TextArea
                      rows={2}
                      value={r.requirement}
                      onChange={(e) => setRow(r.key, { requirement: e.target.value })}
                      aria-label={`第${n}项整改要求`}
                    />
                  </Form.Item>
                  <Form.Item
                    label="整改期限"
                    required
                    validateStatus={err("deadline") ? "error" : undefined}
                    help={err("deadline")}
                    style={{ marginBottom: 0 }}
                  >
                    <DatePicker
                      value={r.deadline}
                      onChange={(d) => setRow(r.key, { deadline: d })}
                      aria-label={`第${n}项整改期限`}
                      placeholder="选择日期"
                    />
                  </Form.Item>
                </Form>
              </Card>
            );
          })}
        </Space>
      </Card>
      <Space>
        <Button type="primary" loading={busy} onClick={() => void submit()} data-testid="rectification-issue">
          下达整改通知
        </Button>
        <Button onClick={() => confirmLeave(back)}>取消</Button>
      </Space>
    </>
  );
}
