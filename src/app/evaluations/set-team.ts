import { AppError } from "../../core/errors";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { expectState } from "../expect-state";
import { getEvaluation, readEvaluation } from "./read-evaluation";
import { checkTeamConflicts } from "./team-conflicts";

export const MAX_TEAM = 15;

const invalid = (field: string, message: string) =>
  new AppError("validation", "EVALUATION_TEAM_INVALID", message, { field });

/**
 * Finance forms a key evaluation's team while it is a draft: a third-party firm (an organisation of kind firm)
 * and experts of the pool with a scoring account, one of them the lead. A conflicted member refuses the whole
 * team, naming who and why; nothing is written.
 */
export async function setEvaluationTeam(
  deps: Deps,
  actor: Actor,
  id: number,
  input: { version: number; firmId: number | null; members: { expertId: number; isLead: boolean }[] },
) {
  authorize(actor, "evaluation.manage");
  const ids = input.members.map((m) => m.expertId);
  if (ids.length === 0) throw invalid("members", "评价组至少需要一位专家");
  if (ids.length > MAX_TEAM) throw invalid("members", `评价组专家不能超过 ${MAX_TEAM} 位`);
  if (new Set(ids).size !== ids.length) throw invalid("members", "同一位专家在评价组中出现了多次");
  if (input.members.filter((m) => m.isLead).length !== 1) throw invalid("members", "评价组须有且只有一位组长");
  await deps.uow.transaction(async (repos) => {
    const e = await readEvaluation(repos, actor, id);
    if (e.kind !== "key")
      throw new AppError("conflict", "EVALUATION_INVALID_TRANSITION", "部门评价由部门自行评分，无需组建评价组");
    const locked = await repos.evaluations.lock(actor.regionCode, id);
    if (locked?.status !== "draft")
      throw new AppError("conflict", "EVALUATION_NOT_EDITABLE", "评分已开始，评价组不能再调整");
    const expected = expectState(locked, input.version, "评价");
    let firm: { id: number; name: string } | null = null;
    if (input.firmId !== null) {
      const org = await repos.orgs.byId(input.firmId);
      if (!org || org.regionCode !== actor.regionCode || org.kind !== "firm")
        throw invalid("firmId", `第三方机构不存在：${input.firmId}`);
      firm = { id: org.id, name: org.name };
    }
    const experts = await repos.experts.many(actor.regionCode, ids);
    input.members.forEach((m, i) => {
      const x = experts.find((y) => y.id === m.expertId);
      if (!x) throw invalid(`members.${i}.expertId`, `第${i + 1}位：专家不存在：${m.expertId}`);
      if (!x.active) throw invalid(`members.${i}.expertId`, `第${i + 1}位：专家${x.name}已停用`);
      if (!x.user) throw invalid(`members.${i}.expertId`, `第${i + 1}位：专家${x.name}没有评分账号，不能在线评分`);
    });
    await checkTeamConflicts(repos, actor.regionCode, e, {
      firm,
      experts: experts.map((x) => ({ id: x.id, name: x.name })),
    });
    const members = input.members.map((m) => ({
      expertId: m.expertId,
      userId: experts.find((x) => x.id === m.expertId)!.user!.id,
      isLead: m.isLead,
    }));
    const next = await repos.evaluations.setTeam(actor.regionCode, id, expected.version, input.firmId, members);
    if (next === null) throw new AppError("conflict", "STALE_VERSION", "评价已被他人修改，请刷新后重试");
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: "set_team",
        entity: "evaluation",
        entityId: id,
        before: {
          firmId: e.firm?.id ?? null,
          members: e.members.map((m) => ({ expertId: m.expert?.id, isLead: m.isLead })),
        },
        after: { firmId: input.firmId, members: input.members },
      }),
    ]);
  });
  return getEvaluation(deps, actor, id);
}
