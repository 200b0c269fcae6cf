import { type SQL, sql } from "drizzle-orm";
import type {
  DisclosureRepo,
  PersonRef,
  PublicationFilter,
  PublicationRecord,
  PublicationSort,
  PublicItem,
  PublicVersion,
  VersionRecord,
} from "../../../app/disclosure/ports";
import type { FigureFinding, PublicationBody, PublicationKind, VersionStatus } from "../../../core/disclosure/types";
import type { Executor } from "../../client";
import { iso, one, rows } from "../rows";

const json = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;
const person = (id: number | null, name: string | null): PersonRef | null =>
  id === null ? null : { id, name: name ?? "" };

interface PublicationRow {
  id: number;
  fiscal_year: number;
  kind: PublicationKind;
  title: string;
  dept_id: number | null;
  dept_code: string | null;
  dept_name: string | null;
  created_at: Date | string;
  updated_at: Date | string;
  latest_version: number;
  published_version: number | null;
  version: number;
  v_id: number;
  v_number: number;
  v_status: VersionStatus;
  drafted_by: number;
  drafted_by_name: string;
  approver_id: number | null;
  approver_name: string | null;
  published_at: Date | string | null;
  total?: number;
}

/** Publications (p) with their department (d), newest version (v) and its people, and the newest published one (pv). */
const PUBLICATION_COLUMNS = sql`p.id, p.fiscal_year, p.kind, p.title, d.id as dept_id, d.code as dept_code,
    d.name as dept_name, p.created_at, p.updated_at, p.latest_version, p.published_version, p.version,
    v.id as v_id, v.number as v_number, v.status as v_status, v.drafted_by, du.display_name as drafted_by_name,
    v.approver_id, au.display_name as approver_name, pv.published_at`;
const PUBLICATION_FROM = sql`from publications p
  left join orgs d on d.id = p.department_id and d.region_code = p.region_code
  join publication_versions v on v.publication_id = p.id and v.region_code = p.region_code and v.number = p.latest_version
  join users du on du.id = v.drafted_by
  left join users au on au.id = v.approver_id
  left join publication_versions pv on pv.publication_id = p.id and pv.region_code = p.region_code
    and pv.number = p.published_version`;

const toPublication = (r: PublicationRow): PublicationRecord => ({
  id: r.id,
  fiscalYear: r.fiscal_year,
  kind: r.kind,
  title: r.title,
  department: r.dept_id === null ? null : { id: r.dept_id, code: r.dept_code ?? "", name: r.dept_name ?? "" },
  createdAt: iso(r.created_at)!,
  updatedAt: iso(r.updated_at)!,
  latestVersion: r.latest_version,
  publishedVersion: r.published_version,
  latest: {
    id: r.v_id,
    number: r.v_number,
    status: r.v_status,
    draftedBy: { id: r.drafted_by, name: r.drafted_by_name },
    approver: person(r.approver_id, r.approver_name),
  },
  publishedAt: iso(r.published_at),
  version: r.version,
});

const ORDER: Record<PublicationSort, SQL> = {
  fiscalYear: sql`p.fiscal_year`,
  kind: sql`p.kind collate "C"`,
  title: sql`p.title collate "C"`,
  updatedAt: sql`p.updated_at`,
  publishedAt: sql`pv.published_at`,
};

interface VersionRow {
  id: number;
  publication_id: number;
  number: number;
  status: VersionStatus;
  title: string;
  body: PublicationBody;
  change_note: string;
  drafted_by: number;
  drafted_by_name: string;
  approver_id: number | null;
  approver_name: string | null;
  approved_by: number | null;
  approved_by_name: string | null;
  submitted_at: Date | string | null;
  published_at: Date | string | null;
  returned_at: Date | string | null;
  return_comment: string | null;
  check_override_reason: string | null;
  check_findings: FigureFinding[] | null;
  created_at: Date | string;
  updated_at: Date | string;
  version: number;
}

const toVersion = (r: VersionRow): VersionRecord => ({
  id: r.id,
  publicationId: r.publication_id,
  number: r.number,
  status: r.status,
  title: r.title,
  body: r.body,
  changeNote: r.change_note,
  draftedBy: { id: r.drafted_by, name: r.drafted_by_name },
  approver: person(r.approver_id, r.approver_name),
  approvedBy: person(r.approved_by, r.approved_by_name),
  submittedAt: iso(r.submitted_at),
  publishedAt: iso(r.published_at),
  returnedAt: iso(r.returned_at),
  returnComment: r.return_comment,
  checkOverrideReason: r.check_override_reason,
  checkFindings: r.check_findings,
  createdAt: iso(r.created_at)!,
  updatedAt: iso(r.updated_at)!,
  version: r.version,
});

