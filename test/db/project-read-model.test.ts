import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_SORTS } from "../../src/app/projects/ports";
import { PROJECT_CATEGORIES, SIZE_BANDS } from "../../src/core/project";
import type { Scope } from "../../src/core/scope";
import { ProjectReadModel } from "../../src/db/repos/project-read-model";
import { projectRepo } from "../../src/db/repos/projects";
import { freshDb, type TestDb } from "../support/db";

let db: TestDb;
let departments: { id: number; path: string }[];
let units: number[];
beforeAll(async () => {
  db = await freshDb("demo");
  const r = (await db.orm.execute(
    sql`select id, kind, path from orgs where kind in ('department','unit')`,
  )) as unknown as {
    rows: { id: number; kind: string; path: string }[];
  };
  departments = r.rows.filter((o) => o.kind === "department");
  units = r.rows.filter((o) => o.kind === "unit").map((o) => o.id);
  await db.orm.execute(
    sql`insert into assignments (region_code, org_id, project_id, purpose) select region_code, 1, id, 'review' from projects where id % 17 = 0`,
  );
});
afterAll(() => db.dispose());

describe("the in-process project read model", () => {
  it("answers every filter, sort, page and scope exactly as the SQL repository", async () => {
    const sqlRepo = projectRepo(db.orm);
    const cached = new ProjectReadModel(db.orm).wrap(sqlRepo);
    const scope = fc.oneof(
      fc.constant<Scope>({ kind: "region", regionCode: "450202" }),
      fc.nat(53).map<Scope>((i) => ({
        kind: "subtree",
        regionCode: "450202",
        orgId: departments[i]!.id,
        orgPath: departments[i]!.path,
      })),
      // Codes may hold "_", and a path must match literally: wildcards in a root match nothing extra.
      fc
        .tuple(
          fc.nat(53),
          fc.constantFrom(
            (p: string) => `${p.slice(0, -1)}_`,
            (p: string) => `${p.slice(0, -2)}__`,
            (p: string) => `${p.slice(0, -1)}%`,
            (p: string) => `${p}%`,
            () => "%",
            () => "_%",
            (p: string) => `${p}\\`,
          ),
        )
        .map<Scope>(([i, wild]) => ({
          kind: "subtree",
          regionCode: "450202",
          orgId: departments[i]!.id,
          orgPath: wild(departments[i]!.path),
        })),
      fc.nat(150).map<Scope>((i) => ({ kind: "own", regionCode: "450202", orgId: units[i % units.length]! })),
      fc.constant<Scope>({ kind: "assigned", regionCode: "450202", orgId: 1 }),
    );
    const filter = fc.record({
      // Two fiscal years are loaded: each year's list must hold that year's projects only.
      fiscalYear: fc.constantFrom(2023, 2024),
      q: fc.option(fc.constantFrom("中心", "经费", "4502022412", "学校", "X", ""), { nil: undefined }),
      departmentId: fc.option(
        fc.nat(53).map((i) => departments[i]!.id),
        { nil: undefined },
      ),
      category: fc.option(fc.constantFrom(...PROJECT_CATEGORIES), { nil: undefined }),
      size: fc.option(fc.constantFrom(...SIZE_BANDS.map((b) => b.key)), { nil: undefined }),
      isKey: fc.option(fc.boolean(), { nil: undefined }),
    });
    const paging = fc.record({
      sort: fc.constantFrom(...PROJECT_SORTS),
      order: fc.constantFrom("asc" as const, "desc" as const),
      page: fc.integer({ min: 1, max: 4 }),
      pageSize: fc.constantFrom(5, 20, 100),
    });
    await fc.assert(
      fc.asyncProperty(scope, filter, paging, async (s, f, p) => {
        const query = { ...f, q: f.q || undefined };
        expect(await cached.list(s, query, p)).toEqual(await sqlRepo.list(s, query, p));
      }),
      { numRuns: 120 },
    );
  });
});
