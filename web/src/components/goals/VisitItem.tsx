import { CheckCircleFilled, EditOutlined, LinkOutlined, MinusCircleOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Button, Popconfirm, Space, Tag, Typography } from "antd";
import { Link } from "react-router";
import { errorMessage } from "../../api/client";
import {
  type ReviewVisit,
  type ReviewVisitTable,
  reviewVisitKeys,
  unlinkReviewVisitTable,
} from "../../api/goals/review-visits";
import { isVisitRecorded } from "./reviewData";
import { GoalStatusTag } from "./status";

/** Layout of the record: two text columns on wide screens, one below 768 px; nothing wider than the page. */
export const VISIT_CSS = `
.jx-visit { border: 1px solid #e5e8ee; border-radius: 8px; padding: 12px 16px; background: #fff; min-width: 0; }
.jx-visit + .jx-visit { margin-top: 12px; }
.jx-visit-head { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 12px; margin-bottom: 8px; }
.jx-visit-title { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 10px; flex: 1 1 260px; min-width: 0; }
.jx-visit-body { display: grid; grid-template-columns: 1fr 1fr; gap: 12px 24px; }
.jx-visit-label { font-size: 12px; color: rgba(0,0,0,0.55); margin-bottom: 2px; }
.jx-visit-text { white-space: pre-wrap; overflow-wrap: anywhere; word-break: break-word; margin: 0 !important; }
.jx-visit-tables { margin-top: 12px; border-top: 1px dashed #e5e8ee; padding-top: 8px; }
.jx-visit-link { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 8px; padding: 6px 0; }
.jx-visit-link + .jx-visit-link { border-top: 1px solid #f2f3f6; }
.jx-visit-link-main { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 8px; flex: 1 1 320px; min-width: 0; }
.jx-visit-link-name { overflow-wrap: anywhere; }
.jx-visit-note { flex-basis: 100%; font-size: 12px; color: rgba(0,0,0,0.6); white-space: pre-wrap; overflow-wrap: anywhere; }
.jx-visit-summary { display: flex; flex-wrap: wrap; gap: 4px 16px; align-items: center; }
@media (max-width: 767px) {
  .jx-visit { padding: 10px 12px; }
  .jx-visit-body { grid-template-columns: 1fr; }
}
`;

function Text({ label, text, testId }: { label: string; text: string; testId: string }) {
  return (
    <div style={{ minWidth: 0 }}>
      <div className="jx-visit-label">{label}</div>
      {text.trim() ? (
        <Typography.Paragraph
          className="jx-visit-text"
          data-testid={testId}
          ellipsis={{ rows: 6, expandable: "collapsible", symbol: (open) => (open ? "收起" : "展开") }}
        >
          {text}
        </Typography.Paragraph>
      ) : (
        <Typography.Text type="secondary" data-testid={testId}>
          未填写
        </Typography.Text>
      )}
    </div>
  );
}

function LinkedTable({
  visit,
  link,
  mayEdit,
  onEdit,
}: {
  visit: ReviewVisit;
  link: ReviewVisitTable;
  mayEdit: boolean;
  onEdit: () => void;
}) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const unlink = useMutation({
    mutationFn: () => unlinkReviewVisitTable(visit.id, link.goalTableId),
    onSuccess: () => message.success(`已取消关联 ${link.subjectCode}`),
    onError: (e) => message.error(errorMessage(e)),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: reviewVisitKeys.all }),
  });
  return (
    <div className="jx-visit-link" data-testid={`visit-link-${link.goalTableId}`}>
      <div className="jx-visit-link-main">
        <Link to={`/goal-tables/${link.goalTableId}`} className="jx-visit-link-name">
          {link.subjectCode} {link.subjectName}
        </Link>
        <GoalStatusTag status={link.status} returnedBy={null} />
        <Tag style={{ marginInlineEnd: 0 }}>第{link.revision}版</Tag>
        {link.actedOn ? (
          <Tag color="success" icon={<CheckCircleFilled />} style={{ marginInlineEnd: 0 }} data-testid="visit-acted">
            已落实
          </Tag>
        ) : (
          <Tag color="warning" icon={<MinusCircleOutlined />} style={{ marginInlineEnd: 0 }} data-testid="visit-acted">
            未落实
          </Tag>
        )}
      </div>
      {mayEdit && (
        <Space size={0}>
          <Button type="link" size="small" onClick={onEdit} data-testid="visit-link-edit">
            修改落实情况
          </Button>
          <Popconfirm
            title="取消关联这张目标表？"
            description="只取消与会审记录的关联，目标表本身不变。"
            okText="取消关联"
            cancelText="保留"
            onConfirm={() => unlink.mutate()}
          >
            <Button type="link" size="small" danger loading={unlink.isPending} data-testid="visit-unlink">
              取消关联
            </Button>
          </Popconfirm>
        </Space>
      )}
      {link.note && <div className="jx-visit-note">说明：{link.note}</div>}
    </div>
  );
}

/** One drawn department: the review's date, findings, guidance and the tables linked to it. */
export function VisitItem({
  visit,
  mayEdit,
  onRecord,
  onLink,
}: {
  visit: ReviewVisit;
  mayEdit: boolean;
  onRecord: () => void;
  onLink: (link: ReviewVisitTable | null) => void;
}) {
  const recorded = isVisitRecorded(visit);
  const acted = visit.tables.filter((t) => t.actedOn).length;
  return (
    <div className="jx-visit" data-testid={`visit-${visit.department.code}`}>
      <div className="jx-visit-head">
        <div className="jx-visit-title">
          <Typography.Text strong>{visit.department.name}</Typography.Text>
          <Typography.Text type="secondary">{visit.department.code}</Typography.Text>
          {recorded ? (
            <Tag color="success" style={{ marginInlineEnd: 0 }}>
              已记录
            </Tag>
          ) : (
            <Tag style={{ marginInlineEnd: 0 }}>未记录</Tag>
          )}
          <Typography.Text type="secondary" data-testid="visit-date">
            会审日期：{visit.reviewedOn ?? "未填写"}
          </Typography.Text>
        </div>
        {mayEdit && (
          <Space wrap size={8}>
            <Button size="small" icon={<EditOutlined />} onClick={onRecord} data-testid="visit-record">
              {recorded ? "编辑记录" : "记录会审"}
            </Button>
            <Button size="small" icon={<LinkOutlined />} onClick={() => onLink(null)} data-testid="visit-link-add">
              关联目标表
            </Button>
          </Space>
        )}
      </div>
      <div className="jx-visit-body">
        <Text label="发现的问题" text={visit.findings} testId="visit-findings-text" />
        <Text label="指导建议" text={visit.guidance} testId="visit-guidance-text" />
      </div>
      <div className="jx-visit-tables">
        <div className="jx-visit-label">
          关联的目标表
          {visit.tables.length > 0 && `（${visit.tables.length} 张，已落实 ${acted} 张）`}
        </div>
        {visit.tables.length === 0 ? (
          <Typography.Text type="secondary">尚未关联修改后的目标表</Typography.Text>
        ) : (
          visit.tables.map((t) => (
            <LinkedTable key={t.goalTableId} visit={visit} link={t} mayEdit={mayEdit} onEdit={() => onLink(t)} />
          ))
        )}
      </div>
    </div>
  );
}
