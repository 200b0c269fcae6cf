import { HistoryOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { App, Button, Tooltip } from "antd";
import { useState } from "react";
import { errorMessage } from "../../api/client";
import { carryOverGoalTable, goalTableKeys } from "../../api/goals/goal-tables";
import type { PreviousYear } from "./previousYear";

/**
 * 从上年结转 for a table being declared: after a confirmation, the server replaces the overall goal
 * and all indicators by last year's; the page then shows the carried-over table to adjust.
 */
export function CarryOverButton({
  id,
  version,
  fiscalYear,
  indicatorCount,
  dirty,
  state,
}: {
  id: number;
  version: number;
  fiscalYear: number;
  indicatorCount: number;
  dirty: boolean;
  state: PreviousYear;
}) {
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const previous = state.data?.previous ?? null;
  const lastYear = fiscalYear - 1;

  const run = async () => {
    setBusy(true);
    try {
      await carryOverGoalTable(id, { version });
      await queryClient.invalidateQueries({ queryKey: goalTableKeys.all });
      message.success(`已从${lastYear}年度目标表结转，请按本年情况调整后保存、提交`);
    } catch (e) {
      message.error(errorMessage(e, "结转失败，请稍后重试"));
    } finally {
      setBusy(false);
    }
  };
  const confirm = () => {
    if (!previous) return;
    modal.confirm({
      title: `从上年（${lastYear}年度）结转`,
      content: (
        <>
          <p style={{ margin: 0 }}>
            将以{lastYear}年度目标表（第{previous.revision}版，{previous.table.indicators.length}
            个指标）的年度总体目标和全部指标，替换本表现有的{indicatorCount}个指标和总体目标。
          </p>
          {dirty && <p style={{ margin: "8px 0 0", color: "#d46b08" }}>本页尚未保存的修改将被放弃。</p>}
          <p style={{ margin: "8px 0 0" }}>结转后请按本年情况调整目标值和权重，保存后再提交。</p>
        </>
      ),
      okText: "结转",
      cancelText: "取消",
      onOk: run,
    });
  };

  const disabled = !previous || busy;
  const hint = state.loading
    ? "正在查找上年目标表…"
    : !previous
      ? `没有${lastYear}年度的绩效目标表，无法结转`
      : `用${lastYear}年度目标表的总体目标和指标作为本表底稿`;
  return (
    <Tooltip title={hint}>
      <Button
        size="small"
        icon={<HistoryOutlined />}
        data-testid="goal-carry-over"
        disabled={disabled}
        loading={busy}
        onClick={confirm}
      >
        从上年结转
      </Button>
    </Tooltip>
  );
}
