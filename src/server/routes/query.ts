import type { ProjectFilterQuery } from "../../contracts/projects";
import type { SIZE_BANDS } from "../../core/project";

/** The project library's query string as the use cases' filter (list and export share it). */
export const toProjectFilter = (q: ProjectFilterQuery) => ({
  fiscalYear: q.year,
  q: q.q || undefined,
  departmentId: q.departmentId,
  unitId: q.unitId,
  category: q.category,
  size: q.size as (typeof SIZE_BANDS)[number]["key"] | undefined,
  isKey: q.isKey,
});
