import { PlusOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Drawer, Form, Input, Space, Typography } from "antd";
import { useState } from "react";
import { RULE_KIND_LABELS } from "../../../../src/core/results/rules";
import { validateRuleSet } from "../../../../src/core/results/validate-rules";
import { errorMessage, isApiError } from "../../api/client";
import { type RuleSet, resultKeys, type SavedRuleSet, saveRuleSet } from "../../api/results/results";
import { useLeaveGuard } from "../unsaved/useLeaveGuard";
import { ruleSetText } from "./labels";
import { RuleFields } from "./RuleFields";
import {
  newRule,
  placeIssues,
  prioritiesInOrder,
  RULE_KINDS,
  type RuleSetValues,
  type RuleValues,
  ruleOf,
  sameRules,
  valuesOf,
} from "./ruleForm";

/** What the editor was opened for: a new rule set, the next version of one, or a copy under a new name. */
export type EditorMode = { kind: "new" } | { kind: "version"; base: RuleSet } | { kind: "copy"; base: RuleSet };

interface Values extends RuleSetValues {
  note: string;
}

const initialOf = (mode: EditorMode): Values =>
  mode.kind === "new"
    ? { name: "", rules: [newRule("departmentScore", [])], note: "" }
    : {
        name: mode.kind === "copy" ? `${mode.base.name}（副本）` : mode.base.name,
        rules: mode.base.rules.map(valuesOf),
        note: "",
      };

type Issue = { field: string; message: string };
const issuesOf = (e: unknown): Issue[] =>
  isApiError(e) ? ((e.details as { issues?: Issue[] } | undefined)?.issues ?? []) : [];

/**
 * The rule set editor: a name, rules of five kinds (added, removed, moved, each with its kind's fields),
 * and for a change the 修改说明. Saving checks the rules with the core first (the same messages the server
 * gives), then the server; every issue is put on the rule and field it names.
 */
