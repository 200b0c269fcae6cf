import { SafetyCertificateOutlined } from "@ant-design/icons";
import { useMutation } from "@tanstack/react-query";
import { Alert, AutoComplete, Button, Card, DatePicker, Input, Space, Table, Tag, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { errorMessage } from "../api/client";
import { verifyAudit } from "../api/endpoints";
import { useAudit } from "../api/hooks";
import type { AuditEntry, AuditFilters } from "../api/types";
import { changedKeys, JsonDiff } from "../components/JsonDiff";
import { ACTION_LABELS, actionLabel, ENTITY_LABELS, entityLabel, fieldLabel } from "../components/labels";
import { PageError } from "../components/PageError";
import { PageTitle } from "../components/PageTitle";
import { count, dateTime } from "../format";

const options = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label: `${label}（${value}）` }));

interface Draft {
  entity?: string;
  actor?: string;
  action?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

function VerifyButton() {
  const verify = useMutation({ mutationFn: verifyAudit });
  const r = verify.data;
  return (
    <Space>
      <Button
        icon={<SafetyCertificateOutlined />}
        loading={verify.isPending}
        onClick={() => verify.mutate()}
        data-testid="audit-verify"
      >
        校验日志完整性
      </Button>
      {r &&
        (r.ok ? (
          <Tag color="success" data-testid="audit-verify-result">
            完整：已校验 {count(r.checked)} 条
          </Tag>
        ) : (
          <Tag color="error" data-testid="audit-verify-result">
            被篡改：第 {r.brokenAt ?? "?"} 条起链条断裂（已校验 {count(r.checked)} 条）
          </Tag>
        ))}
      {verify.error && <Tag color="warning">{errorMessage(verify.error)}</Tag>}
    </Space>
  );
}

export default function AuditPage() {
  const [draft, setDraft] = useState<Draft>({});
  const [filters, setFilters] = useState<AuditFilters>({ page: 1, pageSize: 20 });
  const list = useAudit(filters);

  const apply = () => {
    const [from, to] = draft.range ?? [null, null];
    setFilters((f) => ({
      page: 1,
      pageSize: f.pageSize,
      entity: draft.entity?.trim() || undefined,
      actor: draft.actor?.trim() || undefined,
      action: draft.action?.trim() || undefined,
      from: from ? from.startOf("day").toISOString() : undefined,
      to: to ? to.endOf("day").toISOString() : undefined,
    }));
  };
  const clear = () => {
    setDraft({});
    setFilters((f) => ({ page: 1, pageSize: f.pageSize }));
  };

  if (list.error && !list.data) return <PageError error={list.error} onRetry={() => void list.refetch()} />;

  return (
    <>
      <PageTitle title="审计日志" sub="所有数据变更均记录在案，日志只增不改并以哈希链相连" extra={<VerifyButton />} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <AutoComplete
            aria-label="实体"
            placeholder="实体，如 项目"
            allowClear
            style={{ width: 180 }}
            value={draft.entity}
            options={options(ENTITY_LABELS)}
            onChange={(entity: string) => setDraft((d) => ({ ...d, entity }))}
          />
          <Input
            aria-label="操作人"
            placeholder="操作人"
            allowClear
            style={{ width: 150 }}
            value={draft.actor}
            onChange={(e) => setDraft((d) => ({ ...d, actor: e.target.value }))}
            onPressEnter={apply}
          />
          <AutoComplete
            aria-label="操作"
            placeholder="操作，如 修改"
            allowClear
            style={{ width: 180 }}
            value={draft.action}
            options={options(ACTION_LABELS)}
            onChange={(action: string) => setDraft((d) => ({ ...d, action }))}
          />
          <DatePicker.RangePicker
            aria-label="时间范围"
            value={draft.range ?? null}
            onChange={(range) => setDraft((d) => ({ ...d, range }))}
            placeholder={["开始日期", "结束日期"]}
          />
          <Button type="primary" onClick={apply}>
            查询
          </Button>
          <Button onClick={clear}>重置</Button>
        </Space>
      </Card>
      <Card size="small">
        <Table<AuditEntry>
          data-testid="audit-table"
          rowKey="id"
          size="small"
          loading={list.isFetching}
          dataSource={list.data?.rows}
          scroll={{ x: 1000 }}
          expandable={{
            expandedRowRender: (e) => (
              <div style={{ padding: "4px 8px" }}>
                {e.reason && <Alert type="info" title={`原因：${e.reason}`} style={{ marginBottom: 8 }} />}
                <JsonDiff before={e.before} after={e.after} />
              </div>
            ),
          }}
          pagination={{
            current: filters.page,
            pageSize: filters.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (t) => `共 ${t} 条`,
            onChange: (page, pageSize) => setFilters((f) => ({ ...f, page, pageSize })),
          }}
          columns={[
            { title: "序号", dataIndex: "id", width: 80 },
            { title: "时间", dataIndex: "at", width: 170, render: dateTime },
            { title: "操作人", dataIndex: "actorName", width: 120 },
            { title: "操作", dataIndex: "action", width: 110, render: (a: string) => <Tag>{actionLabel(a)}</Tag> },
            { title: "实体", dataIndex: "entity", width: 120, render: entityLabel },
            { title: "记录", dataIndex: "entityId", width: 100 },
            {
              title: "变更字段",
              key: "changed",
              ellipsis: true,
              render: (_: unknown, e) => {
                const keys = changedKeys(e.before, e.after);
                return keys.length ? (
                  keys.map(fieldLabel).join("、")
                ) : (
                  <Typography.Text type="secondary">
                    {e.before == null ? "新建" : e.after == null ? "删除" : "—"}
                  </Typography.Text>
                );
              },
            },
          ]}
        />
      </Card>
    </>
  );
}
