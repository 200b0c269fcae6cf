import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Checkbox, Form, InputNumber, Modal, Select, Space, Switch, Typography } from "antd";
import { useRef, useState } from "react";
import { REVIEW_DRAW_MAX_COUNT } from "../../../../src/core/sampling/review-draw";
import { errorMessage, isApiError, request } from "../../api/client";
import { drawReviewSample, fetchReviews, type ReviewDrawReply, reviewKeys } from "../../api/review/review";
import type { SelfEvalFormPage } from "../../api/selfeval/forms";
import { count } from "../../format";

interface Values {
  count: number;
  department: boolean;
  budget: boolean;
  /** Lower edges of the budget bands above the first (which starts at 0), in 万元. */
  bands: string[];
  forced: string[];
  excluded: string[];
  includeDeptWide: boolean;
}

const DEFAULT_BANDS = ["100", "500"];
/** 万元 with up to two decimals → fen, exactly. */
const wanToFen = (text: string) => Math.round(Number(text) * 100) * 10_000;
const WAN = /^\d+(\.\d{1,2})?$/;

interface Option {
  value: string;
  label: string;
}

/**
 * Picks project self-evaluations finance approved (the draw's population) by code, name or unit, searched
 * on the server as the clerk types.
 */
function ApprovedFormSelect({
  year,
  value,
  onChange,
  testId,
  placeholder,
}: {
  year: number;
  value?: string[];
  onChange?: (v: string[]) => void;
  testId: string;
  placeholder: string;
}) {
  const [options, setOptions] = useState<Option[]>([]);
  const [loading, setLoading] = useState(false);
  const latest = useRef(0);
  const known = useRef(new Map<string, string>());
  const search = async (q: string) => {
    const n = ++latest.current;
    setLoading(true);
    try {
      const page = await request<SelfEvalFormPage>("/selfeval/forms", {
        query: { year, status: "approved", subjectKind: "project", q: q.trim() || undefined, pageSize: 50 },
      });
      if (n !== latest.current) return;
      for (const r of page.rows) known.current.set(r.code, `${r.code} ${r.name}`);
      setOptions(page.rows.map((r) => ({ value: r.code, label: `${r.code} ${r.name}（${r.unit.name}）` })));
    } finally {
      if (n === latest.current) setLoading(false);
    }
  };
  const shown = [
    ...options,
    ...(value ?? [])
      .filter((c) => !options.some((o) => o.value === c))
      .map((c) => ({ value: c, label: known.current.get(c) ?? c })),
  ];
  return (
    <Select
      mode="multiple"
      allowClear
      data-testid={testId}
      placeholder={placeholder}
      value={value}
      onChange={onChange}
      options={shown}
      filterOption={false}
      loading={loading}
      notFoundContent={loading ? "正在查找…" : "输入项目编码、名称或单位查找"}
      onSearch={(q) => void search(q)}
      onFocus={() => options.length === 0 && void search("")}
    />
  );
}

/** Every project the previous year's review took: the usual exclusion ("上年已复核的不再抽"). */
async function reviewedLastYear(year: number): Promise<string[]> {
  const codes: string[] = [];
  for (let page = 1; ; page++) {
    const p = await fetchReviews({ year: year - 1, subjectKind: "project", page, pageSize: 200 });
    codes.push(...p.rows.map((r) => r.code));
    if (page * 200 >= p.total) return codes;
  }
}

/**
 * 抽取复核样本: the count, the strata, forced and excluded projects, and whether the department-wide
 * self-evaluations are all taken. The server makes the seed when it draws and records it with the
 * population, so the draw can be re-run by anyone; a year is drawn once.
 */
