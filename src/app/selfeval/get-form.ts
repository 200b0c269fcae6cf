import { notFound } from "../../core/errors";
import { selfEvalDeclarerOf } from "../../core/selfeval/form";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import type { Repos } from "../ports";
import { presentForm } from "./present-form";
import { selfEvalRulesFor } from "./selfeval-rules";

/** Reads a form in the actor's scope and presents it with the rules of its round. */
export async function readForm(repos: Repos, actor: Actor, id: number) {
  const scope = authorize(actor, "selfeval.read");
  const detail = await repos.selfeval.detail(scope, id);
  if (!detail) throw notFound("自评表", id);
  const rules = await selfEvalRulesFor(repos, actor.regionCode, detail.round.fiscalYear);
  const declarer = selfEvalDeclarerOf({
    subjectKind: detail.subjectKind,
    unitId: detail.unit.id,
    departmentId: detail.department.id,
  });
  return { detail, rules, declarer, view: presentForm(detail, rules, actor, declarer) };
}

/** 自评表: the prefilled figures and goals, the answers, the score with how it came out, and the checks. */
export async function getSelfEvalForm(deps: Deps, actor: Actor, id: number) {
  return (await readForm(deps.uow.read, actor, id)).view;
}
