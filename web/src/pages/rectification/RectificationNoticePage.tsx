import { PaperClipOutlined, PrinterOutlined } from "@ant-design/icons";
import { Button, Card, Descriptions, Drawer, Space, Table, Typography } from "antd";
import { Link, useParams, useSearchParams } from "react-router";
import { dateInChina } from "../../../../src/core/calendar";
import { type RectificationNoticeItem, useRectificationNotice } from "../../api/rectification/rectification";
import { useBack } from "../../components/list/backTo";
import { PageError } from "../../components/PageError";
import { PageSpin } from "../../components/PageSpin";
import { PageTitle } from "../../components/PageTitle";
import { useIsPhone } from "../../components/phone/useIsPhone";
import { ItemWork } from "../../components/rectification/ItemWork";
import { RectificationStatus, sourcePath } from "../../components/rectification/RectificationStatus";
import { RemindButton } from "../../components/rectification/RemindButton";

const muted = (text: string) => <Typography.Text type="secondary">{text}</Typography.Text>;

/** The evidence files of an item, each a download link. */
function Files({ item }: { item: RectificationNoticeItem }) {
  if (item.files.length === 0) return muted("—");
  return (
    <Space direction="vertical" size={0}>
      {item.files.map((f) => (
        <a key={f.id} href={f.url} download={f.name}>
          <PaperClipOutlined /> {f.name}
        </a>
      ))}
    </Space>
  );
}

/** The button that opens an item's work: named for what the viewer can do with it now. */
function workLabel(item: RectificationNoticeItem): { label: string; primary: boolean } {
  if (item.allowedActions.includes("answer"))
    return { label: item.status === "returned" ? "重新反馈" : "反馈整改情况", primary: true };
  if (item.allowedActions.includes("accept")) return { label: "验收", primary: true };
  return { label: "查看", primary: false };
}

/** 整改通知: its particulars, its items with the unit's answers, evidence and finance's notes; each item's work. */
export default function RectificationNoticePage() {
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const back = useBack("/rectification");
  const phone = useIsPhone();
  const { data: n, isPending, error, refetch } = useRectificationNotice(id);
  if (isPending) return <PageSpin />;
  if (error || !n) return <PageError error={error} onRetry={() => void refetch()} />;

  const openId = Number(params.get("item"));
  const open = n.items.find((it) => it.id === openId);
  const openItem = (itemId: number | undefined) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (itemId === undefined) next.delete("item");
        else next.set("item", String(itemId));
        return next;
      },
      { replace: true },
    );
  const link = sourcePath(n.source, n.sourceId);
  const workButton = (it: RectificationNoticeItem) => {
    const w = workLabel(it);
    return (
      <Button
        size="small"
        type={w.primary ? "primary" : "default"}
        onClick={() => openItem(it.id)}
        data-testid="rectification-open-item"
      >
        {w.label}
      </Button>
    );
  };

  return (
    <>
      <PageTitle
        title={n.title}
        sub={`${n.fiscalYear}年度整改通知`}
        extra={
          <Space wrap>
            <Button onClick={back}>返回</Button>
            <Button
              icon={<PrinterOutlined />}
              href={`/rectification/notices/${n.id}/print`}
              target="_blank"
              data-testid="rectification-print"
            >
              打印
            </Button>
          </Space>
        }
      />
      <Card style={{ marginBottom: 16 }} data-testid="rectification-notice">
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label="问题来源">
            {link ? (
              <Link to={link}>
                {n.sourceText}
                {n.project ? `：${n.project.name}（${n.project.code}）` : ""}
              </Link>
            ) : (
              `${n.sourceText}（评价编号 ${n.sourceId}）${n.project ? `：${n.project.name}（${n.project.code}）` : ""}`
            )}
          </Descriptions.Item>
          <Descriptions.Item label="整改单位">{n.unit.name}</Descriptions.Item>
          <Descriptions.Item label="主管部门">{n.department.name}</Descriptions.Item>
          <Descriptions.Item label="下达日期">{dateInChina(new Date(n.createdAt))}</Descriptions.Item>
          <Descriptions.Item label="下达人">{n.issuedByName ?? "—"}</Descriptions.Item>
          <Descriptions.Item label="整改情况">
            共 {n.counts.items} 项：待整改 {n.counts.issued}，已反馈 {n.counts.answered}，已验收 {n.counts.accepted}
            ，退回重改 {n.counts.returned}
            {n.counts.overdue > 0 && <Typography.Text type="danger">，逾期 {n.counts.overdue}</Typography.Text>}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title="整改事项" size="small">
        {phone ? (
          <Space direction="vertical" style={{ width: "100%" }} data-testid="rectification-items">
            {n.items.map((it) => (
              <Card
                key={it.id}
                size="small"
                title={`第${it.seq}项`}
                extra={<RectificationStatus item={it} />}
                data-testid="rectification-item-card"
              >
                <Descriptions column={1} size="small">
                  <Descriptions.Item label="存在问题">{it.problem}</Descriptions.Item>
                  <Descriptions.Item label="整改要求">{it.requirement}</Descriptions.Item>
                  <Descriptions.Item label="整改期限">{it.deadline}</Descriptions.Item>
                  <Descriptions.Item label="整改措施">{it.answer || muted("尚未反馈")}</Descriptions.Item>
                  <Descriptions.Item label="佐证材料">
                    <Files item={it} />
                  </Descriptions.Item>
                  {it.verdictNote && <Descriptions.Item label="财政意见">{it.verdictNote}</Descriptions.Item>}
                </Descriptions>
                <Space wrap>
                  {workButton(it)}
                  <RemindButton item={{ ...it, unit: n.unit }} />
                </Space>
              </Card>
            ))}
          </Space>
        ) : (
          <Table<RectificationNoticeItem>
            data-testid="rectification-items"
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={n.items}
            scroll={{ x: 1080 }}
            columns={[
              { title: "序号", dataIndex: "seq", width: 56, align: "center" },
              { title: "存在问题", dataIndex: "problem" },
              { title: "整改要求", dataIndex: "requirement" },
              { title: "整改期限", dataIndex: "deadline", width: 100 },
              {
                title: "状态",
                key: "status",
                width: 130,
                render: (_: unknown, it) => <RectificationStatus item={it} />,
              },
              { title: "整改措施", key: "answer", render: (_: unknown, it) => it.answer || muted("尚未反馈") },
              { title: "佐证材料", key: "files", width: 160, render: (_: unknown, it) => <Files item={it} /> },
              {
                title: "财政意见",
                key: "verdict",
                width: 140,
                render: (_: unknown, it) => it.verdictNote ?? muted("—"),
              },
              {
                title: "办理",
                key: "work",
                width: 150,
                fixed: "right",
                render: (_: unknown, it) => (
                  <Space wrap size={4}>
                    {workButton(it)}
                    <RemindButton item={{ ...it, unit: n.unit }} />
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Card>
      <Drawer
        open={open !== undefined}
        onClose={() => openItem(undefined)}
        width={640}
        title={open ? `第${open.seq}项 · ${n.unit.name}` : ""}
        destroyOnHidden
      >
        {open && <ItemWork key={`${open.id}:${open.version}`} item={open} onDone={() => openItem(undefined)} />}
      </Drawer>
    </>
  );
}