export function ReviewDrawModal({
  year,
  population,
  deptWide,
  onClose,
  onDrawn,
}: {
  year: number;
  population: number;
  deptWide: number;
  onClose: () => void;
  onDrawn: (r: ReviewDrawReply) => void;
}) {
  const [form] = Form.useForm<Values>();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [loadingLast, setLoadingLast] = useState(false);
  const budget = Form.useWatch("budget", form) ?? true;
  const excluded = Form.useWatch("excluded", form) ?? [];
  const eligible = Math.max(0, population - excluded.length);

  const draw = useMutation({
    mutationFn: drawReviewSample,
    onSuccess: async (r) => {
      await queryClient.invalidateQueries({ queryKey: reviewKeys.all });
      onDrawn(r);
    },
    onError: (e) => {
      const issues = isApiError(e) ? (e.details as { issues?: { message: string }[] } | undefined)?.issues : undefined;
      setError(issues && issues.length > 0 ? issues.map((i) => i.message).join("；") : errorMessage(e));
    },
  });

  const submit = (v: Values) => {
    setError(null);
    const body = {
      fiscalYear: year,
      count: v.count,
      forced: v.forced,
      excluded: v.excluded,
      stratify: { department: v.department, budget: v.budget },
      ...(v.budget ? { budgetBands: [0, ...v.bands.map(wanToFen)] } : {}),
      includeDeptWide: v.includeDeptWide,
    };
    modal.confirm({
      title: `确认抽取${year}年度复核样本？`,
      content: (
        <>
          <p>
            将从 {count(eligible)} 个已审核的项目自评中抽取 {count(Math.min(v.count, eligible))} 个
            {v.forced.length > 0 ? `（含必抽 ${v.forced.length} 个）` : ""}
            {v.includeDeptWide && deptWide > 0 ? `，另将 ${deptWide} 张部门整体支出自评表全部纳入复核` : ""}。
          </p>
          <p>随机种子由系统在此时生成并与总体、参数一起存档，任何人可按记录复算核对；每年只能抽取一次，不能重抽。</p>
        </>
      ),
      okText: "确定抽取",
      cancelText: "再看看",
      onOk: () => draw.mutateAsync(body).catch(() => undefined),
    });
  };

  const excludeLastYear = async () => {
    setLoadingLast(true);
    try {
      const codes = await reviewedLastYear(year);
      const current = (form.getFieldValue("excluded") as string[] | undefined) ?? [];
      const merged = [...new Set([...current, ...codes])];
      form.setFieldValue("excluded", merged);
      void form.validateFields(["excluded", "forced"]);
      void message.info(
        codes.length > 0 ? `已加入上年复核过的项目 ${codes.length} 个` : `${year - 1}年度没有复核过的项目自评`,
      );
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setLoadingLast(false);
    }
  };

  const bandsValid = (bands: string[] | undefined) => {
    const list = bands ?? [];
    if (list.length === 0) return "请至少填写一个分档界限，如 100、500";
    const bad = list.find((b) => !WAN.test(b) || Number(b) <= 0);
    if (bad !== undefined) return `“${bad}”不是大于 0 的金额（万元，最多两位小数）`;
    const nums = list.map(Number);
    if (nums.some((n, i) => i > 0 && n <= (nums[i - 1] ?? 0))) return "分档界限须从小到大排列且互不相同";
    return null;
  };

  return (
    <Modal
      open
      title={`抽取${year}年度复核样本`}
      okText="抽取…"
      cancelText="取消"
      confirmLoading={draw.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      width={680}
      okButtonProps={{ "data-testid": "review-draw-ok" }}
    >
      <Typography.Paragraph type="secondary">
        从财政已审核的项目自评表中分层随机抽取：名额按各层项目数所占比例分配，必抽项目计入所在层。随机种子由系统生成并存档。
      </Typography.Paragraph>
      {error && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} data-testid="review-draw-error" />
      )}
      <Form<Values>
        form={form}
        name="review-sample"
        layout="vertical"
        onFinish={submit}
        initialValues={{
          count: Math.min(population, 10) || 1,
          department: true,
          budget: true,
          bands: DEFAULT_BANDS,
          forced: [],
          excluded: [],
          includeDeptWide: true,
        }}
      >
        <Space size={24} wrap align="start">
          <Form.Item
            name="count"
            label="抽取数量（项目）"
            extra={`可抽取 ${count(eligible)} 个`}
            dependencies={["forced"]}
            rules={[
              { required: true, message: "请填写抽取数量" },
              {
                type: "integer",
                min: 1,
                max: REVIEW_DRAW_MAX_COUNT,
                message: `抽取数量须为 1 至 ${REVIEW_DRAW_MAX_COUNT} 的整数`,
              },
            ]}
          >
            <InputNumber<number>
              precision={0}
              min={1}
              max={REVIEW_DRAW_MAX_COUNT}
              suffix="个"
              style={{ width: 140 }}
              data-testid="review-draw-count"
            />
          </Form.Item>
          <Form.Item label="分层">
            <Space orientation="vertical" size={4}>
              <Form.Item name="department" valuePropName="checked" noStyle>
                <Checkbox data-testid="review-draw-by-department">按主管部门</Checkbox>
              </Form.Item>
              <Form.Item name="budget" valuePropName="checked" noStyle>
                <Checkbox data-testid="review-draw-by-budget">按预算规模（全年预算数）</Checkbox>
              </Form.Item>
            </Space>
          </Form.Item>
        </Space>
        {budget && (
          <Form.Item
            name="bands"
            label="预算规模分档界限（万元）"
            extra="如 100、500 分为：不足100万元、100万元至不足500万元、500万元及以上"
            rules={[
              {
                validator: async (_, v: string[] | undefined) => {
                  const m = bandsValid(v);
                  if (m) throw new Error(m);
                },
              },
            ]}
          >
            <Select
              mode="tags"
              open={false}
              suffixIcon={null}
              tokenSeparators={[",", "，", " ", "、"]}
              data-testid="review-draw-bands"
            />
          </Form.Item>
        )}
        <Form.Item
          name="forced"
          label="必抽项目"
          extra="不经抽签直接入选，计入抽取数量和所在层的名额"
          dependencies={["excluded", "count"]}
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_, v: string[] | undefined) => {
                const ex = (getFieldValue("excluded") as string[] | undefined) ?? [];
                const both = (v ?? []).filter((c) => ex.includes(c));
                if (both.length > 0) throw new Error(`${both.join("、")} 不能既必抽又排除`);
                const n = getFieldValue("count") as number | null;
                if (n && (v ?? []).length > n) throw new Error(`必抽 ${(v ?? []).length} 个，超过抽取数量 ${n}`);
              },
            }),
          ]}
        >
          <ApprovedFormSelect year={year} testId="review-draw-forced" placeholder="可不选" />
        </Form.Item>
        <Form.Item
          name="excluded"
          label={
            <Space>
              排除项目
              <Button
                size="small"
                type="link"
                loading={loadingLast}
                onClick={() => void excludeLastYear()}
                data-testid="review-draw-exclude-last"
              >
                加入{year - 1}年度已复核的项目
              </Button>
            </Space>
          }
          extra={excluded.length > 0 ? `已选 ${excluded.length} 个，不参加抽取` : undefined}
        >
          <ApprovedFormSelect year={year} testId="review-draw-excluded" placeholder="如上年已复核的项目，可不选" />
        </Form.Item>
        <Form.Item
          name="includeDeptWide"
          label={`部门整体支出自评（已审核 ${deptWide} 张）`}
          valuePropName="checked"
          extra="按规定部门整体支出自评全部复核"
        >
          <Switch checkedChildren="全部纳入" unCheckedChildren="不纳入" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