interface PublicRow {
  publication_id: number;
  fiscal_year: number;
  kind: PublicationKind;
  dept_id: number | null;
  dept_code: string | null;
  dept_name: string | null;
  number: number;
  title: string;
  change_note: string;
  drafted_by_name: string;
  approved_by_name: string;
  published_at: Date | string;
  body?: PublicationBody;
}

/**
 * Published versions (v) of publications (p) with their department and the names signed at publication. Every
 * public read starts here: the status condition is part of the one FROM, so no public query can reach a draft.
 */
const PUBLIC_FROM = sql`from publication_versions v
  join publications p on p.id = v.publication_id and p.region_code = v.region_code
  left join orgs d on d.id = p.department_id and d.region_code = p.region_code
  where v.status = 'published'`;
const PUBLIC_COLUMNS = sql`v.publication_id, p.fiscal_year, p.kind, d.id as dept_id, d.code as dept_code,
  d.name as dept_name, v.number, v.title, v.change_note, v.drafter_name as drafted_by_name,
  v.approver_name as approved_by_name, v.published_at`;

const toPublic = (r: PublicRow): PublicItem => ({
  publicationId: r.publication_id,
  fiscalYear: r.fiscal_year,
  kind: r.kind,
  department: r.dept_id === null ? null : { id: r.dept_id, code: r.dept_code ?? "", name: r.dept_name ?? "" },
  number: r.number,
  title: r.title,
  changeNote: r.change_note,
  draftedByName: r.drafted_by_name,
  approvedByName: r.approved_by_name,
  publishedAt: iso(r.published_at)!,
});

const VERSION_SELECT = sql`select v.id, v.publication_id, v.number, v.status, v.title, v.body, v.change_note,
    v.drafted_by, du.display_name as drafted_by_name, v.approver_id, au.display_name as approver_name,
    v.approved_by, bu.display_name as approved_by_name, v.submitted_at, v.published_at, v.returned_at,
    v.return_comment, v.check_override_reason, v.check_findings, v.created_at, v.updated_at, v.version
  from publication_versions v
  join users du on du.id = v.drafted_by
  left join users au on au.id = v.approver_id
  left join users bu on bu.id = v.approved_by`;