export function RuleSetEditor({
  year,
  mode,
  onClose,
  onSaved,
}: {
  year: number;
  mode: EditorMode;
  onClose: () => void;
  onSaved: (saved: SavedRuleSet) => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [general, setGeneral] = useState<string[]>([]);
  const [marked, setMarked] = useState<Set<number>>(new Set());
  const [notes, setNotes] = useState<Map<number, string[]>>(new Map());
  const confirmLeave = useLeaveGuard(dirty, { discard: onClose });
  const version = mode.kind === "version";

  /** Puts issues where they belong: rule fields, the rule's top (kind), or the summary above. */
  const show = (issues: readonly Issue[]) => {
    const placed = placeIssues(issues);
    const byRule = new Map<number, string[]>();
    const fields = placed.fields.filter((f) => {
      if (f.name[0] !== "rules" || f.name[2] !== "kind") return true;
      byRule.set(f.name[1] as number, f.errors);
      return false;
    });
    form.setFields(fields as Parameters<typeof form.setFields>[0]);
    setNotes(byRule);
    setMarked(placed.rules);
    setGeneral(placed.general);
    if (issues.length > 0) void message.error(`规则集有 ${issues.length} 处问题，已在对应规则上标出`);
  };

  const save = async () => {
    setGeneral([]);
    setMarked(new Set());
    setNotes(new Map());
    try {
      await form.validateFields();
    } catch {
      void message.error("请先改正标红的内容");
      return;
    }
    const v = form.getFieldsValue(true) as Values;
    const rules = (v.rules ?? []).map(ruleOf);
    const checked = validateRuleSet({ budgetYear: year + 1, name: v.name ?? "", rules });
    if (!checked.ok) return show(checked.issues);
    if (mode.kind === "version" && sameRules(checked.ruleSet.rules, mode.base.rules)) {
      setGeneral(["规则没有变化，无需保存新版本"]);
      return;
    }
    const note = (v.note ?? "").trim();
    if (version && note === "") {
      form.setFields([{ name: "note", errors: ["请填写修改说明（随新版本记录，并写入审计日志）"] }]);
      return;
    }
    setSaving(true);
    try {
      const saved = await saveRuleSet({
        fiscalYear: year,
        name: v.name.trim(),
        rules,
        note,
        ...(mode.kind === "version" ? { baseVersion: mode.base.version } : {}),
      });
      await queryClient.invalidateQueries({ queryKey: resultKeys.ruleSets(year) });
      void message.success(`已保存：${ruleSetText(saved)}`);
      setDirty(false);
      onSaved(saved);
    } catch (e) {
      const issues = issuesOf(e);
      if (issues.length > 0) show(issues);
      else if (isApiError(e) && (e.details as { field?: string } | undefined)?.field) {
        const field = (e.details as { field: string }).field;
        form.setFields([{ name: field as keyof Values, errors: [e.message] }]);
      } else setGeneral([errorMessage(e)]);
    } finally {
      setSaving(false);
    }
  };

  const title =
    mode.kind === "new"
      ? "新建规则集"
      : mode.kind === "copy"
        ? `另存为新规则集（以 ${ruleSetText(mode.base)} 为底稿）`
        : `修改 ${ruleSetText(mode.base)}，保存为第${mode.base.version + 1}版`;

  return (
    <Drawer
      open
      width={900}
      title={title}
      onClose={() => confirmLeave(onClose)}
      destroyOnHidden
      data-testid="rule-set-editor"
      extra={
        <Space>
          <Button onClick={() => confirmLeave(onClose)}>取消</Button>
          <Button type="primary" loading={saving} onClick={() => void save()} data-testid="rule-set-save">
            {version ? `保存为第${mode.base.version + 1}版` : "保存为第1版"}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        {year}年度评价结果用于调整{year + 1}年度预算申请。豁免规则最先适用；其余规则按优先级（1
        最先）逐条比对，一个项目只适用它满足的第一条，规则不叠加。
      </Typography.Paragraph>
      {general.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="rule-set-errors"
          title={general.length === 1 ? general[0] : "未保存"}
          description={general.length > 1 ? general.join("；") : undefined}
        />
      )}
      <Form<Values> form={form} layout="vertical" initialValues={initialOf(mode)} onValuesChange={() => setDirty(true)}>
        <Form.Item
          name="name"
          label="规则集名称"
          rules={[{ required: true, whitespace: true, message: "请填写规则集名称" }]}
          extra={version ? "修改写入同一规则集的下一版；要另起名称请用“另存为新规则集”" : undefined}
        >
          <Input maxLength={60} disabled={version} style={{ maxWidth: 420 }} data-testid="rule-set-name" />
        </Form.Item>
        <Form.List name="rules">
          {(fields, { add, remove, move }) => (
            <>
              {fields.map((f, i) => (
                <RuleFields
                  key={f.key}
                  form={form}
                  name={f.name}
                  index={i}
                  count={fields.length}
                  marked={marked.has(i)}
                  notes={notes.get(i) ?? []}
                  onMove={(to) => {
                    move(i, to);
                    setDirty(true);
                    setMarked(new Set());
                    setNotes(new Map());
                  }}
                  onRemove={() => {
                    remove(f.name);
                    setDirty(true);
                    setMarked(new Set());
                    setNotes(new Map());
                  }}
                />
              ))}
              <Space wrap style={{ marginBottom: 16 }}>
                {/* Buttons, not a dropdown menu: the leave guard takes a menu item's click for leaving the page. */}
                <Typography.Text type="secondary">添加规则：</Typography.Text>
                {RULE_KINDS.map((k) => (
                  <Button
                    key={k}
                    type="dashed"
                    size="small"
                    icon={<PlusOutlined />}
                    onClick={() => {
                      add(newRule(k, (form.getFieldValue("rules") as RuleValues[] | undefined) ?? []));
                      setDirty(true);
                    }}
                    data-testid={`rule-set-add-${k}`}
                  >
                    {RULE_KIND_LABELS[k]}
                  </Button>
                ))}
                <Button
                  size="small"
                  disabled={fields.length < 2}
                  onClick={() => {
                    form.setFieldValue("rules", prioritiesInOrder(form.getFieldValue("rules") as RuleValues[]));
                    setDirty(true);
                  }}
                >
                  按排列顺序设定优先级
                </Button>
              </Space>
            </>
          )}
        </Form.List>
        <Form.Item
          name="note"
          label={version ? "修改说明" : "说明"}
          required={version}
          extra={version ? "随新版本记录，并写入审计日志" : "可不填"}
        >
          <Input.TextArea
            rows={2}
            maxLength={500}
            showCount
            placeholder="为什么修改、依据什么（如：按区政府意见，低于平均分的部门核减比例由10%调为8%）"
            data-testid="rule-set-note"
          />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
