import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, AutoComplete, Form, Input, Modal, Radio, Select } from "antd";
import { useState } from "react";
import {
  INDICATOR_KIND_LABELS,
  INDICATOR_KINDS,
  type IndicatorKind,
  type IndicatorTemplate,
  OPERATOR_LABELS,
  OPERATORS,
  type Operator,
} from "../../../../src/core/goals/types";
import { markupReason } from "../../../../src/core/imports/cells";
import { errorMessage, isApiError } from "../../api/client";
import {
  createLibraryEntry,
  type LibraryEntry,
  type LibraryEntryBody,
  libraryKeys,
  updateLibraryEntry,
} from "../../api/goals/indicator-library";
import { STALE_MESSAGE } from "../OrgFormModal";

interface Values {
  sector: string;
  level1: string;
  level2: string;
  name: string;
  kind: IndicatorKind;
  operator?: Operator | null;
  unit?: string | null;
  explanation?: string | null;
}

/** The server's rules (core/goals/indicator-library.ts), so most mistakes are caught before sending. */
const text = (label: string, max: number, required: boolean) => [
  ...(required ? [{ required: true, whitespace: true, message: `请填写${label}` }] : []),
  { max, message: `${label}不能超过 ${max} 个字` },
  {
    validator: (_r: unknown, v: string | null | undefined) => {
      const reason = v ? markupReason(v.replace(/\n/g, " ")) : null;
      return reason ? Promise.reject(new Error(`${label}含有${reason}，请删除后再保存`)) : Promise.resolve();
    },
  },
];

/**
 * Finance adds an entry (entry === null) or rewords one, which makes it 推荐. Sector, level 2 and name
 * tie an entry to the tables that used it, so they are fixed once any approved table has.
 */
export function LibraryEntryModal({
  entry,
  year,
  template,
  sectors,
  onClose,
}: {
  entry: LibraryEntry | null;
  year: number;
  template: IndicatorTemplate | undefined;
  sectors: readonly string[];
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const kind = Form.useWatch("kind", form) ?? entry?.kind ?? "quantitative";
  const level1 = Form.useWatch("level1", form) ?? entry?.level1;
  const fixed = entry !== null && entry.uses > 0;
  const levels = template?.levels ?? [];
  const level2Options = (levels.find((l) => l.level1 === level1)?.level2 ?? []).map((l) => ({ value: l, label: l }));

  const save = useMutation({
    mutationFn: (v: Values) => {
      const quantitative = v.kind === "quantitative";
      const body: LibraryEntryBody = {
        fiscalYear: year,
        sector: v.sector.trim(),
        level1: v.level1,
        level2: v.level2,
        name: v.name.trim(),
        kind: v.kind,
        operator: quantitative ? (v.operator ?? null) : null,
        unit: quantitative ? v.unit?.trim() || null : null,
        explanation: v.explanation?.trim() || null,
      };
      return entry ? updateLibraryEntry(entry.id, { ...body, version: entry.version }) : createLibraryEntry(body);
    },
    onSuccess: () => {
      message.success(entry ? "已保存，该指标已标为财政推荐" : "已新增指标");
      void queryClient.invalidateQueries({ queryKey: libraryKeys.all });
      void queryClient.invalidateQueries({ queryKey: ["goal-tables", "suggestions"] });
      onClose();
    },
    onError: (e) => {
      if (isApiError(e) && e.code === "STALE_VERSION") {
        message.error({ content: STALE_MESSAGE, duration: 6 });
        void queryClient.invalidateQueries({ queryKey: libraryKeys.all });
        onClose();
        return;
      }
      setError(errorMessage(e));
      // The server names the field: mark it in the form as well.
      const field = isApiError(e) ? (e.details as { field?: string } | undefined)?.field : undefined;
      if (field && field in (form.getFieldsValue() as object))
        form.setFields([{ name: field as keyof Values, errors: [errorMessage(e)] }]);
    },
  });

  return (
    <Modal
      open
      title={entry ? `编辑指标：${entry.name}` : "新增指标"}
      okText={entry ? "保存" : "新增"}
      cancelText="取消"
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      width={620}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="library-error" />}
      {fixed && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`该指标已被 ${entry.uses} 张已批复的目标表使用：行业、二级指标和名称不能修改；如需改名，请新增指标后停用本指标。`}
        />
      )}
      <Form<Values>
        form={form}
        name="library-entry"
        layout="vertical"
        initialValues={
          entry
            ? {
                sector: entry.sector,
                level1: entry.level1,
                level2: entry.level2,
                name: entry.name,
                kind: entry.kind,
                operator: entry.operator,
                unit: entry.unit,
                explanation: entry.explanation,
              }
            : { kind: "quantitative", operator: ">=" }
        }
        onValuesChange={(changed: Partial<Values>) => {
          if ("level1" in changed) form.setFieldValue("level2", undefined);
        }}
        onFinish={(v) => {
          setError(null);
          save.mutate(v);
        }}
      >
        <div style={{ display: "grid", gridTemplateColumns: "1fr 1fr 1fr", gap: "0 12px" }}>
          <Form.Item name="sector" label="所属行业" rules={text("所属行业", 40, true)}>
            <AutoComplete
              disabled={fixed}
              options={sectors.map((s) => ({ value: s }))}
              filterOption={(input, o) => String(o?.value ?? "").includes(input)}
              placeholder="如 教育、卫生健康"
            />
          </Form.Item>
          <Form.Item name="level1" label="一级指标" rules={[{ required: true, message: "请选择一级指标" }]}>
            <Select
              disabled={fixed}
              placeholder="一级指标"
              options={levels.map((l) => ({ value: l.level1, label: l.level1 }))}
            />
          </Form.Item>
          <Form.Item name="level2" label="二级指标" rules={[{ required: true, message: "请选择二级指标" }]}>
            <Select disabled={fixed || !level1} placeholder="二级指标" options={level2Options} />
          </Form.Item>
        </div>
        <Form.Item name="name" label="指标名称（三级指标）" rules={text("指标名称", 100, true)}>
          <Input disabled={fixed} placeholder="如 验收合格率" />
        </Form.Item>
        <div style={{ display: "grid", gridTemplateColumns: "1fr 1fr 1fr", gap: "0 12px" }}>
          <Form.Item name="kind" label="指标类型">
            <Radio.Group
              optionType="button"
              options={INDICATOR_KINDS.map((k) => ({ value: k, label: INDICATOR_KIND_LABELS[k] }))}
            />
          </Form.Item>
          {kind === "quantitative" && (
            <>
              <Form.Item
                name="operator"
                label="比较方向"
                rules={[{ required: true, message: "定量指标须选择比较方向（≥、≤ 或 =）" }]}
              >
                <Select options={OPERATORS.map((o) => ({ value: o, label: OPERATOR_LABELS[o] }))} />
              </Form.Item>
              <Form.Item
                name="unit"
                label="计量单位"
                rules={[
                  { required: true, whitespace: true, message: "定量指标须填写计量单位（如 个、%、万元）" },
                  ...text("计量单位", 20, false),
                ]}
              >
                <Input placeholder="如 个、%、万元" />
              </Form.Item>
            </>
          )}
        </div>
        <Form.Item name="explanation" label="指标解释" rules={text("指标解释", 500, false)}>
          <Input.TextArea rows={3} placeholder="指标的含义、计算方法和数据来源" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
