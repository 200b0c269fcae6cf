import { EditOutlined, RollbackOutlined, SaveOutlined } from "@ant-design/icons";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Form, type FormInstance, Input, Modal, Space, Typography } from "antd";
import { type ReactNode, useCallback, useEffect, useMemo, useState } from "react";
import { errorMessage } from "../../api/client";
import { PageTitle } from "../PageTitle";
import { useLeaveGuard } from "../unsaved/useLeaveGuard";
import { ChangeList } from "./ChangeList";
import { ConfigEditingContext } from "./context";
import { ImpactPanel } from "./ImpactPanel";
import type { ConfigChange, ConfigImpact } from "./types";

export interface ConfigPageProps<F extends object> {
  title: ReactNode;
  sub?: ReactNode;
  /** May this user edit (e.g. can("goal.configure"))? Others only read. */
  canEdit: boolean;
  /** Shown to those who only read. */
  readOnlyNotice?: ReactNode;
  /** The page's antd form; ConfigPage renders <Form> around the children with it. */
  form: FormInstance<F>;
  /** The stored configuration as form values (undefined while loading). */
  stored: F | undefined;
  loading?: boolean;
  /** The name of the version a save creates ("2024.2"). */
  nextVersion?: string;
  /** What the form's values change against the stored ones, item by item (pure; core/config/changes). */
  changes: (before: F, after: F) => ConfigChange[];
  /** Asks the server what the proposed configuration would do (read-only). */
  impact?: (after: F) => Promise<ConfigImpact>;
  /** Query key prefix of the impact (the module and year), so that drafts are previewed once each. */
  impactKey?: readonly unknown[];
  /** Saves the proposed configuration with its 修改说明; answers the success message. */
  save: (after: F, note: string) => Promise<string>;
  /**
   * Places a refused save's field errors in the form; answers the message to show above it (null when
   * every issue was placed). Default: the error's message.
   */
  onSaveError?: (e: unknown) => string | null;
  /** What saving means, in the save dialog (e.g. which records are re-checked). */
  saveHint?: ReactNode;
  children: ReactNode;
  /** Below the form (the version history). */
  footer?: ReactNode;
}

const ALL = (v: unknown) => v;

/** JSON with sorted keys and without undefined, so that key order and empty fields are not edits. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === "object" && !Array.isArray(x)
      ? Object.fromEntries(
          Object.entries(x as Record<string, unknown>)
            .filter(([, y]) => y !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : x,
  );
}

/** The CSS of a configuration page: read, its fields look like text rather than greyed-out inputs. */
const CONFIG_CSS = `
.jx-config-view .ant-input-disabled, .jx-config-view .ant-input-number-disabled, .jx-config-view .ant-input-affix-wrapper-disabled {
  background: transparent !important; color: rgba(0,0,0,0.88) !important; cursor: default !important; border-color: transparent !important; box-shadow: none !important; padding-inline-start: 0; }
.jx-config-view .ant-input-number-disabled .ant-input-number-input { color: rgba(0,0,0,0.88); cursor: default; padding-inline-start: 0; }
.jx-config-view .ant-form-item-label > label { color: rgba(0,0,0,0.65); }
.jx-config-chips { display: flex; flex-wrap: wrap; gap: 4px; padding-top: 4px; }
.jx-config-chip { display: inline-block; padding: 0 7px; font-size: 12px; line-height: 20px; border-radius: 4px; background: #f5f7fa; border: 1px solid #e5e8ed; color: rgba(0,0,0,0.88); }
.jx-config-tag-x { border: 0; background: none; padding: 0 0 0 4px; cursor: pointer; color: rgba(0,0,0,0.45); font-size: 12px; line-height: 1; }
.jx-config-tag-x:hover { color: #cf1322; }
`;

/**
 * A configuration page (指标体系与规则 now; monitoring, scoring and result rules later): it opens
 * read-only; 编辑 makes it editable; removals ask first; leaving the page, closing the tab or switching
 * the year with unsaved edits asks first (useLeaveGuard); 保存 shows what changed (old → new), what it
 * would do (the server's read-only 试算) and requires a 修改说明 before it saves a new version.
 */
