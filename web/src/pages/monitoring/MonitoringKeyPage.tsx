import { AimOutlined, CheckCircleFilled, CloseCircleFilled, ExperimentOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Descriptions,
  Form,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from "antd";
import { type Key, useMemo, useState } from "react";
import { Link, useParams } from "react-router";
import { KEY_REASONS, type KeyReason } from "../../../../src/core/monitoring/key-candidates";
import { KEY_DRAW_STRATIFY, type KeyDrawStratify } from "../../../../src/core/sampling/key-draw";
import { errorMessage } from "../../api/client";
import {
  drawKey,
  type KeyCandidate,
  type KeyDraw,
  type KeyDrawData,
  monitoringKeys,
  pickKey,
  useKeyCandidates,
  useKeyDraw,
  useRound,
} from "../../api/monitoring/monitoring";
import { useSession } from "../../auth/session";
import { keyReasonLabel, kindLabel, pct, stratifyLabel } from "../../components/monitoring/codes";
import { PageError } from "../../components/PageError";
import { PageTitle } from "../../components/PageTitle";
import { count, DASH, dateTime, wan } from "../../format";
import ForbiddenPage from "../ForbiddenPage";

const REASON_COLORS: Record<KeyReason, string> = {
  lagging: "red",
  large_budget: "gold",
  poor_results: "volcano",
  key_project: "purple",
};

/** May finance still pick it: it can be monitored and is not key-monitored yet. */
const pickable = (c: KeyCandidate) => c.goalTableId !== null && c.report?.kind !== "key";

/** The recorded draw: its parameters, the population, the picks and whether recomputing gives the same. */
function DrawRecord({ data }: { data: KeyDrawData & { draw: KeyDraw } }) {
  const d = data.draw;
  const p = d.params;
  return (
    <Card
      size="small"
      title="抽取记录"
      style={{ marginBottom: 16 }}
      data-testid="draw-record"
      extra={
        data.replay &&
        (data.replay.matches ? (
          <Tag icon={<CheckCircleFilled />} color="success" data-testid="replay-ok">
            复算一致：按记录的种子和总体重新抽取，结果相同
          </Tag>
        ) : (
          <Tag icon={<CloseCircleFilled />} color="error" data-testid="replay-bad">
            复算不一致
          </Tag>
        ))
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} bordered>
        <Descriptions.Item label="抽取时间">{dateTime(d.createdAt)}</Descriptions.Item>
        <Descriptions.Item label="抽取人">{d.createdByName ?? DASH}</Descriptions.Item>
        <Descriptions.Item label="算法">{d.algorithm}</Descriptions.Item>
        <Descriptions.Item label="随机种子">
          <Typography.Text code copyable data-testid="draw-seed">
            {p.seed}
          </Typography.Text>
          {p.seedMethod && <Typography.Text type="secondary">（{p.seedMethod}）</Typography.Text>}
        </Descriptions.Item>
        <Descriptions.Item label="总体 / 符合条件">
          {count(d.populationSize)} 个 / {count(d.eligibleSize)} 个
        </Descriptions.Item>
        <Descriptions.Item label="抽取数量">
          {count(p.count)} 个 · {stratifyLabel(p.stratify)}
        </Descriptions.Item>
        <Descriptions.Item label="限定理由">
          {p.onlyWithReasons.length ? p.onlyWithReasons.map(keyReasonLabel).join("、") : "不限"}
        </Descriptions.Item>
        <Descriptions.Item label="必选">{p.forced.length ? p.forced.join("、") : "无"}</Descriptions.Item>
        <Descriptions.Item label="排除">{p.excluded.length ? p.excluded.join("、") : "无"}</Descriptions.Item>
      </Descriptions>
      {data.replay && !data.replay.matches && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          title="按记录复算的结果与记录不同"
          description={data.replay.differences.join("；")}
        />
      )}
      {d.notes.length > 0 && (
        <Alert type="info" showIcon style={{ marginTop: 12 }} title={d.notes.map((n) => <div key={n}>{n}</div>)} />
      )}
      <Table
        size="small"
        rowKey="code"
        style={{ marginTop: 12 }}
        dataSource={d.picks}
        pagination={false}
        data-testid="draw-picks"
        columns={[
          { title: "排名", dataIndex: "rank", width: 70, align: "right" },
          { title: "项目编码", dataIndex: "code", width: 140 },
          { title: "项目名称", dataIndex: "name" },
          { title: "部门编码", dataIndex: "departmentCode", width: 100 },
          {
            title: "预算（万元）",
            dataIndex: "budget",
            width: 120,
            align: "right",
            render: (v: number) => <span className="jx-num">{wan(v)}</span>,
          },
          {
            title: "入选方式",
            dataIndex: "reason",
            width: 100,
            render: (r: string) => (r === "forced" ? <Tag color="orange">必选</Tag> : <Tag color="blue">随机抽中</Tag>),
          },
          { title: "分层", dataIndex: "stratum", width: 120, render: (s: string | null) => s ?? DASH },
          {
            title: "理由",
            dataIndex: "reasons",
            render: (rs: KeyReason[]) => rs.map((r) => <Tag key={r}>{keyReasonLabel(r)}</Tag>),
          },
        ]}
      />
    </Card>
  );
}

