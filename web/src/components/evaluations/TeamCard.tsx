import { PlayCircleOutlined, SaveOutlined, TeamOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Empty, Radio, Select, Space, Table, Tag, Tooltip, Typography } from "antd";
import { useMemo, useState } from "react";
import { errorMessage, isApiError } from "../../api/client";
import {
  type EvaluationDetail,
  type EvaluationMember,
  type Expert,
  setEvaluationTeam,
  useActiveExperts,
} from "../../api/evaluations/evaluations";
import { useOrgTree } from "../../api/hooks";
import { dateTime } from "../../format";
import { flattenOrgs } from "../orgs";
import { useIsPhone } from "../phone/useIsPhone";
import { useLeaveGuard } from "../unsaved/useLeaveGuard";
import { pts } from "./labels";

/** What the server said was wrong with a team: one line per member and tie (回避), or its message. */
function teamProblems(e: unknown): { title: string; lines: string[] } {
  if (isApiError(e) && e.code === "EVALUATION_CONFLICT") {
    const d = e.details as { conflicts?: { message: string }[] } | undefined;
    return { title: "以下成员须回避，评价组未保存：", lines: (d?.conflicts ?? []).map((c) => c.message) };
  }
  return { title: errorMessage(e), lines: [] };
}

const expertLine = (x: Pick<Expert, "title" | "employer">) => [x.title, x.employer].filter(Boolean).join(" · ");

/** One member's line: name, lead, fields, and whether their sheet is in. */
function MemberStatus({ m, scoring }: { m: EvaluationMember; scoring: boolean }) {
  return (
    <div data-testid="ev-member" data-submitted={m.submitted}>
      <Space wrap size={[8, 2]}>
        <b>{m.expert?.name ?? "部门"}</b>
        {m.isLead && <Tag color="purple">组长</Tag>}
        {(m.expert?.fields ?? []).map((f) => (
          <Tag key={f}>{f}</Tag>
        ))}
        {scoring &&
          (m.submitted ? (
            <Tag color="success">已提交 {dateTime(m.submittedAt).slice(5, 16)}</Tag>
          ) : (
            <Tag color="warning">未提交</Tag>
          ))}
        {m.visible && m.total !== null && (
          <Typography.Text type="secondary" className="jx-num">
            合计 {pts(m.total)}
          </Typography.Text>
        )}
      </Space>
    </div>
  );
}

/**
 * 评价组 of a key evaluation. While it is a draft, finance picks a third-party firm (an organisation of kind firm)
 * and experts from the pool with their fields, one of them the lead, and saves; a 回避 refusal names each
 * member and tie. Then 开启评分. Afterwards, who is on the team and whose sheet is in.
 */
