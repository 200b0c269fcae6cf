import { AppError, notFound } from "../../core/errors";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";

const invalid = (field: string, message: string) =>
  new AppError("validation", "EVALUATION_TIE_INVALID", message, { field });

/** Declared ties (回避): an expert or a firm evaluated or advised an organisation in a year. */
export async function listTies(deps: Deps, actor: Actor, filter: { expertId?: number; firmId?: number }) {
  authorize(actor, "evaluation.manage");
  return { rows: await deps.uow.read.experts.ties(actor.regionCode, filter) };
}

export async function addTie(
  deps: Deps,
  actor: Actor,
  input: {
    expertId: number | null;
    firmId: number | null;
    orgId: number;
    kind: "evaluated" | "advised";
    fiscalYear: number;
    note: string;
  },
) {
  authorize(actor, "evaluation.manage");
  if ((input.expertId === null) === (input.firmId === null)) throw invalid("expertId", "请指定专家或第三方机构之一");
  return deps.uow.transaction(async (repos) => {
    if (input.expertId !== null && !(await repos.experts.get(actor.regionCode, input.expertId)))
      throw invalid("expertId", `专家不存在：${input.expertId}`);
    if (input.firmId !== null) {
      const firm = await repos.orgs.byId(input.firmId);
      if (!firm || firm.regionCode !== actor.regionCode || firm.kind !== "firm")
        throw invalid("firmId", `第三方机构不存在：${input.firmId}`);
    }
    const org = await repos.orgs.byId(input.orgId);
    if (!org || org.regionCode !== actor.regionCode || (org.kind !== "department" && org.kind !== "unit"))
      throw invalid("orgId", `被评价或咨询的单位须为本地区的主管部门或预算单位：${input.orgId}`);
    const id = await repos.experts.addTie(actor.regionCode, {
      ...input,
      note: input.note.trim(),
      createdBy: actor.userId,
    });
    await repos.audit.append([
      auditEntry(actor, deps.clock, { action: "create", entity: "evaluation_tie", entityId: id, after: input }),
    ]);
    const [tie] = (await repos.experts.ties(actor.regionCode, {})).filter((t) => t.id === id);
    return tie!;
  });
}

export async function removeTie(deps: Deps, actor: Actor, id: number) {
  authorize(actor, "evaluation.manage");
  await deps.uow.transaction(async (repos) => {
    const removed = await repos.experts.removeTie(actor.regionCode, id);
    if (!removed) throw notFound("回避关系", id);
    await repos.audit.append([
      auditEntry(actor, deps.clock, { action: "delete", entity: "evaluation_tie", entityId: id, before: removed }),
    ]);
  });
}
