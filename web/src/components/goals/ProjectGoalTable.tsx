import { App, Button, Empty, Space } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router";
import type { GoalStatus } from "../../../../src/core/goals/workflow";
import { errorMessage } from "../../api/client";
import { startGoalTable } from "../../api/goals/goal-tables";
import { useSession } from "../../auth/session";
import { GoalStatusTag } from "./status";

/**
 * A project's goal table of its year: its status and a link, or, when it has none, the implementing
 * unit's button to start one (before finance opens the declaration, or for a project the opening missed).
 */
export function ProjectGoalTable({
  projectId,
  unitId,
  goalTable,
}: {
  projectId: number;
  unitId: number;
  goalTable: { id: number; status: GoalStatus } | null;
}) {
  const { me } = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [starting, setStarting] = useState(false);
  const declares = (me.role === "unit" || me.role === "department") && me.org.id === unitId;

  if (goalTable)
    return (
      <Space data-testid="project-goal-table">
        <GoalStatusTag status={goalTable.status} returnedBy={null} />
        <Button type="link" onClick={() => navigate(`/goal-tables/${goalTable.id}`)}>
          打开绩效目标表
        </Button>
      </Space>
    );

  const start = async () => {
    setStarting(true);
    try {
      const { id } = await startGoalTable(projectId);
      message.success("已新建绩效目标表草稿");
      navigate(`/goal-tables/${id}`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setStarting(false);
    }
  };
  return (
    <Empty
      data-testid="project-goal-table"
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        declares ? "本项目尚无绩效目标表，可由本单位编制" : "本项目尚无绩效目标表，待实施单位编制或财政开启申报"
      }
    >
      {declares && (
        <Button type="primary" loading={starting} onClick={() => void start()}>
          编制绩效目标表
        </Button>
      )}
    </Empty>
  );
}
