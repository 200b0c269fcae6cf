import { CheckCircleOutlined, SendOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Input, Popconfirm, Select, Space, Table, Tag, Typography } from "antd";
import { type Key, useMemo, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { MONITORING_STATUS_LABELS } from "../../../../src/core/monitoring/workflow";
import type { DeskStatus } from "../../../../src/core/review/desk-workflow";
import { errorMessage } from "../../api/client";
import {
  type Candidate,
  confirmSelection,
  monitoringKeys,
  removeReport,
  type Selection,
  selectSubjects,
  useCandidates,
  useRound,
  useSelections,
} from "../../api/monitoring/monitoring";
import { useSession } from "../../auth/session";
import { kindLabel, pct, subjectKindLabel, taskStatusLabel } from "../../components/monitoring/codes";
import { PageError } from "../../components/PageError";
import { PageTitle } from "../../components/PageTitle";
import { DASH, dateTime, wan } from "../../format";

const keyOf = (c: Pick<Candidate, "subjectKind" | "id">) => `${c.subjectKind}:${c.id}`;

/** Finance's view: every department's state of choice. */
function SelectionTable({
  rows,
  loading,
  current,
  onPick,
}: {
  rows: Selection[];
  loading: boolean;
  current: number | undefined;
  onPick: (departmentId: number) => void;
}) {
  const chosen = rows.filter((r) => r.departmentReports + r.keyReports > 0).length;
  const confirmed = rows.filter((r) => r.confirmedAt).length;
  return (
    <Card
      size="small"
      title="各部门选取情况"
      style={{ marginBottom: 16 }}
      extra={
        <Typography.Text type="secondary">
          {rows.length} 个部门 · 已选取 {chosen} · 已确认 {confirmed}
        </Typography.Text>
      }
    >
      <Table<Selection>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={rows}
        data-testid="selection-table"
        pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (t) => `共 ${t} 个部门` }}
        rowClassName={(r) => (r.department.id === current ? "ant-table-row-selected" : "")}
        onRow={(r) => ({ onClick: () => onPick(r.department.id), style: { cursor: "pointer" } })}
        columns={[
          {
            title: "部门",
            key: "department",
            sorter: (a, b) => a.department.code.localeCompare(b.department.code),
            defaultSortOrder: "ascend",
            render: (_, r) => (
              <Space>
                <Typography.Link onClick={() => onPick(r.department.id)}>{r.department.name}</Typography.Link>
                <Typography.Text type="secondary">{r.department.code}</Typography.Text>
              </Space>
            ),
          },
          {
            title: "可监控对象",
            dataIndex: "candidates",
            width: 110,
            align: "right",
            sorter: (a, b) => a.candidates - b.candidates,
          },
          {
            title: "部门监控",
            dataIndex: "departmentReports",
            width: 100,
            align: "right",
            sorter: (a, b) => a.departmentReports - b.departmentReports,
          },
          {
            title: "重点监控",
            dataIndex: "keyReports",
            width: 100,
            align: "right",
            sorter: (a, b) => a.keyReports - b.keyReports,
          },
          {
            title: "选取任务",
            dataIndex: "taskStatus",
            width: 100,
            render: (s: string | null) => (s ? taskStatusLabel(s) : DASH),
          },
          {
            title: "确认",
            dataIndex: "confirmedAt",
            width: 170,
            sorter: (a, b) => (a.confirmedAt ?? "").localeCompare(b.confirmedAt ?? ""),
            filters: [
              { text: "已确认", value: "yes" },
              { text: "未确认", value: "no" },
            ],
            onFilter: (v, r) => (v === "yes") === (r.confirmedAt !== null),
            render: (v: string | null) => (v ? <Tag color="green">已确认 {dateTime(v)}</Tag> : <Tag>未确认</Tag>),
          },
        ]}
      />
    </Card>
  );
}

