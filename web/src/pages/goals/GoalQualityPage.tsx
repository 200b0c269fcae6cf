import { FileExcelOutlined, ReloadOutlined, UnorderedListOutlined } from "@ant-design/icons";
import { App, Button, Card, Col, Empty, Row, Space, Typography } from "antd";
import { useEffect, useRef, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { GOAL_RULES } from "../../../../src/core/goals/quality";
import { can } from "../../../../src/core/permissions";
import { errorMessage } from "../../api/client";
import { useGoalLint } from "../../api/hooks";
import { useSession, useYear } from "../../auth/session";
import { DeptLintTable } from "../../components/goals/DeptLintTable";
import { FINDING_PARAMS, type FindingFilter, FindingsTable } from "../../components/goals/FindingsTable";
import { GOAL_PAGE_CSS } from "../../components/goals/goalPageCss";
import { LintCards } from "../../components/goals/LintCards";
import { RuleChart } from "../../components/goals/RuleChart";
import { RuleTable } from "../../components/goals/RuleTable";
import { PageError } from "../../components/PageError";
import { PageTitle } from "../../components/PageTitle";
import { count, dateTime } from "../../format";
import { mayUse, NAV } from "../../nav";

/** 目标智能审核: the year's goal tables checked against the quality rules, by rule and by department, with details. */
export default function GoalQualityPage() {
  const { year } = useYear();
  const { me } = useSession();
  // The goal-table editor, where a finding is fixed, if this account may open it.
  const canOpenTables = NAV.some((n) => n.path === "/goal-tables" && mayUse(n, me));
  const lint = useGoalLint(year);
  const { message } = App.useApp();
  const [rechecking, setRechecking] = useState(false);
  // The server checks the year's tables again whenever any of them (or the rules) changed since its last run.
  const recheck = async () => {
    setRechecking(true);
    try {
      const r = await lint.refetch({ throwOnError: true });
      const totals = r.data?.summary.totals;
      if (totals)
        message.success(
          `已重新审核 ${count(totals.tables)} 张目标表，错误 ${count(totals.errors)} 个，提示 ${count(totals.warnings)} 个（${dateTime(new Date().toISOString()).slice(11)}）`,
        );
    } catch (e) {
      message.error(`重新审核失败：${errorMessage(e)}`);
    } finally {
      setRechecking(false);
    }
  };
  const [params, setParams] = useSearchParams();
  const filter: FindingFilter = { rule: params.get("rule") ?? undefined, department: params.get("dept") ?? undefined };
  const mayAskRevision = can(me.role, "goal.requestRevision");
  // The details are shown once asked for (all, a rule or a department) or filtered: all in the address.
  const detailsWanted =
    params.has("all") || Boolean(filter.rule || filter.department) || FINDING_PARAMS.some((k) => params.has(k));
  const detailsRef = useRef<HTMLDivElement>(null);
  const scrollPending = useRef(false);

  const setFilter = (key: "rule" | "dept", value: string | undefined) => {
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value) next.set(key, value);
        else next.delete(key);
        next.delete("page");
        return next;
      },
      { replace: true },
    );
    if (value) scrollPending.current = true;
  };

  // After a click on a rule or department, bring the details into view once they are there to see.
  useEffect(() => {
    if (!scrollPending.current) return;
    scrollPending.current = false;
    window.setTimeout(() => detailsRef.current?.scrollIntoView({ behavior: "smooth", block: "start" }), 50);
  });

  if (lint.error && !lint.data) return <PageError error={lint.error} onRetry={() => void lint.refetch()} />;
  const summary = lint.data?.summary;
  const empty = summary !== undefined && summary.totals.tables === 0;

  return (
    <>
      <style>{GOAL_PAGE_CSS}</style>
      <PageTitle
        title="目标智能审核"
        sub={`${year}年度 · 按 ${GOAL_RULES.length} 条规则检查全区项目和部门整体绩效目标表${lint.data ? ` · 指标体系 ${lint.data.rulesVersion}` : ""}`}
        extra={
          <Space size={12}>
            {lint.dataUpdatedAt > 0 && (
              <Typography.Text type="secondary" data-testid="goal-lint-checked-at">
                上次审核时间：{dateTime(new Date(lint.dataUpdatedAt).toISOString())}
              </Typography.Text>
            )}
            {can(me.role, "goal.checkFile") && (
              <Link to="/goals/check" data-testid="goal-check-link">
                <Button icon={<FileExcelOutlined />}>检查外来目标表</Button>
              </Link>
            )}
            <Button
              icon={<ReloadOutlined />}
              loading={rechecking || lint.isFetching}
              onClick={() => void recheck()}
              data-testid="goal-lint-recheck"
            >
              {rechecking ? "正在审核…" : "重新审核"}
            </Button>
          </Space>
        }
      />
      <LintCards totals={summary?.totals} loading={lint.isPending} />
      {empty ? (
        <Card>
          <Empty description={`${year}年度还没有绩效目标表`} />
        </Card>
      ) : (
        <>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={24} xl={11}>
              <Card title="问题最多的规则" size="small" style={{ height: "100%" }}>
                {summary && summary.byRule.length > 0 ? (
                  <RuleChart rules={summary.byRule} />
                ) : (
                  <Empty description={lint.isPending ? "正在审核…" : "未发现问题"} />
                )}
              </Card>
            </Col>
            <Col xs={24} xl={13}>
              <Card
                title="审核规则"
                size="small"
                extra={<Typography.Text type="secondary">点击规则查看问题明细</Typography.Text>}
                style={{ height: "100%" }}
              >
                <RuleTable
                  rules={summary?.byRule ?? []}
                  selected={filter.rule}
                  onSelect={(code) => setFilter("rule", code)}
                  loading={lint.isPending}
                />
              </Card>
            </Col>
          </Row>
          <Card
            title="各部门目标表审核情况"
            size="small"
            extra={<Typography.Text type="secondary">点击部门查看问题明细</Typography.Text>}
            style={{ marginBottom: 16 }}
          >
            <DeptLintTable
              departments={summary?.byDepartment ?? []}
              selected={filter.department}
              onSelect={(code) => setFilter("dept", code)}
              loading={lint.isPending}
            />
          </Card>
          <div ref={detailsRef} style={{ scrollMarginTop: 72 }}>
            <Card title="问题明细" size="small">
              {detailsWanted ? (
                <FindingsTable
                  year={year}
                  filter={filter}
                  departmentName={
                    summary?.byDepartment.find((d) => d.departmentCode === filter.department)?.departmentName
                  }
                  onClear={(which) => setFilter(which === "rule" ? "rule" : "dept", undefined)}
                  linkOf={canOpenTables ? (t) => `/goal-tables/${t.id}` : undefined}
                  canAskRevision={mayAskRevision}
                />
              ) : (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={
                    summary
                      ? `点击上方的规则或部门查看对应问题，或查看全部 ${count(summary.totals.errors + summary.totals.warnings)} 处问题`
                      : "点击上方的规则或部门查看对应问题"
                  }
                >
                  <Button
                    icon={<UnorderedListOutlined />}
                    onClick={() =>
                      setParams(
                        (p) => {
                          const next = new URLSearchParams(p);
                          next.set("all", "1");
                          return next;
                        },
                        { replace: true },
                      )
                    }
                    data-testid="goal-all-findings"
                  >
                    查看全部问题
                  </Button>
                </Empty>
              )}
            </Card>
          </div>
        </>
      )}
    </>
  );
}
