import { CheckOutlined, DeleteOutlined, ExportOutlined, PlusOutlined, ReloadOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  type ButtonProps,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  Modal,
  Row,
  Select,
  Space,
  Tabs,
  Timeline,
  Tooltip,
  Typography,
} from "antd";
import { useCallback, useState } from "react";
import { useParams } from "react-router";
import type { BlockType } from "../../../../src/core/disclosure/types";
import { errorMessage, isApiError } from "../../api/client";
import {
  approvePublication,
  checkPublication,
  disclosureKeys,
  editPublicationDraft,
  type FigureFinding,
  type PublicationDetail,
  type PublicationVersion,
  publicPageUrl,
  refreshPublication,
  returnPublication,
  startCorrection,
  submitPublication,
  useApprovers,
  usePublication,
} from "../../api/disclosure/publications";
import { fetchAnnualReport, type ReportTemplate, reportKeys } from "../../api/report/annual";
import { useSession } from "../../auth/session";
import { FindingsTable, PublicationContent } from "../../components/disclosure/PublicationContent";
import { VersionStatusTag } from "../../components/disclosure/VersionStatusTag";
import { useBack } from "../../components/list/backTo";
import { PageError } from "../../components/PageError";
import { PageSpin } from "../../components/PageSpin";
import { PageTitle } from "../../components/PageTitle";
import { sameTemplate, templateErrorPart } from "../../components/report/reportText";
import { TemplateEditor } from "../../components/report/TemplateEditor";
import { useLeaveGuard } from "../../components/unsaved/useLeaveGuard";
import { DASH, dateTime } from "../../format";

type Block = { type: BlockType; text: string };
interface TextEdits {
  title: string;
  intro: string;
  blocks: Block[];
}

const BLOCK_LABELS: Record<BlockType, string> = { heading1: "一级标题", heading2: "二级标题", paragraph: "段落" };

/** The typed parts of a version other than the annual report: title, introduction and text blocks. */
function TextEditor({ value, onChange }: { value: TextEdits; onChange: (v: TextEdits) => void }) {
  const setBlock = (i: number, b: Partial<Block>) =>
    onChange({ ...value, blocks: value.blocks.map((x, j) => (j === i ? { ...x, ...b } : x)) });
  return (
    <Form layout="vertical" data-testid="publication-text-editor">
      <Form.Item label="标题">
        <Input
          aria-label="标题"
          value={value.title}
          maxLength={200}
          onChange={(e) => onChange({ ...value, title: e.target.value })}
        />
      </Form.Item>
      <Form.Item label="说明">
        <Input.TextArea
          aria-label="说明"
          autoSize={{ minRows: 3 }}
          value={value.intro}
          onChange={(e) => onChange({ ...value, intro: e.target.value })}
        />
      </Form.Item>
      <Form.Item label="正文段落">
        {value.blocks.map((b, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: blocks are edited in place by position
          <Space key={i} align="start" style={{ display: "flex", marginBottom: 8 }}>
            <Select<BlockType>
              aria-label={`第${i + 1}段类型`}
              value={b.type}
              style={{ width: 110 }}
              options={(Object.keys(BLOCK_LABELS) as BlockType[]).map((t) => ({ value: t, label: BLOCK_LABELS[t] }))}
              onChange={(type) => setBlock(i, { type })}
            />
            <Input.TextArea
              aria-label={`第${i + 1}段`}
              autoSize={{ minRows: 1 }}
              style={{ width: 560, maxWidth: "60vw" }}
              value={b.text}
              onChange={(e) => setBlock(i, { text: e.target.value })}
            />
            <Button
              aria-label={`删除第${i + 1}段`}
              icon={<DeleteOutlined />}
              onClick={() => onChange({ ...value, blocks: value.blocks.filter((_, j) => j !== i) })}
            />
          </Space>
        ))}
        <Button
          icon={<PlusOutlined />}
          onClick={() => onChange({ ...value, blocks: [...value.blocks, { type: "paragraph", text: "" }] })}
        >
          添加段落
        </Button>
      </Form.Item>
      <Typography.Text type="secondary">表格由数据生成，不能手工修改；数据有变化时点“更新数据”。</Typography.Text>
    </Form>
  );
}

