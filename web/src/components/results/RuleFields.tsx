import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from "@ant-design/icons";
import { Button, Card, Col, Form, type FormInstance, Input, InputNumber, Row, Select, Space, Typography } from "antd";
import { percentHundredths } from "../../../../src/core/results/percent";
import { ruleLabel } from "../../../../src/core/results/rule-label";
import {
  ADJUSTMENT_ACTION_LABELS,
  EXEMPTION_KINDS,
  EXEMPTION_LABELS,
  RECTIFICATION_TRIGGER_LABELS,
  RECTIFICATION_TRIGGERS,
  RULE_KIND_LABELS,
  type RuleKind,
} from "../../../../src/core/results/rules";
import { DEFAULT_GRADE_LABELS, GRADES } from "../../../../src/core/selfeval/grade";
import { ACTIONS_OF, needsPercent, newRule, RULE_KINDS, type RuleValues, ruleOf } from "./ruleForm";

const kindOptions = RULE_KINDS.map((k) => ({ value: k, label: RULE_KIND_LABELS[k] }));
const gradeOptions = GRADES.map((g) => ({ value: g, label: DEFAULT_GRADE_LABELS[g] }));
const triggerOptions = RECTIFICATION_TRIGGERS.map((t) => ({ value: t, label: RECTIFICATION_TRIGGER_LABELS[t] }));
const exemptOptions = EXEMPTION_KINDS.map((e) => ({ value: e, label: EXEMPTION_LABELS[e] }));

const HELP: Record<RuleKind, string> = {
  grade: "按项目的有效评价等级（重点评价优先于部门评价、抽查复核、单位自评）",
  departmentScore: "部门绩效考核得分严格低于全区平均分的部门，其项目申请按比例核减；恰好等于平均分的不核减",
  rectification: "项目有整改未完成或逾期的整改事项",
  monitoring: "项目绩效监控亮红灯且始终未纠偏",
  exemption: "豁免规则最先适用，无论排在第几条：被豁免的项目维持申请数",
};

/** One line of what the rule does ("按评价等级：中 核减10%"), once its fields say enough. */
function summary(v: RuleValues | undefined): string | null {
  if (!v?.kind) return null;
  // A percentage the core refuses would read as "核减0%": say nothing until it is one.
  if (needsPercent(v) && percentHundredths(v.percent) === null) return null;
  try {
    const r = ruleOf(v);
    if (r.kind === "grade" && (!r.grade || !r.action)) return null;
    return ruleLabel(r);
  } catch {
    return null;
  }
}

interface Props {
  /** The editor's form (its values hold a RuleSetValues). */
  form: FormInstance;
  /** The Form.List field's name (its index). */
  name: number;
  index: number;
  count: number;
  marked: boolean;
  /** Issues of the rule as a whole (与第1条规则重复), shown at its top. */
  notes: readonly string[];
  onMove: (to: number) => void;
  onRemove: () => void;
}