interface DrawValues {
  count: number;
  onlyWithReasons: KeyReason[];
  stratify: KeyDrawStratify;
  forced: string[];
  excluded: string[];
}

function DrawModal({
  roundId,
  open,
  candidates,
  largeBudgetWan,
  onClose,
}: {
  roundId: number;
  open: boolean;
  candidates: KeyCandidate[];
  largeBudgetWan: number;
  onClose: () => void;
}) {
  const [form] = Form.useForm<DrawValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const population = candidates.filter(pickable);
  const options = population.map((c) => ({ value: c.code, label: `${c.code} ${c.name}` }));
  const only = Form.useWatch("onlyWithReasons", form) ?? [];
  const eligible = population.filter((c) => only.length === 0 || c.reasons.some((r) => only.includes(r))).length;

  const submit = async () => {
    let v: DrawValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const r = await drawKey(roundId, { ...v, largeBudgetWan });
      void message.success(`已抽取 ${r.picks.length} 个项目，下达重点监控任务 ${r.created + r.converted} 个`);
      await queryClient.invalidateQueries({ queryKey: monitoringKeys.all });
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title="抽取财政重点监控项目"
      okText="抽取并下达"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      width={640}
      okButtonProps={{ "data-testid": "draw-ok" }}
    >
      <Typography.Paragraph type="secondary">
        由服务器生成随机种子，记录总体、参数和结果，任何人可按记录复算核对。每个轮次只能抽取一次；抽取后仍可手工选取。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} data-testid="draw-error" />}
      <Form<DrawValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          count: Math.min(9, population.length) || 1,
          onlyWithReasons: [],
          stratify: "none",
          forced: [],
          excluded: [],
        }}
      >
        <Form.Item
          name="onlyWithReasons"
          label="只从有以下理由的项目中抽取"
          extra={`符合条件的项目 ${eligible} 个（共 ${population.length} 个可抽取）`}
        >
          <Checkbox.Group options={KEY_REASONS.map((r) => ({ value: r, label: keyReasonLabel(r) }))} />
        </Form.Item>
        <Space size={24} wrap>
          <Form.Item
            name="count"
            label="抽取数量"
            dependencies={["onlyWithReasons"]}
            rules={[
              { required: true, message: "请填写抽取数量" },
              { type: "integer", min: 1, max: 1000, message: "抽取数量须为 1—1000 的整数" },
              {
                validator: async (_, n: number | undefined) => {
                  if (n && n > eligible) throw new Error(`符合条件的项目只有 ${eligible} 个`);
                },
              },
            ]}
          >
            <InputNumber precision={0} min={1} max={1000} suffix="个" style={{ width: 140 }} data-testid="draw-count" />
          </Form.Item>
          <Form.Item name="stratify" label="分层">
            <Select
              style={{ width: 180 }}
              options={KEY_DRAW_STRATIFY.map((s) => ({ value: s, label: stratifyLabel(s) }))}
            />
          </Form.Item>
        </Space>
        <Form.Item name="forced" label="必选项目" extra="列入必选的项目不经抽签直接入选，计入抽取数量">
          <Select mode="multiple" allowClear options={options} optionFilterProp="label" placeholder="可不选" />
        </Form.Item>
        <Form.Item
          name="excluded"
          label="排除项目"
          dependencies={["forced"]}
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_, ex: string[] | undefined) => {
                const forced = (getFieldValue("forced") as string[] | undefined) ?? [];
                const both = (ex ?? []).filter((c) => forced.includes(c));
                if (both.length) throw new Error(`${both.join("、")} 不能既必选又排除`);
              },
            }),
          ]}
        >
          <Select mode="multiple" allowClear options={options} optionFilterProp="label" placeholder="可不选" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * 财政重点监控: the round's projects ranked by lagging execution, budget size, past results and key
 * projects; finance draws (seeded and recorded) or picks by hand, which issues the key-monitoring forms.
 */