/** One version in the history: who, when, its 更正说明, a return's comment and an override's reason. */
function VersionItem({ v }: { v: PublicationVersion }) {
  // The steps in the order they happened (a returned version submitted again was submitted after its return).
  const steps = (
    [
      ["起草", v.createdAt],
      ["提交", v.submittedAt],
      ["退回", v.returnedAt],
      ["发布", v.publishedAt],
    ] as [string, string | null][]
  )
    .filter((x): x is [string, string] => x[1] !== null)
    .sort((a, b) => a[1].localeCompare(b[1]));
  const rows: [string, string][] = [
    ["信息员", v.draftedBy.name],
    ["审核员", v.approvedBy?.name ?? v.approver?.name ?? DASH],
    ...steps.map(([k, at]): [string, string] => [k, dateTime(at)]),
  ];
  return (
    <div data-testid={`publication-version-${v.number}`}>
      <Space>
        <Typography.Text strong>第{v.number}版</Typography.Text>
        <VersionStatusTag status={v.status} label={v.statusLabel} />
      </Space>
      <div style={{ fontSize: 13, color: "rgba(0,0,0,0.65)", marginTop: 4 }}>
        {rows.map(([k, val]) => (
          <div key={k}>
            {k}：{val}
          </div>
        ))}
        {v.number > 1 && (
          <div>
            更正说明：
            {v.changeNote.trim() ? v.changeNote : <Typography.Text type="warning">（未填写）</Typography.Text>}
          </div>
        )}
        {v.returnComment && <div>退回意见：{v.returnComment}</div>}
        {v.checkOverrideReason && (
          <div>
            <Typography.Text type="danger">数据核对不符仍发布</Typography.Text>，理由：{v.checkOverrideReason}
          </div>
        )}
      </div>
    </div>
  );
}

/** A modal asking for one text (更正说明, 退回意见, 理由), with an optional body above it. */
function TextModal({
  open,
  title,
  label,
  okText,
  initial = "",
  loading,
  children,
  testId,
  onOk,
  onCancel,
}: {
  open: boolean;
  title: string;
  label: string;
  okText: string;
  initial?: string;
  loading: boolean;
  children?: React.ReactNode;
  testId: string;
  onOk: (text: string) => void;
  onCancel: () => void;
}) {
  const [text, setText] = useState(initial);
  return (
    <Modal
      title={title}
      open={open}
      width={children ? 860 : 520}
      okText={okText}
      cancelText="取消"
      confirmLoading={loading}
      okButtonProps={{ disabled: !text.trim(), "data-testid": `${testId}-ok` } as ButtonProps}
      onOk={() => onOk(text.trim())}
      onCancel={onCancel}
      destroyOnHidden
    >
      {children}
      <Typography.Text>{label}</Typography.Text>
      <Input.TextArea
        aria-label={label}
        data-testid={`${testId}-text`}
        autoSize={{ minRows: 3 }}
        maxLength={2000}
        value={text}
        onChange={(e) => setText(e.target.value)}
        style={{ marginTop: 6 }}
      />
    </Modal>
  );
}