function Candidates({
  roundId,
  selection,
  editable,
  finance,
}: {
  roundId: number;
  selection: Selection;
  /** May choose for this department (the department itself, or finance for it). */
  editable: boolean;
  /** Finance: may also take out key-monitoring subjects. */
  finance: boolean;
}) {
  const departmentId = selection.department.id;
  const candidates = useCandidates(roundId, departmentId);
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [picked, setPicked] = useState<Key[]>([]);
  const [q, setQ] = useState("");
  const [kind, setKind] = useState<string>("all");
  const [busy, setBusy] = useState(false);
  const all = candidates.data ?? [];
  const rows = useMemo(
    () =>
      all.filter(
        (c) =>
          (kind === "all" ||
            (kind === "unchosen"
              ? c.report === null
              : kind === "chosen"
                ? c.report !== null
                : c.subjectKind === kind)) &&
          (q === "" || c.code.includes(q) || c.name.includes(q) || c.unit.name.includes(q)),
      ),
    [all, q, kind],
  );
  const eligible = all.filter((c) => c.goalTableId !== null);
  const chosen = all.filter((c) => c.report !== null);
  const confirmed = selection.confirmedAt !== null;
  const canChoose = editable && !confirmed;

  const refresh = () => queryClient.invalidateQueries({ queryKey: monitoringKeys.all });

  const issue = async () => {
    const subjects = all
      .filter((c) => picked.includes(keyOf(c)))
      .map((c) => ({ subjectKind: c.subjectKind, id: c.id }));
    if (subjects.length === 0) {
      void message.warning("请先勾选要监控的项目或部门整体支出");
      return;
    }
    setBusy(true);
    try {
      const r = await selectSubjects(roundId, departmentId, subjects);
      void message.success(`已下达 ${r.created} 个监控任务${r.existing ? `，${r.existing} 个此前已选` : ""}`);
      setPicked([]);
      await refresh();
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const confirm = async (value: boolean) => {
    setBusy(true);
    try {
      await confirmSelection(roundId, departmentId, value);
      void message.success(value ? "已确认本部门监控对象" : "已取消确认，可继续调整");
      await refresh();
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const unselect = async (c: Candidate) => {
    try {
      await removeReport(c.report!.id);
      void message.success(`已撤销“${c.name}”的选取`);
      await refresh();
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };

  if (candidates.error) return <PageError error={candidates.error} onRetry={() => void candidates.refetch()} />;
  return (
    <Card
      size="small"
      title={`${selection.department.name}的监控对象`}
      data-testid="candidates"
      extra={
        editable && (
          <Space>
            {confirmed ? (
              <Button onClick={() => void confirm(false)} loading={busy} data-testid="unconfirm">
                取消确认
              </Button>
            ) : (
              <Popconfirm
                title="确认本部门监控对象已选定？"
                description={`共 ${chosen.length} 个监控对象。确认后选取任务完成；如需调整，可先取消确认。`}
                okText="确认"
                cancelText="再看看"
                onConfirm={() => void confirm(true)}
                disabled={chosen.length === 0}
              >
                <Button
                  icon={<CheckCircleOutlined />}
                  disabled={chosen.length === 0}
                  loading={busy}
                  data-testid="confirm-selection"
                >
                  确认选定
                </Button>
              </Popconfirm>
            )}
            <Button
              type="primary"
              icon={<SendOutlined />}
              disabled={!canChoose || picked.length === 0}
              loading={busy}
              onClick={() => void issue()}
              data-testid="issue-selection"
            >
              选取并下达{picked.length > 0 ? `（${picked.length}）` : ""}
            </Button>
          </Space>
        )
      }
    >
      <Alert
        type={confirmed ? "success" : chosen.length === 0 ? "info" : "warning"}
        showIcon
        style={{ marginBottom: 12 }}
        data-testid="quota"
        title={
          <>
            可监控 {eligible.length} 个（有已批复绩效目标表），已选 {chosen.length} 个
            {eligible.length > 0 && `（${Math.round((chosen.length / eligible.length) * 100)}%）`}；其中财政重点监控{" "}
            {chosen.filter((c) => c.report?.kind === "key").length} 个。
            {confirmed
              ? ` 已于 ${dateTime(selection.confirmedAt)} 确认选定。`
              : " 勾选后点“选取并下达”，向实施单位下达监控表填报任务；全部选好后点“确认选定”。"}
          </>
        }
      />
      <Space style={{ marginBottom: 12 }} wrap>
        <Input.Search
          allowClear
          placeholder="编码、名称或单位"
          style={{ width: 240 }}
          onSearch={(v) => setQ(v.trim())}
          data-testid="candidate-search"
        />
        <Select
          value={kind}
          onChange={setKind}
          style={{ width: 160 }}
          options={[
            { value: "all", label: "全部" },
            { value: "unchosen", label: "未选取" },
            { value: "chosen", label: "已选取" },
            { value: "project", label: "项目" },
            { value: "deptWide", label: "部门整体支出" },
          ]}
        />
      </Space>
      <Table<Candidate>
        size="small"
        rowKey={keyOf}
        loading={candidates.isPending}
        dataSource={rows}
        data-testid="candidate-table"
        scroll={{ x: 1100 }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (t) => `共 ${t} 个` }}
        locale={{ emptyText: q || kind !== "all" ? "没有符合条件的监控对象" : "本部门没有可监控的项目" }}
        rowSelection={
          canChoose
            ? {
                selectedRowKeys: picked,
                onChange: setPicked,
                getCheckboxProps: (c) => ({ disabled: c.goalTableId === null || c.report !== null }),
              }
            : undefined
        }
        columns={[
          { title: "编码", dataIndex: "code", width: 130, sorter: (a, b) => a.code.localeCompare(b.code) },
          {
            title: "名称",
            dataIndex: "name",
            render: (v: string, c) => (
              <Space size={4}>
                {v}
                {c.isKey && <Tag color="purple">重点项目</Tag>}
              </Space>
            ),
          },
          { title: "类型", dataIndex: "subjectKind", width: 110, render: subjectKindLabel },
          { title: "实施单位", dataIndex: ["unit", "name"], width: 160 },
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
          { title: "指标数", dataIndex: "indicatorCount", width: 80, align: "right" },
          {
            title: "监控状态",
            key: "report",
            width: 200,
            render: (_, c) => {
              if (c.goalTableId === null)
                return <Typography.Text type="secondary">无已批复目标表，不能监控</Typography.Text>;
              if (!c.report) return <Typography.Text type="secondary">未选取</Typography.Text>;
              const removable =
                editable && !confirmed && c.report.status === "draft" && (c.report.kind === "department" || finance);
              return (
                <Space size={4}>
                  <Tag color={c.report.kind === "key" ? "magenta" : "blue"}>{kindLabel(c.report.kind)}</Tag>
                  <Link to={`/monitoring/reports/${c.report.id}`}>
                    {MONITORING_STATUS_LABELS[c.report.status as DeskStatus] ?? c.report.status}
                  </Link>
                  {removable && (
                    <Popconfirm
                      title={`撤销“${c.name}”的选取？`}
                      description="监控表及其填报任务将删除（仅限尚未填报的）。"
                      okText="撤销"
                      okButtonProps={{ danger: true }}
                      cancelText="保留"
                      onConfirm={() => void unselect(c)}
                    >
                      <Button type="link" size="small" danger>
                        撤销
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              );
            },
          },
        ]}
      />
    </Card>
  );
}

/**
 * 部门选取: a department chooses which of its projects and department-wide budgets it monitors this round
 * (finance may choose for it), issues the units' forms and confirms; finance sees every department.
 */
export default function MonitoringSelectPage() {
  const id = Number(useParams().id);
  const { me, can } = useSession();
  const [params, setParams] = useSearchParams();
  const round = useRound(id);
  const selections = useSelections(id);
  const rows = selections.data ?? [];
  const finance = can("monitoring.manage");
  const asked = Number(params.get("department"));
  const current =
    rows.find((s) => s.department.id === asked) ??
    rows.find((s) => s.department.id === me.org.id) ??
    (finance ? undefined : rows[0]);
  const editable =
    can("monitoring.write") && (finance || me.role === "department") && round.data?.round.status === "open";

  if (round.error) return <PageError error={round.error} onRetry={() => void round.refetch()} />;
  if (selections.error) return <PageError error={selections.error} onRetry={() => void selections.refetch()} />;
  const r = round.data?.round;
  return (
    <>
      <PageTitle
        title="部门选取监控对象"
        sub={
          r ? `${r.fiscalYear}年 1—${r.cutoffMonth}月监控 · 选取截止 ${r.selectionDueOn} · 金额单位：万元` : undefined
        }
        extra={
          <Link to={`/monitoring?round=${id}`}>
            <Button>返回运行监控</Button>
          </Link>
        }
      />
      {finance && (
        <SelectionTable
          rows={rows}
          loading={selections.isPending}
          current={current?.department.id}
          onPick={(d) =>
            setParams(
              (p) => {
                p.set("department", String(d));
                return p;
              },
              { replace: true },
            )
          }
        />
      )}
      {finance && !current && rows.length > 0 && (
        <Alert type="info" showIcon title="点击上表中的部门，查看或代为选取其监控对象。" />
      )}
      {!selections.isPending && rows.length === 0 && (
        <Alert type="info" showIcon title="本轮次没有需要选取监控对象的部门。" />
      )}
      {current && (
        <Candidates
          key={current.department.id}
          roundId={id}
          selection={current}
          editable={!!editable}
          finance={finance}
        />
      )}
    </>
  );
}
