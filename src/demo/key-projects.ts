import type { ProjectRow } from "../core/imports/rows";
import type { Fen } from "../core/money";
import type { ProjectCategory } from "../core/project";
import { itemSize } from "./project-items";

/**
 * The four projects of the seed's finance key evaluation (重点项目财政评价). Their budgets are fixed so
 * that together they come to the seed's 1,336.64万元; the first two names are the seed's own.
 */
export const EVALUATED_KEY_PROJECTS: readonly {
  name: string;
  department: string;
  category: ProjectCategory;
  budget: Fen;
}[] = [
  {
    name: "政府一般债务限额支持农村公办学校校舍安全保障长效机制项目建设",
    department: "城中区教育局",
    category: "continuing",
    budget: 6_200_000_00,
  },
  { name: "自治区补助市县电影资金", department: "城中区文化体育和旅游局", category: "recurring", budget: 186_400_00 },
  {
    name: "城中区老旧小区改造配套基础设施建设项目",
    department: "城中区住房和城乡建设局",
    category: "continuing",
    budget: 4_980_000_00,
  },
  { name: "城中区困难群众救助补助资金", department: "城中区民政局", category: "recurring", budget: 2_000_000_00 },
];

export const EVALUATED_KEY_TOTAL: Fen = 1_336_640_000;

/** Key projects beyond the four evaluated ones: the bureau key-monitors 9 of about 20. */
const MORE_KEY_PROJECTS = 16;

/**
 * Marks as key the largest department-level works or transfer project of each of the 16 departments
 * with the largest ones, so the key list is spread over departments rather than all 城建 works.
 */
export function markKeyProjects(rows: ProjectRow[]): void {
  const byBudget = rows
    .filter((p) => !p.isKey && p.unitCode === p.departmentCode && itemSize(p.name) > 1)
    .sort((a, b) => b.adjustedBudget - a.adjustedBudget);
  const departments = new Set<string>();
  for (const p of byBudget) {
    if (departments.size === MORE_KEY_PROJECTS) break;
    if (departments.has(p.departmentCode)) continue;
    departments.add(p.departmentCode);
    p.isKey = true;
  }
}
