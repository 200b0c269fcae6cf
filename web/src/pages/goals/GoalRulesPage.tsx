import { DeleteOutlined, PlusOutlined, SaveOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import { useEffect, useState } from "react";
import { errorMessage, isApiError } from "../../api/client";
import { type GoalRulesData, goalRulesKey, saveGoalRules, useGoalRules } from "../../api/goals/goal-rules";
import { useSession, useYear } from "../../auth/session";
import { PageError } from "../../components/PageError";
import { PageTitle } from "../../components/PageTitle";
import { dateTime } from "../../format";

interface Values {
  totalWeight: number;
  levels: { level1: string; level2: string[] }[];
  minIndicators: number;
  /** The policy keeps a fraction; the form shows a percentage. */
  maxQualitativePct: number;
  vagueWords: string[];
  inputWords: string[];
  moneyUnits: string[];
  satisfactionWords: string[];
  reason: string;
}

const valuesOf = (d: GoalRulesData): Values => ({
  totalWeight: d.template.totalWeight,
  levels: d.template.levels.map((l) => ({ level1: l.level1, level2: [...l.level2] })),
  minIndicators: d.policy.minIndicators,
  maxQualitativePct: Math.round(d.policy.maxQualitativeShare * 100),
  vagueWords: d.policy.vagueWords,
  inputWords: d.policy.inputWords,
  moneyUnits: d.policy.moneyUnits,
  satisfactionWords: d.policy.satisfactionWords,
  reason: "",
});

/** "template.levels.1.level2.0" (the server's field) → the form's name path. */
function formPath(field: string): (string | number)[] | null {
  const parts = field.replace(/^body\./, "").split(".");
  const n = (s: string | undefined) => Number(s);
  if (parts[0] === "template" && parts[1] === "totalWeight") return ["totalWeight"];
  if (parts[0] === "template" && parts[1] === "levels")
    return parts[2] === undefined ? ["levels"] : ["levels", n(parts[2]), parts[3] === "level1" ? "level1" : "level2"];
  if (parts[0] === "policy" && parts[1] === "maxQualitativeShare") return ["maxQualitativePct"];
  if (parts[0] === "policy" && parts[1]) return [parts[1]];
  return null;
}

const WORD_LISTS: { name: keyof Values; label: string; help: string }[] = [
  { name: "vagueWords", label: "模糊表述用语", help: "指标值或名称含这些词时提示“表述模糊”，如“进一步”“有所提高”" },
  { name: "inputWords", label: "投入类用语", help: "产出指标名称含这些词时提示“以投入代替产出”，如“资金”“经费”" },
  { name: "moneyUnits", label: "金额单位", help: "产出指标以这些单位计量时视为投入，如“万元”" },
  { name: "satisfactionWords", label: "满意度用语", help: "效益指标名称含这些词时提示“满意度列为效益指标”" },
];

/**
 * 指标体系与审核规则: the year's level-1/level-2 indicator framework and the thresholds and word lists
 * of the quality checks. Finance saves a new version; everyone else reads what applies.
 */
export default function GoalRulesPage() {
  const { year } = useYear();
  const { can } = useSession();
  const editable = can("goal.configure");
  const rules = useGoalRules(year);
  const [form] = Form.useForm<Values>();
  const [general, setGeneral] = useState<string | null>(null);
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();

  useEffect(() => {
    if (rules.data) form.setFieldsValue(valuesOf(rules.data));
  }, [rules.data, form]);

  const save = useMutation({
    mutationFn: (v: Values) =>
      saveGoalRules({
        fiscalYear: year,
        ...(v.reason.trim() ? { reason: v.reason.trim() } : {}),
        template: { totalWeight: v.totalWeight, levels: v.levels },
        policy: {
          minIndicators: v.minIndicators,
          maxQualitativeShare: v.maxQualitativePct / 100,
          vagueWords: v.vagueWords,
          inputWords: v.inputWords,
          moneyUnits: v.moneyUnits,
          satisfactionWords: v.satisfactionWords,
        },
      }),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: goalRulesKey(year) });
      void queryClient.invalidateQueries({ queryKey: ["goal-lint"] });
      setGeneral(null);
      void message.success(`已保存为 ${saved.version} 版`);
    },
    onError: (e) => {
      const issues = isApiError(e)
        ? ((e.details as { issues?: { field: string; message: string }[] } | undefined)?.issues ?? [])
        : [];
      const placed = issues.flatMap((i) => {
        const name = formPath(i.field);
        return name ? [{ name, errors: [i.message] }] : [];
      });
      form.setFields(placed as Parameters<typeof form.setFields>[0]);
      setGeneral(placed.length === issues.length && placed.length > 0 ? null : errorMessage(e));
    },
  });

  if (rules.error && !rules.data) return <PageError error={rules.error} onRetry={() => void rules.refetch()} />;
  const d = rules.data;
  const nextVersion = `${year}.${(d?.history.length ?? 0) + 1}`;
  const where = !d
    ? ""
    : d.id === null
      ? "系统默认（财预〔2020〕10号）"
      : d.setForYear === year
        ? `现行 ${d.version} 版`
        : `沿用${d.setForYear}年度 ${d.version} 版`;

  const submit = (v: Values) =>
    modal.confirm({
      title: `保存为 ${nextVersion} 版？`,
      content: "保存后，本年度全部目标表（含已批复的）按新的指标体系和规则审核；旧版本保留备查。",
      okText: "保存",
      onOk: () => save.mutateAsync(v).catch(() => undefined),
    });

  return (
    <>
      <PageTitle
        title="指标体系与审核规则"
        sub={`${year}年度 · ${where}`}
        extra={
          editable && (
            <Button
              type="primary"
              icon={<SaveOutlined />}
              loading={save.isPending}
              onClick={() => form.submit()}
              data-testid="rules-save"
            >
              保存为新版本
            </Button>
          )
        }
      />
      {!editable && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="指标体系和审核规则由财政局设定，此处仅供查阅。"
        />
      )}
      {general && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={general} />}
      <Form<Values>
        form={form}
        layout="vertical"
        disabled={!editable || !d}
        onFinish={submit}
        requiredMark={editable}
        data-testid="rules-form"
      >
        <Row gutter={16}>
          <Col xs={24} xl={14}>
            <Card
              title="指标体系（一级、二级指标）"
              size="small"
              loading={rules.isPending}
              style={{ marginBottom: 16 }}
              extra={<Typography.Text type="secondary">三级指标由单位填报时在二级指标下设置</Typography.Text>}
            >
              <Form.List
                name="levels"
                rules={[
                  {
                    validator: async (_, levels: Values["levels"] | undefined) => {
                      if (!levels || levels.length === 0) throw new Error("至少要有一个一级指标");
                    },
                  },
                ]}
              >
                {(fields, { add, remove }, { errors }) => (
                  <>
                    {fields.map((field, i) => (
                      <Row key={field.key} gutter={8} align="top" wrap={false} data-testid={`rules-level-${i}`}>
                        <Col flex="180px">
                          <Form.Item
                            name={[field.name, "level1"]}
                            label={i === 0 ? "一级指标" : undefined}
                            rules={[
                              { required: true, whitespace: true, message: "请填写一级指标名称" },
                              { max: 20, message: "不超过 20 个字" },
                              {
                                validator: async (_, value: string | undefined) => {
                                  const all = (form.getFieldValue("levels") as Values["levels"]) ?? [];
                                  const same = all.filter((l) => l?.level1?.trim() === value?.trim()).length;
                                  if (value?.trim() && same > 1) throw new Error(`“${value.trim()}”重复`);
                                },
                              },
                            ]}
                          >
                            <Input placeholder="如 产出指标" />
                          </Form.Item>
                        </Col>
                        <Col flex="auto" style={{ minWidth: 0 }}>
                          <Form.Item
                            name={[field.name, "level2"]}
                            label={i === 0 ? "二级指标（回车添加）" : undefined}
                            rules={[{ required: true, type: "array", min: 1, message: "至少要有一个二级指标" }]}
                          >
                            <Select mode="tags" open={false} suffixIcon={null} placeholder="输入二级指标名称后回车" />
                          </Form.Item>
                        </Col>
                        {editable && (
                          <Col flex="32px">
                            <Form.Item label={i === 0 ? " " : undefined}>
                              <Button
                                type="text"
                                danger
                                aria-label="删除此一级指标"
                                icon={<DeleteOutlined />}
                                onClick={() => remove(field.name)}
                              />
                            </Form.Item>
                          </Col>
                        )}
                      </Row>
                    ))}
                    <Form.ErrorList errors={errors} />
                    {editable && (
                      <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ level1: "", level2: [] })}>
                        添加一级指标
                      </Button>
                    )}
                  </>
                )}
              </Form.List>
              <Form.Item
                name="totalWeight"
                label="权重合计（分）"
                style={{ marginTop: 16, marginBottom: 0 }}
                rules={[{ required: true, type: "number", min: 1, max: 1000, message: "须为 1–1000 的分值" }]}
                extra="各三级指标权重之和须等于此分值，否则不能提交。"
              >
                <InputNumber min={1} max={1000} style={{ width: 140 }} />
              </Form.Item>
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Card title="智能审核规则" size="small" loading={rules.isPending} style={{ marginBottom: 16 }}>
              <Space size={24} wrap>
                <Form.Item
                  name="minIndicators"
                  label="最少三级指标数"
                  rules={[{ required: true, type: "integer", min: 1, max: 50, message: "须为 1–50 的整数" }]}
                >
                  <InputNumber min={1} max={50} precision={0} style={{ width: 120 }} />
                </Form.Item>
                <Form.Item
                  name="maxQualitativePct"
                  label="定性指标占比上限"
                  rules={[{ required: true, type: "number", min: 1, max: 100, message: "须为 1%–100%" }]}
                >
                  <InputNumber min={1} max={100} precision={0} suffix="%" style={{ width: 120 }} />
                </Form.Item>
              </Space>
              {WORD_LISTS.map((w) => (
                <Form.Item key={w.name} name={w.name} label={w.label} extra={w.help}>
                  <Select mode="tags" open={false} suffixIcon={null} placeholder="输入后回车添加" />
                </Form.Item>
              ))}
            </Card>
          </Col>
        </Row>
        {editable && (
          <Card size="small" style={{ marginBottom: 16 }}>
            <Form.Item name="reason" label="调整说明" style={{ marginBottom: 0 }} rules={[{ max: 500 }]}>
              <Input.TextArea rows={2} placeholder="如：成本指标单列为一级指标（财政部最新要求）" />
            </Form.Item>
          </Card>
        )}
      </Form>
      <Card title={`${year}年度版本记录`} size="small">
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          loading={rules.isPending}
          dataSource={d?.history ?? []}
          locale={{
            emptyText:
              d?.setForYear && d.setForYear !== year
                ? `本年度未单独设定，沿用${d.setForYear}年度规则`
                : "本年度未单独设定，使用系统默认规则",
          }}
          columns={[
            {
              title: "版本",
              dataIndex: "version",
              render: (v: string) => (
                <Space>
                  {v}
                  {v === d?.version && <Tag color="green">现行</Tag>}
                </Space>
              ),
            },
            { title: "设定时间", dataIndex: "createdAt", render: (v: string) => dateTime(v) },
            { title: "设定人", dataIndex: "createdByName", render: (v: string | null) => v ?? "系统初始化" },
          ]}
        />
      </Card>
    </>
  );
}
