import { Table, Typography } from "antd";
import type { ColumnType } from "../../../../src/core/disclosure/types";
import type { FigureFinding, PublicationVersion } from "../../api/disclosure/publications";
import { DASH, wan } from "../../format";

type Body = PublicationVersion["body"];
type Cell = string | number | null | undefined;

/** A cell as the portal prints it: amounts (fen) in 万元, scores and percents as their exact text. */
const cellText = (type: ColumnType, v: Cell): string => {
  if (v === null || v === undefined || v === "") return DASH;
  if (type === "amount" && typeof v === "number") return wan(v);
  if (type === "percent") return `${v}%`;
  return String(v);
};

/** A version's content as it reads: the introduction, the text blocks, then each table with its columns. */
export function PublicationContent({ body }: { body: Body }) {
  return (
    <div data-testid="publication-content">
      {body.intro
        .split(/\n+/)
        .filter((p) => p.trim())
        .map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of a fixed text
          <Typography.Paragraph key={`i${i}`}>{p}</Typography.Paragraph>
        ))}
      {(body.blocks ?? []).map((b, i) =>
        b.type === "paragraph" ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: blocks of a fixed text
          <Typography.Paragraph key={`b${i}`}>{b.text}</Typography.Paragraph>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: blocks of a fixed text
          <Typography.Title key={`b${i}`} level={b.type === "heading1" ? 5 : 5} style={{ marginTop: 12 }}>
            {b.text}
          </Typography.Title>
        ),
      )}
      {body.tables.map((t) => (
        <div key={t.key} style={{ marginTop: 16 }} data-testid={`publication-table-${t.key}`}>
          <Typography.Text strong>{t.title}</Typography.Text>
          {t.columns.some((c) => c.type === "amount") && (
            <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
              金额单位：万元
            </Typography.Text>
          )}
          <Table
            size="small"
            style={{ marginTop: 6 }}
            pagination={t.rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            scroll={{ x: "max-content" }}
            rowKey={(_, i) => String(i)}
            dataSource={t.rows}
            columns={t.columns.map((c) => ({
              key: c.key,
              title: c.title,
              align: c.type === "text" || c.type === "date" ? ("left" as const) : ("right" as const),
              render: (_: unknown, r: Record<string, Cell>) => cellText(c.type, r[c.key]),
            }))}
          />
        </div>
      ))}
    </div>
  );
}

/** The figures check's answer: each printed figure that the data no longer gives. */
export function FindingsTable({ findings, testId }: { findings: readonly FigureFinding[]; testId?: string }) {
  return (
    <Table
      size="small"
      data-testid={testId}
      pagination={false}
      rowKey={(_, i) => String(i)}
      dataSource={[...findings]}
      columns={[
        { title: "表格", dataIndex: "table", ellipsis: true },
        { title: "行", dataIndex: "row", ellipsis: true, render: (v: string) => v || DASH },
        { title: "列", dataIndex: "column", ellipsis: true, render: (v: string) => v || DASH },
        {
          title: "公开稿 → 应为",
          width: 180,
          render: (_: unknown, f: FigureFinding) => (
            <span>
              <Typography.Text delete type="danger">
                {f.printed ?? DASH}
              </Typography.Text>
              {" → "}
              <Typography.Text strong>{f.expected ?? DASH}</Typography.Text>
            </span>
          ),
        },
        { title: "说明", dataIndex: "message" },
      ]}
    />
  );
}