export function disclosureRepo(ex: Executor): DisclosureRepo {
  return {
    async insert(regionCode, n) {
      const p = await one<{ id: number }>(
        ex,
        sql`insert into publications (region_code, fiscal_year, kind, title, department_id, created_by)
            values (${regionCode}, ${n.fiscalYear}, ${n.kind}, ${n.title}, ${n.departmentId}, ${n.createdBy})
            on conflict do nothing returning id`,
      );
      if (!p) return null;
      const v = await one<{ id: number }>(
        ex,
        sql`insert into publication_versions (region_code, publication_id, number, title, body, drafted_by)
            values (${regionCode}, ${p.id}, 1, ${n.title}, ${json(n.body)}, ${n.createdBy}) returning id`,
      );
      return { id: p.id, versionId: v!.id };
    },

    async list(regionCode, f: PublicationFilter, paging) {
      const where: SQL[] = [sql`p.region_code = ${regionCode}`];
      if (f.fiscalYear !== undefined) where.push(sql`p.fiscal_year = ${f.fiscalYear}`);
      if (f.kind) where.push(sql`p.kind = ${f.kind}`);
      if (f.status) where.push(sql`v.status = ${f.status}`);
      if (f.departmentId !== undefined) where.push(sql`p.department_id = ${f.departmentId}`);
      const dir = paging.order === "desc" ? sql`desc` : sql`asc`;
      const found = await rows<PublicationRow>(
        ex,
        sql`select ${PUBLICATION_COLUMNS}, count(*) over ()::int as total ${PUBLICATION_FROM}
            where ${sql.join(where, sql` and `)}
            order by ${ORDER[paging.sort]} ${dir} nulls last, p.id
            limit ${paging.pageSize} offset ${(paging.page - 1) * paging.pageSize}`,
      );
      return { total: found[0]?.total ?? 0, rows: found.map(toPublication) };
    },

    async get(regionCode, id) {
      const r = await one<PublicationRow>(
        ex,
        sql`select ${PUBLICATION_COLUMNS} ${PUBLICATION_FROM} where p.region_code = ${regionCode} and p.id = ${id}`,
      );
      return r && toPublication(r);
    },

    async versions(regionCode, publicationId) {
      const found = await rows<VersionRow>(
        ex,
        sql`${VERSION_SELECT} where v.region_code = ${regionCode} and v.publication_id = ${publicationId}
            order by v.number desc`,
      );
      return found.map(toVersion);
    },

    async lockLatest(regionCode, publicationId) {
      const p = await one<{ version: number; latest_version: number; published_version: number | null }>(
        ex,
        sql`select version, latest_version, published_version from publications
            where region_code = ${regionCode} and id = ${publicationId} for update`,
      );
      if (!p) return null;
      const v = await one<{
        id: number;
        number: number;
        status: VersionStatus;
        version: number;
        drafted_by: number;
        approver_id: number | null;
      }>(
        ex,
        sql`select id, number, status, version, drafted_by, approver_id from publication_versions
            where region_code = ${regionCode} and publication_id = ${publicationId} and number = ${p.latest_version}
            for update`,
      );
      if (!v) return null;
      return {
        publication: { version: p.version, latestVersion: p.latest_version, publishedVersion: p.published_version },
        latest: {
          id: v.id,
          number: v.number,
          status: v.status,
          version: v.version,
          draftedBy: v.drafted_by,
          approverId: v.approver_id,
        },
      };
    },

    async updateVersion(regionCode, versionId, expected, patch) {
      const sets: SQL[] = [sql`status = ${patch.status}`, sql`version = version + 1`, sql`updated_at = app_now()`];
      if (patch.title !== undefined) sets.push(sql`title = ${patch.title}`);
      if (patch.body !== undefined) sets.push(sql`body = ${json(patch.body)}`);
      if (patch.changeNote !== undefined) sets.push(sql`change_note = ${patch.changeNote}`);
      if (patch.submittedAt) sets.push(sql`submitted_at = ${patch.submittedAt.toISOString()}`);
      if (patch.approverId !== undefined) sets.push(sql`approver_id = ${patch.approverId}`);
      if (patch.approvedBy !== undefined)
        // The names are signed into the version as they are now: the published record keeps them.
        sets.push(
          sql`approved_by = ${patch.approvedBy}`,
          sql`approver_name = (select u.display_name from users u where u.id = ${patch.approvedBy})`,
          sql`drafter_name = (select u.display_name from users u where u.id = publication_versions.drafted_by)`,
        );
      if (patch.publishedAt) sets.push(sql`published_at = ${patch.publishedAt.toISOString()}`);
      if (patch.returnedAt) sets.push(sql`returned_at = ${patch.returnedAt.toISOString()}`);
      if (patch.returnComment !== undefined) sets.push(sql`return_comment = ${patch.returnComment}`);
      if (patch.checkOverrideReason !== undefined) sets.push(sql`check_override_reason = ${patch.checkOverrideReason}`);
      if (patch.checkFindings !== undefined) sets.push(sql`check_findings = ${json(patch.checkFindings)}`);
      const r = await one<{ version: number }>(
        ex,
        sql`update publication_versions set ${sql.join(sets, sql`, `)}
            where region_code = ${regionCode} and id = ${versionId} and version = ${expected.version}
              and status = ${expected.status}
            returning version`,
      );
      return r?.version ?? null;
    },

    async insertVersion(regionCode, publicationId, number, v) {
      const r = await one<{ id: number }>(
        ex,
        sql`insert into publication_versions (region_code, publication_id, number, title, body, drafted_by)
            values (${regionCode}, ${publicationId}, ${number}, ${v.title}, ${json(v.body)}, ${v.draftedBy})
            on conflict do nothing returning id`,
      );
      return r?.id ?? null;
    },

    async touch(regionCode, id, patch) {
      const sets: SQL[] = [sql`version = version + 1`, sql`updated_at = app_now()`];
      if (patch.title !== undefined) sets.push(sql`title = ${patch.title}`);
      if (patch.latestVersion !== undefined) sets.push(sql`latest_version = ${patch.latestVersion}`);
      if (patch.publishedVersion !== undefined) sets.push(sql`published_version = ${patch.publishedVersion}`);
      await ex.execute(
        sql`update publications set ${sql.join(sets, sql`, `)} where region_code = ${regionCode} and id = ${id}`,
      );
    },

    async upsertTask(regionCode, t) {
      const r = await one<{ id: number }>(
        ex,
        sql`insert into tasks (region_code, fiscal_year, kind, org_id, owner_user_id, object_kind, object_id, title,
                               due_on, status)
            values (${regionCode}, ${t.fiscalYear}, ${t.kind}, ${t.orgId}, ${t.ownerUserId}, 'publication_version',
                    ${t.versionId}, ${t.title}, ${t.dueOn}::date, ${t.status})
            on conflict (region_code, fiscal_year, kind, object_kind, object_id) do update
              set org_id = excluded.org_id, owner_user_id = excluded.owner_user_id, title = excluded.title,
                  due_on = excluded.due_on, status = excluded.status, done_at = null,
                  version = tasks.version + 1, updated_at = app_now()
            returning id`,
      );
      return r!.id;
    },

    async setTaskStatus(regionCode, kind, versionId, status) {
      const r = await one<{ id: number }>(
        ex,
        sql`update tasks set status = ${status}, version = version + 1, updated_at = app_now(),
              done_at = case when ${status} = 'done' then app_now() else done_at end
            where region_code = ${regionCode} and kind = ${kind} and object_kind = 'publication_version'
              and object_id = ${versionId}
            returning id`,
      );
      return r?.id ?? null;
    },

    async approvers(regionCode, roles) {
      return rows(
        ex,
        sql`select id, username, display_name as "displayName", org_id as "orgId" from users
            where region_code = ${regionCode} and active and role = any(${`{${roles.join(",")}}`}::text[])
            order by display_name collate "C", id`,
      );
    },

    async publicStamp() {
      const r = await one<{ stamp: string }>(
        ex,
        sql`select concat_ws('|', count(*), max(v.published_at), max(v.id),
                  (select md5(string_agg(code || name, ',' order by code)) from regions)) as stamp
            from publication_versions v where v.status = 'published'`,
      );
      return r?.stamp ?? "";
    },

    async publicRegions() {
      const found = await rows<{ code: string; name: string; years: number[] }>(
        ex,
        sql`select r.code, r.name, array_agg(distinct p.fiscal_year order by p.fiscal_year desc) as years
            from publications p join regions r on r.code = p.region_code
            where p.published_version is not null
            group by r.code, r.name order by r.code`,
      );
      return found.map((r) => ({ code: r.code, name: r.name, years: r.years.map(Number) }));
    },

    async publicYear(regionCode, fiscalYear) {
      const found = await rows<PublicRow>(
        ex,
        sql`select ${PUBLIC_COLUMNS} ${PUBLIC_FROM}
              and v.number = p.published_version and p.region_code = ${regionCode} and p.fiscal_year = ${fiscalYear}
            order by p.kind collate "C", d.code collate "C" nulls first, p.id`,
      );
      return found.map(toPublic);
    },

    async publishedDuring(regionCode, calendarYear) {
      const found = await rows<PublicRow>(
        ex,
        sql`select ${PUBLIC_COLUMNS} ${PUBLIC_FROM}
              and v.number = 1 and p.region_code = ${regionCode}
              and extract(year from v.published_at at time zone 'Asia/Shanghai') = ${calendarYear}
            order by v.published_at, p.id`,
      );
      return found.map(toPublic);
    },

    async publicHistory(regionCode, publicationId) {
      const found = await rows<PublicRow>(
        ex,
        sql`select ${PUBLIC_COLUMNS} ${PUBLIC_FROM} and v.region_code = ${regionCode} and v.publication_id = ${publicationId}
            order by v.number desc`,
      );
      return found.map(toPublic);
    },

    async publicVersion(regionCode, publicationId, number) {
      const r = await one<PublicRow>(
        ex,
        sql`select ${PUBLIC_COLUMNS}, v.body ${PUBLIC_FROM}
              and v.region_code = ${regionCode} and v.publication_id = ${publicationId}
              and v.number = ${number === null ? sql`p.published_version` : sql`${number}`}`,
      );
      return r && ({ ...toPublic(r), body: r.body! } satisfies PublicVersion);
    },

    async publicYearBodies(regionCode, fiscalYear) {
      const found = await rows<PublicRow>(
        ex,
        sql`select ${PUBLIC_COLUMNS}, v.body ${PUBLIC_FROM}
              and v.number = p.published_version and p.region_code = ${regionCode} and p.fiscal_year = ${fiscalYear}
            order by p.kind collate "C", d.code collate "C" nulls first, p.id`,
      );
      return found.map((r) => ({ ...toPublic(r), body: r.body! }));
    },
  };
}
