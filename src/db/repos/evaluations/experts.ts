import type { ExpertInput, ExpertRecord, ExpertRepo, TieRecord } from "../../../app/evaluations/ports";
import { AppError } from "../../../core/errors";
import type { Executor } from "../../client";
import { uniqueOr } from "../../errors";
import { iso, one, rows, sql } from "../rows";
import { likeContains } from "../scope-sql";
import { idArray } from "../tasks/task-sql";

interface ExpertRow {
  id: number;
  name: string;
  employer: string;
  title: string;
  fields: string[];
  phone: string;
  active: boolean;
  version: number;
  employer_org: { id: number; code: string; name: string; path: string } | null;
  user_ref: { id: number; username: string; name: string; orgId: number } | null;
  total?: number;
}

const toExpert = (r: ExpertRow): ExpertRecord => ({
  id: r.id,
  name: r.name,
  employer: r.employer,
  employerOrg: r.employer_org,
  title: r.title,
  fields: r.fields,
  phone: r.phone,
  user: r.user_ref,
  active: r.active,
  version: r.version,
});

const SELECT = sql`select e.id, e.name, e.employer, e.title, e.fields, e.phone, e.active, e.version,
    case when o.id is null then null else json_build_object('id', o.id, 'code', o.code, 'name', o.name, 'path', o.path) end as employer_org,
    case when u.id is null then null else json_build_object('id', u.id, 'username', u.username, 'name', u.display_name, 'orgId', u.org_id) end as user_ref
  from experts e
  left join orgs o on o.id = e.employer_org_id and o.region_code = e.region_code
  left join users u on u.id = e.user_id`;

interface TieRow {
  id: number;
  expert: { id: number; name: string } | null;
  firm: { id: number; code: string; name: string } | null;
  org: { id: number; code: string; name: string; path: string };
  kind: "evaluated" | "advised";
  fiscal_year: number;
  note: string;
  created_at: string | Date;
}

/** The expert pool (专家库) and declared ties (回避). */
export function expertRepo(ex: Executor): ExpertRepo {
  return {
    async list(regionCode, filter, page, pageSize) {
      const where = [sql`e.region_code = ${regionCode}`];
      if (filter.active !== undefined) where.push(sql`e.active = ${filter.active}`);
      if (filter.field) where.push(sql`e.fields ? ${filter.field}`);
      if (filter.q) {
        const like = likeContains(filter.q);
        where.push(sql`(e.name like ${like} escape '\\' or e.employer like ${like} escape '\\')`);
      }
      const found = await rows<ExpertRow>(
        ex,
        sql`${SELECT} where ${sql.join(where, sql` and `)}
            order by e.active desc, e.name collate "C", e.id
            limit ${pageSize} offset ${(page - 1) * pageSize}`,
      );
      const count = await one<{ n: number }>(
        ex,
        sql`select count(*)::int as n from experts e where ${sql.join(where, sql` and `)}`,
      );
      return { total: count?.n ?? 0, rows: found.map(toExpert) };
    },

    async get(regionCode, id) {
      const r = await one<ExpertRow>(ex, sql`${SELECT} where e.region_code = ${regionCode} and e.id = ${id}`);
      return r && toExpert(r);
    },

    async many(regionCode, ids) {
      if (ids.length === 0) return [];
      const found = await rows<ExpertRow>(
        ex,
        sql`${SELECT} where e.region_code = ${regionCode} and e.id = any(${idArray(ids)}) order by e.id`,
      );
      return found.map(toExpert);
    },

    async insert(regionCode, input: ExpertInput, createdBy) {
      const r = await one<{ id: number }>(
        ex,
        sql`insert into experts (region_code, name, employer, employer_org_id, title, fields, phone, user_id, active, created_by)
            values (${regionCode}, ${input.name}, ${input.employer}, ${input.employerOrgId}, ${input.title},
                    ${JSON.stringify(input.fields)}::jsonb, ${input.phone}, ${input.userId}, ${input.active}, ${createdBy})
            on conflict (user_id, region_code) do nothing returning id`,
      );
      return r?.id ?? null;
    },

    async update(regionCode, id, version, input) {
      if (input.userId !== null) {
        const other = await one<{ id: number }>(
          ex,
          sql`select id from experts where region_code = ${regionCode} and user_id = ${input.userId} and id <> ${id}`,
        );
        if (other) return "taken";
      }
      const r = await uniqueOr(
        "experts_user_uq",
        () =>
          new AppError("conflict", "EVALUATION_EXPERT_INVALID", "该评分账号已属于库中另一位专家", { field: "userId" }),
        () =>
          one<{ version: number }>(
            ex,
            sql`update experts set name = ${input.name}, employer = ${input.employer}, employer_org_id = ${input.employerOrgId},
                   title = ${input.title}, fields = ${JSON.stringify(input.fields)}::jsonb, phone = ${input.phone},
                   user_id = ${input.userId}, active = ${input.active}, version = version + 1, updated_at = app_now()
                where region_code = ${regionCode} and id = ${id} and version = ${version} returning version`,
          ),
      );
      return r?.version ?? null;
    },

    async ties(regionCode, filter) {
      const where = [sql`t.region_code = ${regionCode}`];
      if (filter.expertId !== undefined) where.push(sql`t.expert_id = ${filter.expertId}`);
      if (filter.firmId !== undefined) where.push(sql`t.firm_id = ${filter.firmId}`);
      const found = await rows<TieRow>(
        ex,
        sql`select t.id, t.kind, t.fiscal_year, t.note, t.created_at,
                   case when e.id is null then null else json_build_object('id', e.id, 'name', e.name) end as expert,
                   case when f.id is null then null else json_build_object('id', f.id, 'code', f.code, 'name', f.name) end as firm,
                   json_build_object('id', o.id, 'code', o.code, 'name', o.name, 'path', o.path) as org
            from evaluation_ties t
            left join experts e on e.id = t.expert_id and e.region_code = t.region_code
            left join orgs f on f.id = t.firm_id and f.region_code = t.region_code
            join orgs o on o.id = t.org_id and o.region_code = t.region_code
            where ${sql.join(where, sql` and `)}
            order by t.fiscal_year desc, t.id`,
      );
      return found.map(
        (r): TieRecord => ({
          id: r.id,
          expert: r.expert,
          firm: r.firm,
          org: r.org,
          kind: r.kind,
          fiscalYear: r.fiscal_year,
          note: r.note,
          createdAt: iso(r.created_at)!,
        }),
      );
    },

    async addTie(regionCode, t) {
      const r = await one<{ id: number }>(
        ex,
        sql`insert into evaluation_ties (region_code, expert_id, firm_id, org_id, kind, fiscal_year, note, created_by)
            values (${regionCode}, ${t.expertId}, ${t.firmId}, ${t.orgId}, ${t.kind}, ${t.fiscalYear}, ${t.note}, ${t.createdBy})
            returning id`,
      );
      return r!.id;
    },

    async removeTie(regionCode, id) {
      const [found] = (await this.ties(regionCode, {})).filter((t) => t.id === id);
      if (!found) return null;
      await ex.execute(sql`delete from evaluation_ties where region_code = ${regionCode} and id = ${id}`);
      return found;
    },
  };
}