export default function MonitoringKeyPage() {
  const id = Number(useParams().id);
  const { can } = useSession();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [largeBudgetWan, setLargeBudgetWan] = useState(500);
  const round = useRound(id);
  const candidates = useKeyCandidates(id, largeBudgetWan);
  const draw = useKeyDraw(id);
  const [picked, setPicked] = useState<Key[]>([]);
  const [reason, setReason] = useState<KeyReason | "any" | "all">("all");
  const [department, setDepartment] = useState<number | undefined>();
  const [drawing, setDrawing] = useState(false);
  const [busy, setBusy] = useState(false);
  const all = candidates.data ?? [];
  const rows = useMemo(
    () =>
      all.filter(
        (c) =>
          (reason === "all" || (reason === "any" ? c.reasons.length > 0 : c.reasons.includes(reason))) &&
          (department === undefined || c.department.id === department),
      ),
    [all, reason, department],
  );
  const departments = useMemo(() => {
    const m = new Map<number, string>();
    for (const c of all) m.set(c.department.id, `${c.department.code} ${c.department.name}`);
    return [...m].map(([value, label]) => ({ value, label }));
  }, [all]);
  const keyCount = all.filter((c) => c.report?.kind === "key").length;
  const open = round.data?.round.status === "open";

  if (!can("monitoring.manage")) return <ForbiddenPage />;
  if (round.error) return <PageError error={round.error} onRetry={() => void round.refetch()} />;
  if (candidates.error) return <PageError error={candidates.error} onRetry={() => void candidates.refetch()} />;

  const pick = async () => {
    const subjects = all
      .filter((c) => picked.includes(c.id))
      .map((c) => ({ subjectKind: "project" as const, id: c.id }));
    setBusy(true);
    try {
      const r = await pickKey(id, subjects);
      void message.success(
        `已下达重点监控 ${r.created + r.converted} 个${r.converted ? `（其中 ${r.converted} 个由部门监控转为重点监控）` : ""}`,
      );
      setPicked([]);
      await queryClient.invalidateQueries({ queryKey: monitoringKeys.all });
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const r = round.data?.round;
  const drawn = draw.data?.draw ? (draw.data as KeyDrawData & { draw: KeyDraw }) : null;
  return (
    <>
      <PageTitle
        title="财政重点监控"
        sub={
          r
            ? `${r.fiscalYear}年 1—${r.cutoffMonth}月监控 · 时间进度 ${pct(r.timeProgress)} · 金额单位：万元`
            : undefined
        }
        extra={
          <Space>
            <Link to={`/monitoring?round=${id}`}>
              <Button>返回运行监控</Button>
            </Link>
            {open && !drawn && (
              <Button
                icon={<ExperimentOutlined />}
                disabled={candidates.isPending || draw.isPending}
                onClick={() => setDrawing(true)}
                data-testid="open-draw"
              >
                随机抽取…
              </Button>
            )}
          </Space>
        }
      />
      {drawn && <DrawRecord data={drawn} />}
      <Card
        size="small"
        title={`候选项目排序（已列入重点监控 ${keyCount} 个）`}
        data-testid="key-candidates"
        extra={
          open && (
            <Button
              type="primary"
              icon={<AimOutlined />}
              disabled={picked.length === 0}
              loading={busy}
              onClick={() => void pick()}
              data-testid="pick-key"
            >
              选为重点监控并下达{picked.length ? `（${picked.length}）` : ""}
            </Button>
          )
        }
      >
        <Row gutter={16} style={{ marginBottom: 12 }} align="middle">
          <Col>
            <Space wrap>
              <Select
                value={reason}
                onChange={setReason}
                style={{ width: 170 }}
                aria-label="理由"
                options={[
                  { value: "all", label: "全部项目" },
                  { value: "any", label: "有任一理由" },
                  ...KEY_REASONS.map((k) => ({ value: k, label: keyReasonLabel(k) })),
                ]}
              />
              <Select
                allowClear
                placeholder="全部部门"
                value={department}
                onChange={setDepartment}
                style={{ width: 220 }}
                options={departments}
                showSearch={{ optionFilterProp: "label" }}
              />
              <span>
                预算规模大的标准{" "}
                <InputNumber
                  min={0}
                  max={1_000_000}
                  value={largeBudgetWan}
                  onChange={(v) => typeof v === "number" && setLargeBudgetWan(v)}
                  suffix="万元"
                  style={{ width: 140 }}
                />
              </span>
            </Space>
          </Col>
        </Row>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          按理由的多少和轻重排序：执行滞后（执行率低于时间进度）、预算规模大、以往绩效较差、重点项目。勾选后点“选为重点监控并下达”；已列入部门监控的项目转为财政重点监控。
        </Typography.Paragraph>
        <Table<KeyCandidate>
          size="small"
          rowKey="id"
          loading={candidates.isFetching}
          dataSource={rows}
          data-testid="key-candidate-table"
          scroll={{ x: 1150 }}
          pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (t) => `共 ${t} 个项目` }}
          rowSelection={
            open
              ? {
                  selectedRowKeys: picked,
                  onChange: setPicked,
                  getCheckboxProps: (c) => ({ disabled: !pickable(c) }),
                }
              : undefined
          }
          columns={[
            { title: "排名", dataIndex: "rank", width: 70, align: "right", sorter: (a, b) => a.rank - b.rank },
            { title: "项目编码", dataIndex: "code", width: 130 },
            { title: "项目名称", dataIndex: "name" },
            { title: "主管部门", dataIndex: ["department", "name"], width: 140 },
            {
              title: "预算（万元）",
              dataIndex: "budget",
              width: 120,
              align: "right",
              sorter: (a, b) => a.budget - b.budget,
              render: (v: number) => <span className="jx-num">{wan(v)}</span>,
            },
            {
              title: "执行率",
              dataIndex: "rate",
              width: 90,
              align: "right",
              sorter: (a, b) => Number(a.rate ?? -1) - Number(b.rate ?? -1),
              render: pct,
            },
            {
              title: "落后时间进度",
              dataIndex: "lagPoints",
              width: 120,
              align: "right",
              render: (v: string | null) =>
                v === null ? (
                  DASH
                ) : Number(v) > 0 ? (
                  `${v} 个百分点`
                ) : (
                  <Typography.Text type="secondary">未落后</Typography.Text>
                ),
            },
            {
              title: "理由",
              key: "reasons",
              width: 200,
              render: (_, c) =>
                c.reasons.length === 0 ? (
                  <Typography.Text type="secondary">无</Typography.Text>
                ) : (
                  <Tooltip title={c.reasonText}>
                    <span>
                      {c.reasons.map((k) => (
                        <Tag key={k} color={REASON_COLORS[k]}>
                          {keyReasonLabel(k)}
                        </Tag>
                      ))}
                    </span>
                  </Tooltip>
                ),
            },
            {
              title: "监控",
              key: "report",
              width: 150,
              render: (_, c) =>
                c.goalTableId === null ? (
                  <Typography.Text type="secondary">无已批复目标表</Typography.Text>
                ) : c.report ? (
                  <Link to={`/monitoring/reports/${c.report.id}`}>
                    <Tag color={c.report.kind === "key" ? "magenta" : "blue"}>{kindLabel(c.report.kind)}</Tag>
                  </Link>
                ) : (
                  <Typography.Text type="secondary">未监控</Typography.Text>
                ),
            },
          ]}
        />
      </Card>
      {drawing && (
        <DrawModal
          roundId={id}
          open={drawing}
          candidates={all}
          largeBudgetWan={largeBudgetWan}
          onClose={() => setDrawing(false)}
        />
      )}
    </>
  );
}