/** A rule of the editor: its kind, the fields the kind and action use, its priority; move and remove. */
export function RuleFields({ form, name, index, count, marked, notes, onMove, onRemove }: Props) {
  const rule = Form.useWatch(["rules", name], form) as RuleValues | undefined;
  const kind = rule?.kind;
  const line = summary(rule);

  /** Another kind starts from that kind's defaults (its fields differ), keeping the priority. */
  const changeKind = (k: RuleKind) => {
    const others = (form.getFieldValue("rules") as RuleValues[]).filter((_, i) => i !== name);
    const fresh = newRule(k, others);
    form.setFieldValue(
      ["rules", name],
      k === "exemption" ? fresh : { ...fresh, priority: rule?.priority ?? fresh.priority },
    );
  };

  return (
    <Card
      size="small"
      style={{ marginBottom: 12, ...(marked ? { borderColor: "#ff4d4f" } : {}) }}
      data-testid="result-rule"
      title={
        <Space size={8} wrap>
          <span>第{index + 1}条</span>
          <Form.Item name={[name, "kind"]} noStyle>
            <Select
              aria-label={`第${index + 1}条规则的类型`}
              options={kindOptions}
              style={{ width: 140 }}
              onChange={(k: RuleKind) => changeKind(k)}
              data-testid="result-rule-kind"
            />
          </Form.Item>
          {line && (
            <Typography.Text type="secondary" style={{ fontWeight: "normal" }} data-testid="result-rule-summary">
              {line}
            </Typography.Text>
          )}
        </Space>
      }
      extra={
        <Space size={0}>
          <Button
            type="text"
            aria-label="上移"
            icon={<ArrowUpOutlined />}
            disabled={index === 0}
            onClick={() => onMove(index - 1)}
          />
          <Button
            type="text"
            aria-label="下移"
            icon={<ArrowDownOutlined />}
            disabled={index === count - 1}
            onClick={() => onMove(index + 1)}
          />
          <Button
            type="text"
            danger
            aria-label={`删除第${index + 1}条规则`}
            icon={<DeleteOutlined />}
            onClick={onRemove}
          />
        </Space>
      }
    >
      {notes.map((n) => (
        <Typography.Text key={n} type="danger" style={{ display: "block", marginBottom: 8 }}>
          {n}
        </Typography.Text>
      ))}
      {kind && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
          {HELP[kind]}
        </Typography.Paragraph>
      )}
      <Row gutter={12}>
        {kind === "grade" && (
          <Col>
            <Form.Item name={[name, "grade"]} label="评价等级" rules={[{ required: true, message: "请选择等级" }]}>
              <Select options={gradeOptions} style={{ width: 90 }} />
            </Form.Item>
          </Col>
        )}
        {kind === "rectification" && (
          <Col>
            <Form.Item name={[name, "trigger"]} label="整改情形" rules={[{ required: true, message: "请选择情形" }]}>
              <Select options={triggerOptions} style={{ width: 140 }} />
            </Form.Item>
          </Col>
        )}
        {kind && kind !== "exemption" && (
          <Col>
            <Form.Item name={[name, "action"]} label="处理方式" rules={[{ required: true, message: "请选择处理方式" }]}>
              <Select
                style={{ width: 130 }}
                disabled={kind === "departmentScore"}
                options={ACTIONS_OF[kind].map((a) => ({
                  value: a,
                  label: ADJUSTMENT_ACTION_LABELS[a],
                  disabled: a === "raise" && rule?.grade !== "excellent",
                }))}
              />
            </Form.Item>
          </Col>
        )}
        {rule && needsPercent(rule) && (
          <Col>
            <Form.Item
              name={[name, "percent"]}
              label={rule.action === "raise" ? "至多增加比例" : "核减比例"}
              rules={[{ required: true, message: "须填写比例" }]}
            >
              {/* No min/max: the control would clamp 120 to 100 without a word; the core's message says what is wrong. */}
              <InputNumber suffix="%" style={{ width: 120 }} />
            </Form.Item>
          </Col>
        )}
        {kind === "grade" && rule?.action === "raise" && (
          <Col>
            <Form.Item name={[name, "capWan"]} label="每项增加上限" extra="不填为不设上限">
              <Input suffix="万元" style={{ width: 150 }} placeholder="不设上限" />
            </Form.Item>
          </Col>
        )}
        {kind && kind !== "exemption" && (
          <Col>
            <Form.Item
              name={[name, "priority"]}
              label="优先级"
              tooltip="1 最先适用；一个项目只适用它满足的第一条调整规则，规则不叠加"
              rules={[{ required: true, message: "须填写优先级" }]}
            >
              <InputNumber min={1} max={999} precision={0} style={{ width: 90 }} />
            </Form.Item>
          </Col>
        )}
        {kind === "exemption" && (
          <Col>
            <Form.Item name={[name, "exempt"]} label="豁免类别" rules={[{ required: true, message: "请选择豁免类别" }]}>
              <Select options={exemptOptions} style={{ width: 180 }} />
            </Form.Item>
          </Col>
        )}
      </Row>
      {kind === "exemption" && rule?.exempt === "codes" && (
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item
              name={[name, "codesText"]}
              label="豁免的项目编码"
              extra="每行一个，也可用逗号或空格分隔"
              rules={[{ required: true, whitespace: true, message: "须列出豁免的项目编码" }]}
            >
              <Input.TextArea rows={3} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name={[name, "note"]}
              label="豁免理由"
              rules={[{ required: true, whitespace: true, message: "须写明豁免理由" }]}
            >
              <Input.TextArea rows={3} maxLength={500} showCount />
            </Form.Item>
          </Col>
        </Row>
      )}
    </Card>
  );
}