/** 提交审核: the approver (another finance account) and, from the second version on, the 更正说明. */
function SubmitModal({
  open,
  latest,
  loading,
  onOk,
  onCancel,
}: {
  open: boolean;
  latest: PublicationVersion;
  loading: boolean;
  onOk: (approverId: number, changeNote: string | undefined) => void;
  onCancel: () => void;
}) {
  const approvers = useApprovers(open);
  const [approverId, setApproverId] = useState<number | undefined>(latest.approver?.id);
  const [note, setNote] = useState(latest.changeNote);
  const needsNote = latest.number > 1;
  return (
    <Modal
      title={`提交审核：第${latest.number}版`}
      open={open}
      okText="提交"
      cancelText="取消"
      confirmLoading={loading}
      okButtonProps={
        { disabled: !approverId || (needsNote && !note.trim()), "data-testid": "publication-submit-ok" } as ButtonProps
      }
      onOk={() => approverId && onOk(approverId, needsNote ? note.trim() : undefined)}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item label="审核员" required help="本区另一位财政账号，不能是自己">
          <Select<number>
            aria-label="审核员"
            data-testid="publication-approver"
            loading={approvers.isPending}
            value={approverId}
            onChange={setApproverId}
            showSearch={{ optionFilterProp: "label" }}
            options={(approvers.data ?? []).map((a) => ({ value: a.id, label: `${a.displayName}（${a.username}）` }))}
          />
        </Form.Item>
        {needsNote && (
          <Form.Item label="更正说明" required help="公开网站随本版一并公开">
            <Input.TextArea
              aria-label="更正说明"
              autoSize={{ minRows: 3 }}
              maxLength={2000}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

type Dialog = "submit" | "return" | "correct" | "override" | null;

/** One publication: its versions, the open version's content and editor, and the workflow's buttons. */
function PublicationView({ p, back }: { p: PublicationDetail; back: () => void }) {
  const { message } = App.useApp();
  const { me } = useSession();
  const qc = useQueryClient();
  const latest = p.versions[0]!;
  const isOpen = latest.status !== "published";
  const shown = isOpen ? latest : (p.versions.find((v) => v.status === "published") ?? latest);
  const can = (a: PublicationDetail["allowedActions"][number]) => p.allowedActions.includes(a);
  const annual = p.kind === "annual_report";
  const editable = can("edit");

  const baseText: TextEdits = { title: latest.title, intro: latest.body.intro, blocks: latest.body.blocks ?? [] };
  const baseTemplate = (latest.body.template ?? null) as ReportTemplate | null;
  const [text, setText] = useState<TextEdits | null>(null);
  const [template, setTemplate] = useState<ReportTemplate | null>(null);
  const [changeNote, setChangeNote] = useState<string | null>(null);
  const [check, setCheck] = useState<{ findings: FigureFinding[]; number: number } | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [refused, setRefused] = useState<FigureFinding[]>([]);
  /** The server's refusal of the edited template, by part (`_` when it names none). */
  const [templateErrors, setTemplateErrors] = useState<Record<string, string>>({});

  const dirty =
    (text !== null && JSON.stringify(text) !== JSON.stringify(baseText)) ||
    (template !== null && baseTemplate !== null && !sameTemplate(template, baseTemplate)) ||
    (changeNote !== null && changeNote !== latest.changeNote);
  const discard = useCallback(() => {
    setText(null);
    setTemplate(null);
    setChangeNote(null);
  }, []);
  const confirmLeave = useLeaveGuard(dirty, { discard });

  const figures = useQuery({
    queryKey: reportKeys.annual(p.fiscalYear),
    queryFn: () => fetchAnnualReport(p.fiscalYear),
    enabled: annual && editable,
    staleTime: 60_000,
    refetchOnWindowFocus: false,
  });

  const done = (detail: PublicationDetail, note: string) => {
    qc.setQueryData(disclosureKeys.one(p.id), detail);
    void qc.invalidateQueries({ queryKey: disclosureKeys.all });
    void qc.invalidateQueries({ queryKey: ["tasks"] });
    setDialog(null);
    message.success(note);
  };
  const failed = (e: unknown) => message.error(errorMessage(e));

  const save = useMutation({
    mutationFn: () =>
      editPublicationDraft(p.id, {
        version: latest.version,
        ...(annual && template ? { template } : {}),
        ...(!annual && text ? text : {}),
        ...(changeNote !== null ? { changeNote } : {}),
      }),
    onSuccess: (d) => done(d, "已保存"),
    onError: (e) => {
      if (isApiError(e) && e.code === "REPORT_TEMPLATE_INVALID") {
        setTemplateErrors({ [templateErrorPart(e.details) ?? "_"]: e.message });
        message.error("文字有误，未能保存：见标红的一节");
      } else failed(e);
    },
  });
  const refresh = useMutation({
    mutationFn: () => refreshPublication(p.id, latest.version),
    onSuccess: (d) => done(d, "已按现有数据更新表格"),
    onError: failed,
  });
  const runCheck = useMutation({
    mutationFn: () => checkPublication(p.id),
    onSuccess: (r) => {
      setCheck({ findings: r.findings, number: r.versionNumber });
      if (r.findings.length > 0) message.warning(`数据核对发现 ${r.findings.length} 处不符`);
      else message.success("数据核对通过：数字与现有数据一致");
    },
    onError: failed,
  });
  const submit = useMutation({
    mutationFn: (v: { approverId: number; changeNote: string | undefined }) =>
      submitPublication(p.id, {
        version: latest.version,
        approverId: v.approverId,
        ...(v.changeNote !== undefined ? { changeNote: v.changeNote } : {}),
      }),
    onSuccess: (d) => done(d, "已提交审核"),
    onError: failed,
  });
  const approve = useMutation({
    mutationFn: (reason?: string) =>
      approvePublication(p.id, { version: latest.version, ...(reason ? { override: { reason } } : {}) }),
    onSuccess: (d) => done(d, `第${latest.number}版已发布`),
    onError: (e) => {
      if (isApiError(e) && e.code === "PUBLICATION_CHECK_FAILED") {
        const details = e.details as { findings?: FigureFinding[] } | undefined;
        setRefused(details?.findings ?? []);
        setDialog("override");
      } else failed(e);
    },
  });
  const sendBack = useMutation({
    mutationFn: (comment: string) => returnPublication(p.id, { version: latest.version, comment }),
    onSuccess: (d) => done(d, "已退回起草人"),
    onError: failed,
  });
  const correct = useMutation({
    mutationFn: async (note: string) => {
      const started = await startCorrection(p.id, latest.version);
      const draft = started.versions[0]!;
      return editPublicationDraft(p.id, { version: draft.version, changeNote: note });
    },
    onSuccess: (d) => done(d, `已新建第${d.versions[0]?.number}版草稿`),
    onError: failed,
  });

  const busy = save.isPending || refresh.isPending || submit.isPending || approve.isPending;
  const published = p.publishedVersion !== null;

  const buttons = (
    <Space wrap>
      {editable && (
        <Button
          type="primary"
          disabled={!dirty}
          loading={save.isPending}
          onClick={() => save.mutate()}
          data-testid="publication-save"
        >
          保存
        </Button>
      )}
      {can("refresh") && (
        <Button
          icon={<ReloadOutlined />}
          disabled={busy || dirty}
          loading={refresh.isPending}
          onClick={() => refresh.mutate()}
          data-testid="publication-refresh"
        >
          更新数据
        </Button>
      )}
      {p.kindAvailable && (
        <Tooltip title={dirty ? "核对的是已保存的内容：请先保存" : undefined}>
          <Button
            icon={<CheckOutlined />}
            disabled={dirty}
            loading={runCheck.isPending}
            onClick={() => runCheck.mutate()}
            data-testid="publication-check"
          >
            数据核对
          </Button>
        </Tooltip>
      )}
      {can("submit") && (
        <Tooltip title={dirty ? "有尚未保存的修改：请先保存" : undefined}>
          <Button disabled={busy || dirty} onClick={() => setDialog("submit")} data-testid="publication-submit">
            提交审核
          </Button>
        </Tooltip>
      )}
      {can("approve") && (
        <Button
          type="primary"
          loading={approve.isPending}
          onClick={() => approve.mutate(undefined)}
          data-testid="publication-approve"
        >
          审核发布
        </Button>
      )}
      {can("return") && (
        <Button danger onClick={() => setDialog("return")} data-testid="publication-return">
          退回
        </Button>
      )}
      {can("correct") && (
        <Button onClick={() => setDialog("correct")} data-testid="publication-correct">
          发起更正
        </Button>
      )}
      <Button onClick={() => confirmLeave(back)}>返回</Button>
      {published && (
        <Button
          icon={<ExportOutlined />}
          href={publicPageUrl(me.regionCode, p.id)}
          target="_blank"
          data-testid="publication-public"
        >
          公开页面
        </Button>
      )}
    </Space>
  );

  const noteEditor = editable && latest.number > 1 && (
    <Form.Item label="更正说明" required help="说明本版更正了什么；随本版在公开网站上公开" style={{ marginBottom: 16 }}>
      <Input.TextArea
        aria-label="更正说明"
        data-testid="publication-change-note"
        autoSize={{ minRows: 2 }}
        maxLength={2000}
        value={changeNote ?? latest.changeNote}
        onChange={(e) => setChangeNote(e.target.value)}
      />
    </Form.Item>
  );

  const content = <PublicationContent body={shown.body} />;
  let body: React.ReactNode = content;
  if (editable && annual && baseTemplate) {
    body = (
      <Tabs
        defaultActiveKey="edit"
        items={[
          {
            key: "edit",
            label: <span data-testid="publication-edit-tab">编辑文字</span>,
            children: figures.error ? (
              <PageError error={figures.error} onRetry={() => void figures.refetch()} />
            ) : (
              <TemplateEditor
                value={template ?? baseTemplate}
                onChange={(t) => {
                  setTemplate(t);
                  if (Object.keys(templateErrors).length > 0) setTemplateErrors({});
                }}
                figures={figures.data?.figures ?? []}
                errors={templateErrors}
              />
            ),
          },
          {
            key: "content",
            label: <span data-testid="publication-content-tab">已保存的公开稿</span>,
            children: content,
          },
        ]}
      />
    );
  } else if (editable && !annual) {
    body = (
      <Tabs
        defaultActiveKey="edit"
        items={[
          {
            key: "edit",
            label: "编辑文字",
            children: <TextEditor value={text ?? baseText} onChange={setText} />,
          },
          { key: "content", label: "已保存的公开稿", children: content },
        ]}
      />
    );
  }

  return (
    <>
      <PageTitle
        title={<span data-testid="publication-title">{shown.title}</span>}
        sub={
          <Space size={6}>
            <span>
              {`${p.kindLabel} · ${p.fiscalYear}年度${p.department ? ` · ${p.department.name}` : ""} · 第${latest.number}版`}
            </span>
            <VersionStatusTag status={latest.status} label={latest.statusLabel} testId="publication-status" />
          </Space>
        }
        extra={buttons}
      />
      {latest.status === "returned" && latest.returnComment && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={`第${latest.number}版已被退回`}
          description={`退回意见：${latest.returnComment}`}
        />
      )}
      {!p.kindAvailable && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} message="该类事项暂不能由系统生成与核对" />
      )}
      {check && (
        <Card
          size="small"
          title={`数据核对：第${check.number}版`}
          style={{ marginBottom: 16 }}
          data-testid="publication-check-result"
          extra={
            <Button size="small" type="link" onClick={() => setCheck(null)}>
              收起
            </Button>
          }
        >
          {check.findings.length === 0 ? (
            <Alert type="success" showIcon message="核对通过：公开稿中的数字与现有数据一致" />
          ) : (
            <>
              <Alert
                type="error"
                showIcon
                style={{ marginBottom: 8 }}
                message={`发现 ${check.findings.length} 处数字与现有数据不符`}
              />
              <FindingsTable findings={check.findings} testId="publication-findings" />
            </>
          )}
        </Card>
      )}
      <Row gutter={16}>
        <Col xs={24} xl={17}>
          <Card
            size="small"
            title={isOpen ? `第${latest.number}版（${latest.statusLabel}）` : `现行版本：第${shown.number}版`}
          >
            {noteEditor}
            {body}
          </Card>
        </Col>
        <Col xs={24} xl={7}>
          <Card size="small" title="版本记录" data-testid="publication-versions">
            <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
              <Descriptions.Item label="最新发布">
                {p.publishedVersion ? `第${p.publishedVersion}版，${dateTime(p.publishedAt)}` : "尚未发布"}
              </Descriptions.Item>
            </Descriptions>
            {p.versions.length === 0 ? (
              <Empty />
            ) : (
              <Timeline
                items={p.versions.map((v) => ({
                  key: v.id,
                  color: v.status === "published" ? "green" : v.status === "returned" ? "orange" : "blue",
                  children: <VersionItem v={v} />,
                }))}
              />
            )}
          </Card>
        </Col>
      </Row>
      <SubmitModal
        key={`submit-${latest.version}`}
        open={dialog === "submit"}
        latest={latest}
        loading={submit.isPending}
        onOk={(approverId, note) => submit.mutate({ approverId, changeNote: note })}
        onCancel={() => setDialog(null)}
      />
      <TextModal
        open={dialog === "return"}
        title={`退回第${latest.number}版`}
        label="退回意见"
        okText="退回"
        loading={sendBack.isPending}
        testId="publication-return"
        onOk={(c) => sendBack.mutate(c)}
        onCancel={() => setDialog(null)}
      />
      <TextModal
        open={dialog === "correct"}
        title={`发起更正：新建第${latest.number + 1}版`}
        label="更正说明"
        okText="新建更正版本"
        loading={correct.isPending}
        testId="publication-correct"
        onOk={(n) => correct.mutate(n)}
        onCancel={() => setDialog(null)}
      >
        <Typography.Paragraph type="secondary">
          以第{latest.number}版为底稿新建草稿；已发布的版本保留，公开网站上仍可查看。
        </Typography.Paragraph>
      </TextModal>
      <TextModal
        open={dialog === "override"}
        title="数据核对不符"
        label="仍然发布的理由"
        okText="说明理由并发布"
        loading={approve.isPending}
        testId="publication-override"
        onOk={(reason) => approve.mutate(reason)}
        onCancel={() => setDialog(null)}
      >
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          message={`公开稿中有 ${refused.length} 处数字与现有数据不符，未发布`}
          description="可退回起草人修改；确需按公开稿发布的，说明理由，理由与不符之处随版本保存并记入审计日志。"
        />
        <FindingsTable findings={refused} />
        <div style={{ height: 12 }} />
      </TextModal>
    </>
  );
}

/** 公开事项: one publication with its versions and the workflow. */
export default function PublicationPage() {
  const id = Number(useParams().id);
  const q = usePublication(id);
  const back = useBack("/disclosure/publications");
  if (q.isPending) return <PageSpin />;
  if (q.error) return <PageError error={q.error} onRetry={() => void q.refetch()} />;
  const latest = q.data.versions[0];
  // A new version or a new row version starts the edits afresh: what is shown is what is stored.
  return <PublicationView key={`${latest?.id}-${latest?.version}`} p={q.data} back={back} />;
}
