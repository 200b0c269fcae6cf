import { z } from "zod";
import { PROJECT_SORTS } from "../../app/ports";
import { PROJECT_CATEGORIES, SIZE_BANDS } from "../../core/project";

/** Query-string pieces shared by list routes. */
export const yearQuery = z.coerce
  .number()
  .int()
  .min(2000, "年度须在 2000–2100 之间")
  .max(2100, "年度须在 2000–2100 之间");
export const idParam = z.object({ id: z.coerce.number().int().positive("编号须为正整数") });
export const paging = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200, "每页最多 200 条").default(20),
};
const bool = z.enum(["true", "false"]).transform((v) => v === "true");

export const projectFilterQuery = z.object({
  year: yearQuery,
  q: z.string().trim().max(100).optional(),
  departmentId: z.coerce.number().int().positive().optional(),
  unitId: z.coerce.number().int().positive().optional(),
  category: z.enum(PROJECT_CATEGORIES).optional(),
  size: z.enum(SIZE_BANDS.map((b) => b.key) as [string, ...string[]]).optional(),
  isKey: bool.optional(),
  sort: z.enum(PROJECT_SORTS).default("code"),
  order: z.enum(["asc", "desc"]).default("asc"),
});

export type ProjectFilterQuery = z.infer<typeof projectFilterQuery>;

export const toProjectFilter = (q: ProjectFilterQuery) => ({
  fiscalYear: q.year,
  q: q.q || undefined,
  departmentId: q.departmentId,
  unitId: q.unitId,
  category: q.category,
  size: q.size as (typeof SIZE_BANDS)[number]["key"] | undefined,
  isKey: q.isKey,
});
