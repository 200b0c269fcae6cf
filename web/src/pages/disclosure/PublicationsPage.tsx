import { ExportOutlined, PlusOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Button, type ButtonProps, Card, Form, Modal, Select } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router";
import {
  PUBLICATION_KIND_LABELS,
  PUBLICATION_KINDS,
  type PublicationKind,
  VERSION_STATUS_LABELS,
  VERSION_STATUSES,
} from "../../../../src/core/disclosure/types";
import { errorMessage } from "../../api/client";
import {
  disclosureKeys,
  PUBLICATION_SORTS,
  type PublicationRow,
  preparePublication,
  publicPageUrl,
  usePublications,
} from "../../api/disclosure/publications";
import { useMeta } from "../../api/hooks";
import { useSession, useYear } from "../../auth/session";
import { VersionStatusTag } from "../../components/disclosure/VersionStatusTag";
import { OpenLink } from "../../components/list/backTo";
import { FilterBar } from "../../components/list/FilterBar";
import { ListTable } from "../../components/list/ListTable";
import { intParam, oneOf, useListQuery } from "../../components/list/useListQuery";
import { PageError } from "../../components/PageError";
import { PageTitle } from "../../components/PageTitle";
import { dateTime } from "../../format";

const parseFilters = (params: URLSearchParams) => ({
  year: intParam(params.get("year")),
  kind: oneOf(PUBLICATION_KINDS, params.get("kind")),
  status: oneOf(VERSION_STATUSES, params.get("status")),
});

/** 生成公开稿: the first draft of one kind for one year, drafted from the data. */
function PrepareButton({ years }: { years: number[] }) {
  const { message } = App.useApp();
  const { year } = useYear();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ kind: PublicationKind; fiscalYear: number }>();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const prepare = useMutation({
    mutationFn: preparePublication,
    onSuccess: (p) => {
      void qc.invalidateQueries({ queryKey: disclosureKeys.all });
      message.success("已生成公开稿（第1版草稿）");
      setOpen(false);
      navigate(`/disclosure/publications/${p.id}`);
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="publication-prepare">
        生成公开稿
      </Button>
      <Modal
        title="生成公开稿"
        open={open}
        okText="生成"
        cancelText="取消"
        confirmLoading={prepare.isPending}
        onCancel={() => setOpen(false)}
        onOk={() => void form.validateFields().then((v) => prepare.mutate(v))}
        okButtonProps={{ "data-testid": "publication-prepare-ok" } as ButtonProps}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ fiscalYear: year }} preserve={false}>
          <Form.Item name="kind" label="类别" rules={[{ required: true, message: "请选择类别" }]}>
            <Select
              aria-label="类别"
              options={PUBLICATION_KINDS.map((k) => ({ value: k, label: PUBLICATION_KIND_LABELS[k] }))}
            />
          </Form.Item>
          <Form.Item name="fiscalYear" label="年度" rules={[{ required: true, message: "请选择年度" }]}>
            <Select aria-label="年度" options={years.map((y) => ({ value: y, label: `${y}年度` }))} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** 公开事项: every publication of the region with its latest version, filtered, sorted, paged. */
export default function PublicationsPage() {
  const { me } = useSession();
  const { year } = useYear();
  const meta = useMeta();
  const years = [...new Set([...(meta.data?.years ?? []), year])].sort((a, b) => b - a);
  const lq = useListQuery({ parse: parseFilters, sorts: PUBLICATION_SORTS });
  const { filters, update } = lq;
  const list = usePublications(filters, lq.sort, lq.order, lq.page, lq.pageSize);
  const mayDraft = me.permissions.includes("disclosure.draft");

  if (list.error && !list.data) return <PageError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <>
      <PageTitle
        title="公开事项"
        sub="信息员起草、另一位审核员核对数字后发布到公开网站；发布后的修改以更正版本发布"
        extra={mayDraft ? <PrepareButton years={years} /> : undefined}
      />
      <FilterBar onReset={lq.reset} canReset={lq.changed}>
        <Select
          aria-label="年度"
          placeholder="全部年度"
          allowClear
          style={{ width: 130 }}
          value={filters.year}
          options={years.map((y) => ({ value: y, label: `${y}年度` }))}
          onChange={(y?: number) => update({ year: y })}
        />
        <Select
          aria-label="类别"
          placeholder="全部类别"
          allowClear
          style={{ width: 220 }}
          value={filters.kind}
          options={PUBLICATION_KINDS.map((k) => ({ value: k, label: PUBLICATION_KIND_LABELS[k] }))}
          onChange={(kind?: string) => update({ kind })}
        />
        <Select
          aria-label="状态"
          placeholder="全部状态"
          allowClear
          style={{ width: 140 }}
          value={filters.status}
          options={VERSION_STATUSES.map((s) => ({ value: s, label: VERSION_STATUS_LABELS[s] }))}
          onChange={(status?: string) => update({ status })}
        />
      </FilterBar>
      <Card size="small">
        <ListTable<PublicationRow>
          list={lq}
          data={list.data}
          loading={list.isFetching}
          testId="publications-table"
          rowKey="id"
          scroll={{ x: 1100 }}
          empty={{ filtered: "没有符合条件的公开事项", none: "尚未生成公开稿" }}
          card={(r) => ({
            title: r.title,
            to: `/disclosure/publications/${r.id}`,
            tag: <VersionStatusTag status={r.latest.status} label={r.latest.statusLabel} />,
            fields: [
              { label: "类别", value: r.kindLabel },
              { label: "年度", value: `${r.fiscalYear}年度` },
              { label: "版本", value: `第${r.latestVersion}版` },
            ],
          })}
          columns={[
            {
              title: "标题",
              ...lq.sortable("title"),
              ellipsis: true,
              render: (_: unknown, r) => (
                <>
                  <OpenLink to={`/disclosure/publications/${r.id}`}>{r.title}</OpenLink>
                  {r.department && <div style={{ fontSize: 12, color: "rgba(0,0,0,0.45)" }}>{r.department.name}</div>}
                </>
              ),
            },
            { title: "类别", dataIndex: "kindLabel", width: 190, ...lq.sortable("kind") },
            {
              title: "年度",
              dataIndex: "fiscalYear",
              width: 90,
              ...lq.sortable("fiscalYear"),
              render: (y: number) => `${y}年度`,
            },
            {
              title: "最新版本",
              width: 140,
              render: (_: unknown, r) => (
                <span data-testid={`publication-status-${r.id}`}>
                  第{r.latestVersion}版 <VersionStatusTag status={r.latest.status} label={r.latest.statusLabel} />
                </span>
              ),
            },
            { title: "信息员", width: 100, render: (_: unknown, r) => r.latest.draftedBy.name },
            { title: "审核员", width: 100, render: (_: unknown, r) => r.latest.approver?.name ?? "—" },
            {
              title: "发布时间",
              width: 160,
              ...lq.sortable("publishedAt"),
              render: (_: unknown, r) => (r.publishedAt ? dateTime(r.publishedAt) : "—"),
            },
            {
              title: "公开页面",
              width: 100,
              render: (_: unknown, r) =>
                r.publishedVersion !== null ? (
                  <a href={publicPageUrl(me.regionCode, r.id)} target="_blank" rel="noreferrer">
                    <ExportOutlined /> 查看
                  </a>
                ) : (
                  "—"
                ),
            },
          ]}
        />
      </Card>
    </>
  );
}