export function TeamCard({
  data,
  finance,
  onSaved,
  onOpenScoring,
}: {
  data: EvaluationDetail;
  finance: boolean;
  onSaved: (next: EvaluationDetail) => void;
  onOpenScoring: () => void;
}) {
  const editing = finance && data.status === "draft";
  const phone = useIsPhone();
  const savedIds = data.members.flatMap((m) => (m.expert ? [m.expert.id] : []));
  const savedLead = data.members.find((m) => m.isLead)?.expert?.id ?? null;
  const [firmId, setFirmId] = useState<number | null>(data.firm?.id ?? null);
  const [ids, setIds] = useState<number[]>(savedIds);
  const [lead, setLead] = useState<number | null>(savedLead);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ title: string; lines: string[] } | null>(null);
  const experts = useActiveExperts(editing);
  const tree = useOrgTree(editing);
  const firms = useMemo(
    () =>
      flattenOrgs(tree.data?.nodes ?? [])
        .filter((o) => o.kind === "firm")
        .map((o) => ({ value: o.id, label: o.name, search: `${o.code} ${o.name}` })),
    [tree.data],
  );
  const pool = experts.data?.rows ?? [];
  const byId = new Map(pool.map((x) => [x.id, x]));
  const effectiveLead = lead !== null && ids.includes(lead) ? lead : (ids[0] ?? null);
  const dirty =
    editing &&
    (firmId !== (data.firm?.id ?? null) ||
      ids.join(",") !== savedIds.join(",") ||
      (ids.length > 0 && effectiveLead !== savedLead));
  useLeaveGuard(dirty);

  const save = async () => {
    if (ids.length === 0) return setProblem({ title: "请至少选择一位专家", lines: [] });
    setBusy(true);
    setProblem(null);
    try {
      const next = await setEvaluationTeam(data.id, {
        version: data.version,
        firmId,
        members: ids.map((expertId) => ({ expertId, isLead: expertId === effectiveLead })),
      });
      onSaved(next);
    } catch (e) {
      setProblem(teamProblems(e));
    } finally {
      setBusy(false);
    }
  };

  const noTeam = data.members.length === 0;
  const openReason = dirty ? "请先保存评价组" : noTeam ? "请先组建评价组（至少一位专家）" : null;
  const title = (
    <Space>
      <TeamOutlined />
      评价组
      {data.firm && !editing && <Typography.Text type="secondary">第三方机构：{data.firm.name}</Typography.Text>}
    </Space>
  );

  if (!editing)
    return (
      <Card size="small" className="jx-ev-card" title={title} data-testid="ev-team">
        {noTeam ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未组建评价组" />
        ) : (
          <Space direction="vertical" size={6} style={{ width: "100%" }}>
            {data.members.map((m) => (
              <MemberStatus key={m.id} m={m} scoring={data.status !== "draft"} />
            ))}
          </Space>
        )}
      </Card>
    );

  const chosen = ids
    .map((id) => byId.get(id) ?? data.members.find((m) => m.expert?.id === id)?.expert)
    .filter((x): x is NonNullable<typeof x> => x !== undefined);
  return (
    <Card
      size="small"
      className="jx-ev-card"
      title={title}
      data-testid="ev-team"
      extra={
        <Space wrap>
          <Button
            icon={<SaveOutlined />}
            loading={busy}
            disabled={!dirty}
            onClick={() => void save()}
            data-testid="ev-team-save"
          >
            保存评价组
          </Button>
          <Tooltip title={openReason}>
            <Button
              type="primary"
              icon={<PlayCircleOutlined />}
              disabled={openReason !== null}
              onClick={onOpenScoring}
              data-testid="ev-open-scoring"
            >
              开始评分…
            </Button>
          </Tooltip>
        </Space>
      }
    >
      {problem && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="ev-team-error"
          title={problem.title}
          description={
            problem.lines.length > 0 ? (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {problem.lines.map((l) => (
                  <li key={l}>{l}</li>
                ))}
              </ul>
            ) : undefined
          }
          closable={{ onClose: () => setProblem(null) }}
        />
      )}
      <div style={{ display: "grid", gridTemplateColumns: phone ? "1fr" : "120px 1fr", gap: "8px 12px" }}>
        <div style={{ lineHeight: "32px" }}>第三方机构</div>
        <Select<number>
          aria-label="第三方机构"
          data-testid="ev-team-firm"
          placeholder="选择第三方机构（可不选）"
          allowClear
          showSearch={{ optionFilterProp: "search" }}
          loading={tree.isPending}
          value={firmId ?? undefined}
          options={firms}
          onChange={(v) => setFirmId(v ?? null)}
        />
        <div style={{ lineHeight: "32px" }}>评审专家</div>
        <Select<number[]>
          mode="multiple"
          aria-label="评审专家"
          data-testid="ev-team-experts"
          placeholder="从专家库中选择，可按姓名、单位或专业领域搜索"
          showSearch={{ optionFilterProp: "search" }}
          loading={experts.isPending}
          value={ids}
          onChange={(v) => setIds(v)}
          options={pool.map((x) => ({
            value: x.id,
            disabled: x.user === null,
            label: x.name,
            search: `${x.name} ${x.employer} ${x.fields.join(" ")}`,
            title: x.user === null ? "没有评分账号，不能在线评分" : undefined,
          }))}
          optionRender={(o) => {
            const x = byId.get(o.value as number);
            if (!x) return o.label;
            return (
              <div style={{ whiteSpace: "normal" }}>
                <b>{x.name}</b>{" "}
                <span style={{ fontSize: 12, color: "rgba(0,0,0,0.5)" }}>
                  {expertLine(x)}
                  {x.user === null ? " · 无评分账号" : ""}
                </span>
                <div>
                  {x.fields.map((f) => (
                    <Tag key={f} style={{ fontSize: 11 }}>
                      {f}
                    </Tag>
                  ))}
                </div>
              </div>
            );
          }}
        />
      </div>
      {experts.data && pool.length === 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          title="专家库中还没有在用的专家：请先在专家库中登记专家及其评分账号。"
        />
      )}
      {chosen.length > 0 && (
        <Table
          style={{ marginTop: 12 }}
          size="small"
          rowKey="id"
          pagination={false}
          data-testid="ev-team-table"
          dataSource={chosen}
          scroll={{ x: 520 }}
          columns={[
            { title: "专家", dataIndex: "name", width: 90 },
            {
              title: "职称 · 工作单位",
              render: (_: unknown, x) => {
                const full = byId.get(x.id);
                return full ? expertLine(full) : "—";
              },
            },
            {
              title: "专业领域",
              render: (_: unknown, x) => x.fields.map((f) => <Tag key={f}>{f}</Tag>),
            },
            {
              title: "组长",
              width: 64,
              align: "center",
              render: (_: unknown, x) => (
                <Radio aria-label={`${x.name}为组长`} checked={effectiveLead === x.id} onChange={() => setLead(x.id)} />
              ),
            },
          ]}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: "8px 0 0" }}>
        保存时检查回避：专家、机构不得评价本单位的项目，也不得评价在回避年限（{data.conflictYears}
        年）内评价过或提供过咨询的单位。开始评分后评价组不能再调整。
      </Typography.Paragraph>
    </Card>
  );
}
