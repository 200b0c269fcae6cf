import type { AdjustmentAction } from "./rules";
import type { Simulation } from "./simulate";
import type { Sums } from "./totals";

/** One simulation's figures for a department or a project; null where that simulation did not have it. */
export interface ComparedFigures {
  request: number;
  cut: number;
  raise: number;
  newAmount: number;
}

export interface ComparedDepartment {
  departmentId: number;
  departmentName: string;
  figures: ((ComparedFigures & { adjusted: number }) | null)[];
  /** New amount of each simulation minus the first's (fen); 0 for the first. */
  newAmountDiff: number[];
}

export interface ComparedProject {
  projectCode: string;
  projectName: string;
  departmentName: string;
  figures: ((ComparedFigures & { action: AdjustmentAction; rule: string | null; reason: string }) | null)[];
  newAmountDiff: number[];
  /** The simulations do not all leave the project with the same new amount and action. */
  differs: boolean;
}

export interface Comparison {
  labels: string[];
  totals: Sums[];
  departments: ComparedDepartment[];
  projects: ComparedProject[];
}

const MAX_COMPARED = 6;

/**
 * Several simulations side by side (e.g. the seed's rule and one by grade, over the same requests): per
 * department and per project, each simulation's figures and the difference of its new amounts from the
 * first one's. A project or department one simulation lacks shows as null there and counts as 0 in the
 * difference. Departments by name (pinyin order), projects by code.
 */
export function compareSimulations(sims: readonly { label: string; simulation: Simulation }[]): Comparison {
  if (sims.length < 2 || sims.length > MAX_COMPARED) throw new RangeError(`比较须有 2 到 ${MAX_COMPARED} 个模拟结果`);
  const diff = (xs: readonly ({ newAmount: number } | null)[]) =>
    xs.map((x) => (x?.newAmount ?? 0) - (xs[0]?.newAmount ?? 0));

  const deptNames = new Map<number, string>();
  for (const { simulation } of sims)
    for (const d of simulation.totals.byDepartment) deptNames.set(d.departmentId, d.departmentName);
  const departments = [...deptNames]
    .sort(([ia, a], [ib, b]) => a.localeCompare(b, "zh") || ia - ib)
    .map(([departmentId, departmentName]): ComparedDepartment => {
      const figures = sims.map(({ simulation }) => {
        const d = simulation.totals.byDepartment.find((x) => x.departmentId === departmentId);
        return d
          ? { request: d.request, cut: d.cut, raise: d.raise, newAmount: d.newAmount, adjusted: d.adjusted }
          : null;
      });
      return { departmentId, departmentName, figures, newAmountDiff: diff(figures) };
    });

  const byCode = sims.map(({ simulation }) => new Map(simulation.rows.map((r) => [r.projectCode, r])));
  const codes = [...new Set(sims.flatMap(({ simulation }) => simulation.rows.map((r) => r.projectCode)))].sort();
  const projects = codes.map((projectCode): ComparedProject => {
    const rows = byCode.map((m) => m.get(projectCode) ?? null);
    const any = rows.find((r) => r !== null)!;
    const figures = rows.map((r) =>
      r
        ? {
            request: r.request,
            cut: r.cut,
            raise: r.raise,
            newAmount: r.newAmount,
            action: r.action,
            rule: r.rule?.label ?? null,
            reason: r.reason,
          }
        : null,
    );
    const first = figures[0];
    const differs = figures.some((f) => f?.newAmount !== first?.newAmount || f?.action !== first?.action);
    return {
      projectCode,
      projectName: any.projectName,
      departmentName: any.departmentName,
      figures,
      newAmountDiff: diff(figures),
      differs,
    };
  });

  return {
    labels: sims.map((s) => s.label),
    totals: sims.map(({ simulation: { totals: t } }) => ({
      projects: t.projects,
      adjusted: t.adjusted,
      request: t.request,
      cut: t.cut,
      raise: t.raise,
      newAmount: t.newAmount,
    })),
    departments,
    projects,
  };
}
