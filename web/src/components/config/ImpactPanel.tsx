import { Alert, Skeleton, Table, Tag, Typography } from "antd";
import { errorMessage } from "../../api/client";
import { count } from "../../format";
import type { ConfigImpact, ImpactFigure } from "./types";

function Delta({ f }: { f: ImpactFigure }) {
  const d = f.after - f.before;
  if (d === 0) return <Typography.Text type="secondary">不变</Typography.Text>;
  const worse = f.moreIsWorse === undefined ? undefined : f.moreIsWorse === d > 0;
  return (
    <Typography.Text type={worse === undefined ? undefined : worse ? "danger" : "success"} strong>
      {d > 0 ? "+" : "−"}
      {count(Math.abs(d))}
    </Typography.Text>
  );
}

/** The impact of a proposed configuration: a headline, figures now → after, and their detail. */
export function ImpactPanel({
  impact,
  loading,
  error,
}: {
  impact: ConfigImpact | undefined;
  loading: boolean;
  error: unknown;
}) {
  if (error) return <Alert type="error" showIcon title={`无法试算影响：${errorMessage(error)}`} />;
  if (loading || !impact)
    return (
      <div data-testid="config-impact-loading">
        <Typography.Text type="secondary">正在按拟保存的规则试算…</Typography.Text>
        <Skeleton active paragraph={{ rows: 2 }} title={false} />
      </div>
    );
  return (
    <div data-testid="config-impact">
      <Alert
        type={impact.tone}
        showIcon
        title={impact.headline}
        description={impact.scope}
        style={{ marginBottom: 8 }}
      />
      <Table<ImpactFigure>
        size="small"
        pagination={false}
        rowKey="label"
        dataSource={impact.figures}
        columns={[
          { title: "", dataIndex: "label" },
          { title: "现行", dataIndex: "before", align: "right", width: 90, render: count },
          { title: "保存后", dataIndex: "after", align: "right", width: 90, render: count },
          { title: "变化", key: "d", align: "right", width: 90, render: (_, f) => <Delta f={f} /> },
        ]}
      />
      {impact.detail && impact.detail.rows.length > 0 && (
        <>
          <Typography.Text type="secondary" style={{ display: "block", margin: "8px 0 4px" }}>
            {impact.detail.title}
          </Typography.Text>
          <Table
            size="small"
            pagination={false}
            rowKey="key"
            scroll={{ y: 160 }}
            dataSource={impact.detail.rows}
            columns={[
              {
                title: "",
                dataIndex: "label",
                render: (label: string, r) => (
                  <>
                    {label} {r.tag && <Tag>{r.tag}</Tag>}
                  </>
                ),
              },
              { title: "现行", dataIndex: "before", align: "right", width: 90, render: count },
              { title: "保存后", dataIndex: "after", align: "right", width: 90, render: count },
              { title: "变化", key: "d", align: "right", width: 90, render: (_, f) => <Delta f={f} /> },
            ]}
          />
        </>
      )}
    </div>
  );
}
