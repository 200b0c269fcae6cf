import { useQueryClient } from "@tanstack/react-query";
import { Alert, Modal, Typography } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router";
import type { EvaluationKind } from "../../../../src/core/evaluations/workflow";
import { errorMessage } from "../../api/client";
import { createDepartmentEvaluation, createKeyEvaluation, evaluationKeys } from "../../api/evaluations/evaluations";
import { ProjectSelect } from "./ProjectSelect";

const TEXT: Record<EvaluationKind, { title: string; help: string; ok: string }> = {
  key: {
    title: "新建财政重点评价",
    help: "选择本年度的一个项目。评价金额取项目的全年预算数，指标体系按本年度的版本复制；建好后在评价页组建评价组（第三方机构与专家）并开启评分。",
    ok: "新建并打开",
  },
  department: {
    title: "新建部门评价",
    help: "选择本部门或所属单位本年度的一个项目。指标体系按本年度的版本复制，部门逐项评分、填写评价报告并上传佐证材料后提交财政审核。",
    ok: "新建并打开",
  },
};

/** Picks a project of the year and creates its evaluation of this kind, then opens it. */
export function NewEvaluationModal({
  kind,
  year,
  onClose,
}: {
  kind: EvaluationKind | null;
  year: number;
  onClose: () => void;
}) {
  const [projectId, setProjectId] = useState<number | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();
  const qc = useQueryClient();
  const text = TEXT[kind ?? "key"];

  const create = async () => {
    if (!kind) return;
    if (projectId === undefined) return setError("请选择项目");
    setBusy(true);
    setError(null);
    try {
      const e = await (kind === "key" ? createKeyEvaluation(projectId) : createDepartmentEvaluation(projectId));
      await qc.invalidateQueries({ queryKey: evaluationKeys.all });
      onClose();
      navigate(`/evaluations/${e.id}`);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={kind !== null}
      title={`${text.title}（${year}年度）`}
      okText={text.ok}
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => void create()}
      onCancel={onClose}
      destroyOnHidden
      afterClose={() => {
        setProjectId(undefined);
        setError(null);
      }}
      okButtonProps={{ "data-testid": "evaluation-new-ok" }}
    >
      <Typography.Paragraph type="secondary">{text.help}</Typography.Paragraph>
      {error && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} data-testid="evaluation-new-error" />
      )}
      <ProjectSelect year={year} value={projectId} onChange={setProjectId} testId="evaluation-new-project" />
    </Modal>
  );
}
