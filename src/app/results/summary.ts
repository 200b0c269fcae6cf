import { fenToWan } from "../../core/money";
import { pointsText } from "../../core/selfeval/grade";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { adoptionFor } from "./adjustments";

/**
 * 结果应用情况 (the seed's section 四): the adopted rule set of the year and what its frozen list did, in total
 * and per department, in the viewer's scope. Amounts are 万元 with two decimals from the integer fen sums of
 * the list's lines; nothing is recomputed from today's scores.
 */
export async function resultsSummary(deps: Deps, actor: Actor, fiscalYear: number) {
  const scope = authorize(actor, "results.read");
  const { adoptions, adoption } = await adoptionFor(deps, actor, fiscalYear);
  const departments = adoption ? await deps.uow.read.results.departmentTotals(scope, adoption.id) : [];
  const sum = (k: "projects" | "adjusted" | "request" | "cut" | "raise" | "newAmount") =>
    departments.reduce((a, d) => a + d[k], 0);
  const wan = (fen: number) => fenToWan(fen);
  return {
    fiscalYear,
    budgetYear: fiscalYear + 1,
    adoption: adoption && {
      id: adoption.id,
      seq: adoption.seq,
      ruleSet: adoption.ruleSet,
      adoptedAt: adoption.adoptedAt,
      adoptedByName: adoption.adoptedByName,
      reason: adoption.reason,
      average: adoption.average === null ? null : pointsText(adoption.average),
      deptScoreVersion: adoption.deptScoreVersion,
    },
    adoptions: adoptions.length,
    projects: sum("projects"),
    projectsAdjusted: sum("adjusted"),
    totalRequest: Number(wan(sum("request"))),
    totalCut: Number(wan(sum("cut"))),
    totalRaise: Number(wan(sum("raise"))),
    totalNew: Number(wan(sum("newAmount"))),
    // The exact figures, fen, so a reader can check the 万元 roundings.
    fen: { request: sum("request"), cut: sum("cut"), raise: sum("raise"), newAmount: sum("newAmount") },
    byDepartment: departments.map((d) => ({
      ...d,
      requestWan: wan(d.request),
      cutWan: wan(d.cut),
      raiseWan: wan(d.raise),
      newAmountWan: wan(d.newAmount),
    })),
  };
}