export function ConfigPage<F extends object>(p: ConfigPageProps<F>) {
  const { form, stored } = p;
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [proposed, setProposed] = useState<F | null>(null);
  const [note, setNote] = useState("");
  const [noteError, setNoteError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [general, setGeneral] = useState<string | null>(null);
  const watched = Form.useWatch(ALL, { form, preserve: true }) as F | undefined;

  const reset = useCallback(() => {
    form.resetFields();
    if (stored) form.setFieldsValue(stored as Parameters<typeof form.setFieldsValue>[0]);
  }, [form, stored]);

  // The stored configuration (first load, another year, a new version) replaces what is shown, unless
  // the user is editing: the year switch and 放弃修改 end the editing first.
  useEffect(() => {
    if (!editing) reset();
  }, [reset, editing]);

  const dirty = editing && stored !== undefined && watched !== undefined && canonical(watched) !== canonical(stored);
  const discard = useCallback(() => {
    setEditing(false);
    setProposed(null);
    setGeneral(null);
  }, []);
  useLeaveGuard(dirty, { discard });

  const impactKey = useCallback(
    (v: F) => ["config-impact", ...(p.impactKey ?? []), canonical(v)] as const,
    [p.impactKey],
  );

  const startEditing = () => {
    setEditing(true);
    setGeneral(null);
    // Warms the server for the save dialog's 试算 (it loads the year's records once).
    if (p.impact && stored)
      void queryClient.prefetchQuery({ queryKey: impactKey(stored), queryFn: () => p.impact!(stored) });
  };

  const cancelEditing = () => {
    if (!dirty) {
      discard();
      return;
    }
    modal.confirm({
      title: "放弃全部修改？",
      content: "本次编辑的所有修改都将撤回，恢复为现行版本。",
      okText: "放弃修改",
      okButtonProps: { danger: true },
      cancelText: "继续编辑",
      onOk: discard,
    });
  };

  const openSave = async () => {
    try {
      await form.validateFields();
    } catch {
      void message.error("请先改正标红的内容");
      return;
    }
    setNote("");
    setNoteError(null);
    setProposed(form.getFieldsValue(true) as F);
  };

  const changes = useMemo(() => (proposed && stored ? p.changes(stored, proposed) : []), [proposed, stored, p.changes]);
  const impact = useQuery({
    queryKey: proposed ? impactKey(proposed) : ["config-impact", "none"],
    queryFn: () => p.impact!(proposed!),
    enabled: proposed !== null && p.impact !== undefined && changes.length > 0,
    staleTime: 60_000,
    retry: false,
  });

  const confirmSave = async () => {
    if (!proposed) return;
    const text = note.trim();
    if (text === "") {
      setNoteError("请填写修改说明（随新版本记录，并写入审计日志）");
      return;
    }
    setSaving(true);
    try {
      const done = await p.save(proposed, text);
      void message.success(done);
      setProposed(null);
      setEditing(false);
      setGeneral(null);
    } catch (e) {
      setProposed(null);
      setGeneral(p.onSaveError ? p.onSaveError(e) : errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  const actions = !p.canEdit ? null : editing ? (
    <Space>
      <Button icon={<RollbackOutlined />} onClick={cancelEditing} data-testid="config-cancel">
        放弃修改
      </Button>
      <Button
        type="primary"
        icon={<SaveOutlined />}
        disabled={!dirty}
        onClick={() => void openSave()}
        data-testid="config-save"
      >
        保存…
      </Button>
    </Space>
  ) : (
    <Button type="primary" icon={<EditOutlined />} disabled={!stored} onClick={startEditing} data-testid="config-edit">
      编辑
    </Button>
  );

  return (
    <ConfigEditingContext.Provider value={editing}>
      <style>{CONFIG_CSS}</style>
      <PageTitle title={p.title} sub={p.sub} extra={actions} />
      {!p.canEdit && p.readOnlyNotice && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={p.readOnlyNotice} />
      )}
      {editing && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="config-editing"
          title={
            dirty
              ? "正在编辑，修改尚未保存。保存时将列出修改明细和影响，并须填写修改说明。"
              : "正在编辑。修改在保存为新版本之前不生效。"
          }
        />
      )}
      {general && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={general} />}
      <Form<F>
        form={form}
        layout="vertical"
        disabled={!editing}
        requiredMark={editing}
        className={editing ? "jx-config-edit" : "jx-config-view"}
        data-testid="config-form"
      >
        {p.children}
      </Form>
      {p.footer}
      <Modal
        open={proposed !== null}
        title={p.nextVersion ? `保存为 ${p.nextVersion} 版` : "保存修改"}
        width={760}
        okText="确认保存"
        cancelText="返回修改"
        okButtonProps={{ disabled: changes.length === 0, "data-testid": "config-confirm" }}
        confirmLoading={saving}
        onOk={() => void confirmSave()}
        onCancel={() => setProposed(null)}
        destroyOnHidden
      >
        <div data-testid="config-save-dialog">
          <Typography.Title level={5} style={{ marginTop: 8 }}>
            修改明细（{changes.length} 项）
          </Typography.Title>
          <ChangeList changes={changes} />
          {p.impact && changes.length > 0 && (
            <>
              <Typography.Title level={5} style={{ marginTop: 16 }}>
                影响
              </Typography.Title>
              <ImpactPanel impact={impact.data} loading={impact.isPending} error={impact.error} />
            </>
          )}
          {p.saveHint && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              {p.saveHint}
            </Typography.Paragraph>
          )}
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            <label htmlFor="config-note">
              <span style={{ color: "#ff4d4f", marginInlineEnd: 4 }}>*</span>修改说明
            </label>
          </Typography.Title>
          <Input.TextArea
            id="config-note"
            rows={2}
            maxLength={500}
            showCount
            status={noteError ? "error" : undefined}
            placeholder="为什么修改、依据什么（如：成本指标单列为一级指标，依据财政部最新要求）"
            value={note}
            onChange={(e) => {
              setNote(e.target.value);
              setNoteError(null);
            }}
          />
          {noteError && (
            <Typography.Text type="danger" data-testid="config-note-error">
              {noteError}
            </Typography.Text>
          )}
        </div>
      </Modal>
    </ConfigEditingContext.Provider>
  );
}
