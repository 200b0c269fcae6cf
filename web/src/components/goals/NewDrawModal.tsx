import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Form, InputNumber, Modal, Select, Typography } from "antd";
import type { RuleObject } from "antd/es/form";
import { useMemo, useState } from "react";
import {
  MAX_LOOKBACK_YEARS,
  type RollingDrawCandidate,
  validateDrawParams,
} from "../../../../src/core/sampling/rolling-draw";
import { errorMessage, isApiError } from "../../api/client";
import { createReviewDraw } from "../../api/endpoints";
import { qk } from "../../api/hooks";
import type { ReviewDraw, ReviewDrawParams } from "../../api/types";
import { nextDrawYear } from "./reviewData";

interface Values {
  year: number;
  count: number;
  lookbackYears: number;
  forced: string[];
  excluded: string[];
}

const FIELDS: readonly (keyof Values)[] = ["year", "count", "lookbackYears", "forced", "excluded"];
const isField = (f: string): f is keyof Values => (FIELDS as readonly string[]).includes(f);

export const ALGORITHM_NOTE =
  "抽取方法（滚动抽取）：先列入指定必抽的部门；其余部门中，从未会审的排在最前，其次按上次会审年份从早到晚排列，" +
  "同一年份的部门按随机种子排定先后，取前若干个。回溯年数只决定“近期未会审”“轮换再次抽中”等原因的标注，不改变先后。" +
  "随机种子由系统在点击“确定抽取”时生成，任何人都无法事先试出想要的结果；全部部门名单、参数和种子随结果一并存档，" +
  "任何人都可以按记录重新运行抽取，得到完全相同的结果。";

/** Field → messages of a refused draw (400 DRAW_PARAMS_INVALID / REQUEST_INVALID, 409 DRAW_EXISTS). */
function serverIssues(e: unknown): { fields: Map<keyof Values, string[]>; general: string[] } {
  const fields = new Map<keyof Values, string[]>();
  const general: string[] = [];
  const add = (field: string, message: string) => {
    const name = field.replace(/^body\./, "").split(".")[0] ?? "";
    if (isField(name)) fields.set(name, [...(fields.get(name) ?? []), message]);
    else general.push(message);
  };
  if (isApiError(e) && e.code === "DRAW_EXISTS") add("year", e.message);
  else if (isApiError(e) && (e.code === "DRAW_PARAMS_INVALID" || e.code === "REQUEST_INVALID")) {
    const issues = (e.details as { issues?: { field: string; message: string }[] } | undefined)?.issues ?? [];
    for (const i of issues) add(i.field, i.message);
    if (issues.length === 0) general.push(e.message);
  } else general.push(errorMessage(e));
  return { fields, general };
}

