import { SafetyCertificateOutlined } from "@ant-design/icons";
import { useMutation } from "@tanstack/react-query";
import { Alert, Button, Card, DatePicker, Input, Select, Space, Switch, Tag, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { Link } from "react-router";
import { errorMessage } from "../api/client";
import { verifyAudit } from "../api/endpoints";
import { useAudit } from "../api/hooks";
import type { AuditEntry, AuditFilters } from "../api/types";
import { useSession } from "../auth/session";
import { AuditChanges } from "../components/audit/AuditChanges";
import { changeSummary, formatAuditValue, isPlainObject } from "../components/audit/auditFormat";
import { auditLink } from "../components/audit/auditLinks";
import { ACTION_LABELS, actionLabel, ENTITY_LABELS, entityLabel } from "../components/labels";
import { FilterBar } from "../components/list/FilterBar";
import { ListTable } from "../components/list/ListTable";
import { textParam, useListQuery } from "../components/list/useListQuery";
import { PageError } from "../components/PageError";
import { PageTitle } from "../components/PageTitle";
import { count, dateTime } from "../format";
import { mayUse, NAV, navKeyOf } from "../nav";

/** Chinese labels to choose from; the code the server filters by is the value. */
const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

/** What a new record was, for the list: its name or code, and for an import its file and rows. */
function createdSummary(e: AuditEntry): string {
  const a = isPlainObject(e.after) ? e.after : {};
  const name = [a.name, a.displayName, a.fileName, a.code, a.subjectCode].find((v) => typeof v === "string");
  const counts = e.entity === "import_batch" ? formatAuditValue(e.entity, "counts", a.counts) : null;
  const kind = e.entity === "import_batch" ? formatAuditValue(e.entity, "kind", a.kind) : null;
  return [kind, name, counts].filter(Boolean).join("，");
}

/** The list's one-line account of an entry. */
function entrySummary(e: AuditEntry): string {
  if (e.before != null && e.after != null) return changeSummary(e.entity, e.before, e.after);
  if (e.before == null && e.after != null) return createdSummary(e);
  if (e.after == null && e.before != null) return "删除";
  return "";
}

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

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A calendar day (YYYY-MM-DD) from the query string, else undefined. */
const dayParam = (v: string | null) => (v && DAY.test(v) && dayjs(v).isValid() ? v : undefined);

/** The applied filters as the query string holds them: days, not instants, so a link reads the same anywhere. */
const parseFilters = (params: URLSearchParams) => ({
  hideLogins: params.get("hideLogins") === "true" ? ("true" as const) : undefined,
  entity: textParam(params.get("entity")),
  actor: textParam(params.get("actor")),
  action: textParam(params.get("action")),
  from: dayParam(params.get("from")),
  to: dayParam(params.get("to")),
});
type Applied = ReturnType<typeof parseFilters>;

const draftOf = (f: Applied): Draft => ({
  entity: f.entity,
  actor: f.actor,
  action: f.action,
  range: f.from || f.to ? [f.from ? dayjs(f.from) : null, f.to ? dayjs(f.to) : null] : null,
});

export default function AuditPage() {
  const { me } = useSession();
  // A link to a record's page only where this account may open that page.
  const linkOf = (e: AuditEntry) => {
    const link = auditLink(e);
    const item = link && NAV.find((n) => n.path === navKeyOf(link.to.split("?")[0] ?? ""));
    return link && item && mayUse(item, me) ? link : null;
  };
  const lq = useListQuery({ parse: parseFilters });
  const { filters, update } = lq;
  const [draft, setDraft] = useState<Draft>(() => draftOf(filters));
  const query: AuditFilters = {
    entity: filters.entity,
    actor: filters.actor,
    action: filters.action,
    hideLogins: filters.hideLogins,
    // The day's bounds in the browser's time zone: the clerk means their own calendar day.
    from: filters.from ? dayjs(filters.from).startOf("day").toISOString() : undefined,
    to: filters.to ? dayjs(filters.to).endOf("day").toISOString() : undefined,
    page: lq.page,
    pageSize: lq.pageSize,
  };
  const list = useAudit(query);

  const apply = () => {
    const [from, to] = draft.range ?? [null, null];
    update({
      hideLogins: filters.hideLogins,
      entity: draft.entity?.trim(),
      actor: draft.actor?.trim(),
      action: draft.action?.trim(),
      from: from?.format("YYYY-MM-DD"),
      to: to?.format("YYYY-MM-DD"),
    });
  };
  const clear = () => {
    setDraft({});
    lq.reset();
  };

  if (list.error && !list.data) return <PageError error={list.error} onRetry={() => void list.refetch()} />;

  return (
    <>
      <PageTitle title="审计日志" sub="所有数据变更均记录在案，日志只增不改并以哈希链相连" extra={<VerifyButton />} />
      <FilterBar onReset={clear} canReset={lq.changed || Object.values(draft).some((v) => v)}>
        <Select
          aria-label="对象"
          placeholder="对象，如 绩效目标表"
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          style={{ width: 180 }}
          value={draft.entity}
          options={options(ENTITY_LABELS)}
          onChange={(entity?: string) => setDraft((d) => ({ ...d, entity }))}
          data-testid="audit-entity"
        />
        <Input
          aria-label="操作人"
          placeholder="操作人"
          allowClear
          style={{ width: 130 }}
          value={draft.actor}
          onChange={(e) => setDraft((d) => ({ ...d, actor: e.target.value }))}
          onPressEnter={apply}
        />
        <Select
          aria-label="操作"
          placeholder="操作，如 修改"
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          style={{ width: 140 }}
          value={draft.action}
          options={options(ACTION_LABELS)}
          onChange={(action?: string) => setDraft((d) => ({ ...d, action }))}
          data-testid="audit-action"
        />
        <DatePicker.RangePicker
          aria-label="时间范围"
          style={{ width: 250 }}
          value={draft.range ?? null}
          onChange={(range) => setDraft((d) => ({ ...d, range }))}
          placeholder={["开始日期", "结束日期"]}
        />
        <Button type="primary" onClick={apply} data-testid="audit-apply">
          查询
        </Button>
        <Space size={6}>
          <Switch
            size="small"
            checked={filters.hideLogins === "true"}
            onChange={(on) => update({ hideLogins: on ? "true" : undefined })}
            data-testid="audit-hide-logins"
            aria-label="隐藏登录记录"
          />
          <span>隐藏登录记录</span>
        </Space>
      </FilterBar>
      <Card size="small">
        <ListTable<AuditEntry>
          list={lq}
          data={list.data}
          loading={list.isFetching}
          testId="audit-table"
          rowKey="id"
          scroll={{ x: 1000 }}
          empty={{ filtered: "没有符合条件的日志", none: "暂无日志" }}
          expandable={{
            expandedRowRender: (e) => (
              <div style={{ padding: "4px 8px" }}>
                {e.reason && <Alert type="info" title={`原因：${e.reason}`} style={{ marginBottom: 8 }} />}
                <AuditChanges entity={e.entity} before={e.before} after={e.after} />
              </div>
            ),
          }}
          columns={[
            { title: "序号", dataIndex: "id", width: 80 },
            { title: "时间", dataIndex: "at", width: 170, render: dateTime },
            { title: "操作人", dataIndex: "actorName", width: 150, ellipsis: true },
            { title: "操作", dataIndex: "action", width: 100, render: (a: string) => <Tag>{actionLabel(a)}</Tag> },
            {
              title: "对象",
              key: "entity",
              width: 230,
              render: (_: unknown, e) => {
                const link = linkOf(e);
                const text = `${entityLabel(e.entity)} ${e.entityId}`;
                return link ? (
                  <Link to={link.to} title={link.title} data-testid="audit-record-link">
                    {text}
                  </Link>
                ) : (
                  text
                );
              },
            },
            {
              title: "内容",
              key: "summary",
              ellipsis: true,
              render: (_: unknown, e) => {
                const summary = entrySummary(e);
                return summary || <Typography.Text type="secondary">{e.reason ?? "—"}</Typography.Text>;
              },
            },
          ]}
        />
      </Card>
    </>
  );
}
