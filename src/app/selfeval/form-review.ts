import { isAnswerable } from "../../core/review/answerable";
import { diffSnapshots } from "../../core/review/snapshot";
import { selfEvalSnapshot } from "../../core/selfeval/snapshot";
import type { Actor, Deps } from "../context";
import { readForm } from "./get-form";
import { formScoreOf } from "./present-form";

/**
 * The review record of a self-evaluation form: its rounds (each submission with its 修改说明 and outcome),
 * the department's and finance's comments on its indicators with the unit's answers, and what changed
 * since it was last returned (与退回时对比), scores included.
 */
export async function getSelfEvalFormReview(deps: Deps, actor: Actor, id: number) {
  const { detail, view, rules } = await readForm(deps.uow.read, actor, id);
  const ref = { regionCode: actor.regionCode, entity: "selfeval_form", recordId: id } as const;
  const [rounds, comments] = await Promise.all([
    deps.uow.read.reviewThreads.rounds(ref),
    deps.uow.read.reviewThreads.comments(ref),
  ]);
  const current = selfEvalSnapshot({
    answers: detail.answers,
    items: detail.items,
    figures: detail.figures,
    score: formScoreOf(detail, rules),
    tiers: rules.project.tiers,
  });
  const lastReturned = [...rounds].reverse().find((r) => r.outcome === "returned") ?? null;
  const latest = rounds.at(-1) ?? null;
  return {
    id,
    rounds: rounds.map(({ content: _content, ...r }) => r),
    comments: comments.map(({ authorId: _authorId, recordId: _recordId, ...c }) => ({
      ...c,
      answerable: isAnswerable(c, latest, view.editable),
    })),
    returned: lastReturned && {
      seq: lastReturned.seq,
      at: lastReturned.closedAt ?? lastReturned.submittedAt,
      by: lastReturned.closedByName,
      snapshot: lastReturned.content,
      diff: diffSnapshots(lastReturned.content, current),
    },
  };
}