/** 新建抽取: the parameters of this year's rolling draw, checked here and again by the server, then confirmed. */
export function NewDrawModal({
  draws,
  population,
  selectedYear,
  onClose,
  onCreated,
}: {
  draws: ReviewDraw[];
  population: RollingDrawCandidate[];
  selectedYear: number;
  onClose: () => void;
  onCreated: (id: number) => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [general, setGeneral] = useState<string[]>([]);
  const drawnYears = useMemo(() => new Set(draws.map((d) => d.fiscalYear)), [draws]);
  const options = useMemo(
    () => population.map((c) => ({ value: c.code, label: `${c.name}（${c.code}）` })),
    [population],
  );
  const nameOf = useMemo(() => new Map(population.map((c) => [c.code, c.name])), [population]);
  const initial = useMemo<Values>(() => {
    const year = nextDrawYear(selectedYear, draws);
    return {
      year,
      count: draws[0]?.params.count ?? 10,
      lookbackYears: 3,
      forced: [],
      excluded: [],
    };
  }, [selectedYear, draws]);

  const excluded = (Form.useWatch("excluded", form) as string[] | undefined) ?? [];
  const eligible = population.length - new Set(excluded.filter((c) => nameOf.has(c))).size;

  const save = useMutation({
    mutationFn: (params: ReviewDrawParams) => createReviewDraw(params),
    onSuccess: (created) => {
      message.success(`已抽取 ${created.picks.length} 个部门，结果已存档`);
      void queryClient.invalidateQueries({ queryKey: qk.reviewDraws });
      onCreated(created.id);
      onClose();
    },
    onError: (e) => {
      const { fields, general: rest } = serverIssues(e);
      form.setFields([...fields].map(([name, errors]) => ({ name, errors })));
      setGeneral(rest);
    },
  });

  const submit = (v: Values) => {
    setGeneral([]);
    const params: ReviewDrawParams = {
      year: v.year,
      count: v.count,
      lookbackYears: v.lookbackYears,
      forced: v.forced ?? [],
      excluded: v.excluded ?? [],
    };
    // The same checks as the server's, on the population as this page knows it.
    const issues = validateDrawParams(population, { ...params, seed: "由系统生成" }).filter(
      (i) => i.field !== "population",
    );
    if (issues.length > 0) {
      const byField = new Map<keyof Values, string[]>();
      for (const i of issues) if (isField(i.field)) byField.set(i.field, [...(byField.get(i.field) ?? []), i.message]);
      form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
      return;
    }
    modal.confirm({
      title: `确认抽取${params.year}年度现场会审部门？`,
      content: `将从 ${eligible} 个部门中抽取 ${params.count} 个${
        params.forced.length ? `（含指定必抽 ${params.forced.length} 个）` : ""
      }。随机种子由系统此时生成；抽取结果保存后存档，不能重抽或修改。`,
      okText: "确定抽取",
      cancelText: "再看看",
      onOk: () => save.mutateAsync(params).catch(() => undefined),
    });
  };

  const notDrawn = (_: RuleObject, year: number | null) =>
    year !== null && drawnYears.has(year)
      ? Promise.reject(new Error(`${year}年度已经抽取过，抽取结果不能重抽覆盖`))
      : Promise.resolve();
  const withinEligible = (_: RuleObject, count: number | null) =>
    count !== null && count > eligible
      ? Promise.reject(new Error(`抽取数量不能超过可抽取的部门数 ${eligible}`))
      : Promise.resolve();
  const forcedRule = (_: RuleObject, forced: string[] | undefined) => {
    const both = (forced ?? []).filter((c) => excluded.includes(c));
    if (both.length > 0)
      return Promise.reject(new Error(`${both.map((c) => nameOf.get(c) ?? c).join("、")} 不能既指定必抽又排除`));
    const count = form.getFieldValue("count") as number | null;
    if (count && (forced ?? []).length > count)
      return Promise.reject(new Error(`指定必抽 ${(forced ?? []).length} 个，超过抽取数量 ${count}`));
    return Promise.resolve();
  };

  return (
    <Modal
      open
      title="新建现场会审抽取"
      okText="抽取"
      cancelText="取消"
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      width={640}
    >
      {general.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={general.length === 1 ? general[0] : "抽取未完成"}
          description={general.length > 1 ? general.join("；") : undefined}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<Values>
        form={form}
        name="review-draw"
        layout="vertical"
        initialValues={initial}
        onFinish={submit}
        requiredMark
      >
        <div style={{ display: "flex", gap: 16, flexWrap: "wrap" }}>
          <Form.Item
            name="year"
            label="年度"
            style={{ flex: "1 1 140px" }}
            rules={[
              { required: true, message: "请填写年度" },
              { type: "integer", min: 2000, max: 2100, message: "年度须为 2000–2100 之间的年份" },
              { validator: notDrawn },
            ]}
          >
            <InputNumber<number> precision={0} style={{ width: "100%" }} suffix="年" />
          </Form.Item>
          <Form.Item
            name="count"
            label="抽取数量"
            style={{ flex: "1 1 140px" }}
            dependencies={["excluded"]}
            extra={`可抽取 ${eligible} 个部门`}
            rules={[
              { required: true, message: "请填写抽取数量" },
              { type: "integer", min: 1, message: "抽取数量须为不小于 1 的整数" },
              { validator: withinEligible },
            ]}
          >
            <InputNumber<number> precision={0} style={{ width: "100%" }} suffix="个" />
          </Form.Item>
          <Form.Item
            name="lookbackYears"
            label="回溯年数"
            style={{ flex: "1 1 140px" }}
            rules={[
              { required: true, message: "请填写回溯年数" },
              {
                type: "integer",
                min: 1,
                max: MAX_LOOKBACK_YEARS,
                message: `回溯年数须为 1 至 ${MAX_LOOKBACK_YEARS} 之间的整数`,
              },
            ]}
          >
            <InputNumber<number> precision={0} style={{ width: "100%" }} suffix="年" />
          </Form.Item>
        </div>
        <Form.Item
          name="forced"
          label="指定必抽部门"
          extra="排在最前，不受滚动规则影响，如上级交办或上年问题较多的部门"
          dependencies={["excluded", "count"]}
          rules={[{ validator: forcedRule }]}
        >
          <Select
            mode="multiple"
            allowClear
            placeholder="可不选"
            options={options}
            showSearch={{ optionFilterProp: "label" }}
            maxTagCount="responsive"
          />
        </Form.Item>
        <Form.Item name="excluded" label="排除部门" extra="不参加本次抽取，如已撤并或本年已另行检查的部门">
          <Select
            mode="multiple"
            allowClear
            placeholder="可不选"
            options={options}
            showSearch={{ optionFilterProp: "label" }}
            maxTagCount="responsive"
          />
        </Form.Item>
      </Form>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginBottom: 0 }}>
        {ALGORITHM_NOTE}
      </Typography.Paragraph>
    </Modal>
  );
}
