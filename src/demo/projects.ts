import type { ProjectRow } from "../core/imports/rows";
import type { Fen } from "../core/money";
import type { ProjectCategory } from "../core/project";
import type { Rng } from "../core/random";
import { EVALUATED_KEY_PROJECTS } from "./key-projects";
import { PLACES, VILLAGES } from "./names";
import type { DemoDepartment } from "./orgs";
import { isCapital, itemSize, POOLS, type PoolKey } from "./project-items";

export const FISCAL_YEAR = 2024;
export const PROJECT_COUNT = 1713;

/**
 * A project before money: `weight` is its relative size and `cap` its largest plausible budget before
 * scaling (a small department does not run a 3,000万元 project); `fixedBudget` is set for the evaluated
 * key projects.
 */
export type ProjectDraft = Omit<ProjectRow, "initialBudget" | "adjustedBudget" | "fiscalFunds" | "otherFunds"> & {
  weight: number;
  cap: Fen;
  fixedBudget: Fen | null;
};

const CAP_BASE: Fen = 1500_0000_00; // 1,500万元 for a department of scale 1
const CAP_MAX: Fen = 4000_0000_00;

/** Budget-system style codes: 450202 (region) + 24 (year) + department ordinal + serial. */
const projectCode = (d: DemoDepartment, serial: number): string =>
  `450202${FISCAL_YEAR % 100}${String(d.index + 1).padStart(2, "0")}${String(serial).padStart(4, "0")}`;

export function draftProjects(rng: Rng, departments: readonly DemoDepartment[]): ProjectDraft[] {
  const counts = allocate(
    departments.map((d) => d.def.projects),
    PROJECT_COUNT,
  );
  const drafts: ProjectDraft[] = [];
  departments.forEach((d, i) => {
    const used = new Set<string>();
    const keys = EVALUATED_KEY_PROJECTS.filter((k) => k.department === d.def.name);
    for (const k of keys) {
      used.add(k.name);
      drafts.push({
        ...base(d, projectCode(d, used.size), k.name, d.code, k.category),
        isKey: true,
        weight: 0,
        cap: k.budget,
        fixedBudget: k.budget,
      });
    }
    for (let n = keys.length; n < (counts[i] ?? 0); n++) {
      // Departments implement about a third of their projects themselves, the rest go to their units.
      const unit = d.units.length > 0 && rng.chance(0.68) ? rng.pick(d.units) : null;
      const { name, item, common } = projectName(rng, d, unit ? shortUnitName(unit.name) : null, used);
      used.add(name);
      const scale = d.def.scale;
      const size = itemSize(item);
      drafts.push({
        ...base(d, projectCode(d, n + 1), name, unit?.code ?? d.code, category(rng, isCapital(item))),
        // Units (a school, a 社区) run smaller projects than their department does district-wide.
        weight: scale * size * (common ? 0.4 : 1) * (unit ? 0.7 : 1.4),
        cap: Math.min(CAP_MAX, CAP_BASE * scale * scale * Math.min(size, 2)),
        fixedBudget: null,
      });
    }
  });
  return drafts;
}

/** The row's fields in ProjectRow order, so that dumps read like the import layout. */
function base(d: DemoDepartment, code: string, name: string, unitCode: string, category: ProjectCategory) {
  return {
    fiscalYear: FISCAL_YEAR,
    code,
    name,
    departmentCode: d.code,
    unitCode,
    category,
    isKey: false,
    sector: d.def.sector,
  };
}

function category(rng: Rng, capital: boolean): ProjectCategory {
  if (capital) return rng.chance(0.55) ? "one_off" : "continuing";
  const r = rng.next();
  return r < 0.68 ? "recurring" : r < 0.93 ? "continuing" : "one_off";
}

const ORDINAL_SUFFIXES = ["（二期）", "（第二批）", "（续建）", "（三期）", "（第三批）"];

/** An item from the department's pools, placed and prefixed; retried until unique within the department. */
function projectName(rng: Rng, d: DemoDepartment, unitName: string | null, used: ReadonlySet<string>) {
  let last = { name: "", item: "", common: false };
  for (let attempt = 0; attempt < 12; attempt++) {
    const common = rng.chance(0.12);
    const key = rng.pick(d.def.pools);
    const item = rng.pick(common ? POOLS.common : POOLS[key]).replace("{地}", rng.pick(placesFor(d, key)));
    last = { name: decorate(rng, d, item, unitName), item, common };
    if (!used.has(last.name)) return last;
  }
  for (const suffix of ORDINAL_SUFFIXES) {
    const name = last.name + suffix;
    if (!used.has(name)) return { ...last, name };
  }
  return { ...last, name: `${last.name}（${used.size + 1}）` };
}

/** Farm works go to the district's villages (村), everything else to the department's places. */
function placesFor(d: DemoDepartment, pool: PoolKey): readonly string[] {
  if (pool !== "agriculture") return d.def.places ?? PLACES;
  const own = (d.def.places ?? []).filter((p) => p.endsWith("村"));
  return own.length > 0 ? own : VILLAGES;
}

/** "河东街道东台社区居民委员会" reads "河东街道东台社区" in a project name. */
const shortUnitName = (name: string): string => name.replace(/居民委员会$/, "").replace(/村民委员会$/, "村");

function decorate(rng: Rng, d: DemoDepartment, item: string, unitName: string | null): string {
  if (unitName && rng.chance(0.45)) return unitName + item;
  if (d.def.name.endsWith("街道办事处") && rng.chance(0.5)) return d.def.name.replace("办事处", "") + item;
  const r = rng.next();
  return r < 0.3 ? `${FISCAL_YEAR}年${item}` : r < 0.5 ? `城中区${item}` : item;
}

/** Splits `total` in proportion to `weights` (largest remainder), so the counts add up exactly. */
export function allocate(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / sum) * total);
  const counts = exact.map(Math.floor);
  const short = total - counts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of byRemainder.slice(0, short)) counts[i] = (counts[i] ?? 0) + 1;
  return counts;
}
