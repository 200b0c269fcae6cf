import { notFound } from "../../core/errors";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { kindDef } from "./kinds";

/**
 * 数据核对: the figures of the newest version against the data now, as the approval will check them (nothing is
 * written). For the approver before deciding, and for the drafter before submitting.
 */
export async function checkPublication(deps: Deps, actor: Actor, id: number) {
  authorize(actor, "disclosure.read");
  const read = deps.uow.read.disclosure;
  const p = await read.get(actor.regionCode, id);
  if (!p) throw notFound("公开事项", id);
  const [current] = await read.versions(actor.regionCode, id);
  const findings = await kindDef(p.kind).check(deps, actor, current!.body, p.fiscalYear, p.department?.id);
  return { versionNumber: current!.number, status: current!.status, findings };
}
