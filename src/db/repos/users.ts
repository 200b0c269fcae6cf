import { and, eq, sql } from "drizzle-orm";
import type { UserRecord, UserRepo } from "../../app/users/ports";
import type { OrgKind, Role } from "../../core/roles";
import type { UserSort } from "../../core/users";
import type { Executor } from "../client";
import { users } from "../schema";
import { iso, one, rows } from "./rows";
import { likeContains } from "./scope-sql";

const toRecord = (r: typeof users.$inferSelect): UserRecord => ({
  id: r.id,
  username: r.username,
  displayName: r.displayName,
  passwordHash: r.passwordHash,
  role: r.role as Role,
  regionCode: r.regionCode,
  orgId: r.orgId,
  active: r.active,
  mustChangePassword: r.mustChangePassword,
  lastLoginAt: iso(r.lastLoginAt),
  version: r.version,
});

export function userRepo(ex: Executor): UserRepo {
  return {
    async byUsername(username) {
      const [r] = await ex.select().from(users).where(sql`lower(${users.username}) = lower(${username})`);
      return r ? toRecord(r) : null;
    },
    async byId(id) {
      const [r] = await ex.select().from(users).where(eq(users.id, id));
      return r ? toRecord(r) : null;
    },
    async withOrg(id) {
      const [r] = await ex.select().from(users).where(eq(users.id, id));
      if (!r) return null;
      const org = await one<{
        id: number;
        region_code: string;
        code: string;
        name: string;
        kind: OrgKind;
        parent_id: number | null;
        path: string;
        sector: string | null;
        contact_name: string | null;
        contact_phone: string | null;
        sort_order: number;
        version: number;
        region_name: string;
      }>(
        ex,
        sql`select o.*, g.name as region_name from orgs o join regions g on g.code = o.region_code where o.id = ${r.orgId}`,
      );
      if (!org) return null;
      return {
        ...toRecord(r),
        regionName: org.region_name,
        org: {
          id: org.id,
          regionCode: org.region_code,
          code: org.code,
          name: org.name,
          kind: org.kind,
          parentId: org.parent_id,
          path: org.path,
          sector: org.sector,
          contactName: org.contact_name,
          contactPhone: org.contact_phone,
          sortOrder: org.sort_order,
          version: org.version,
        },
      };
    },
    async list(regionCode, filter, page, pageSize) {
      const parts = [sql`u.region_code = ${regionCode}`];
      if (filter.q) {
        const like = likeContains(filter.q);
        parts.push(sql`(u.username ilike ${like} or u.display_name ilike ${like} or o.name ilike ${like})`);
      }
      if (filter.role) parts.push(sql`u.role = ${filter.role}`);
      const found = await rows<
        typeof users.$inferSelect & {
          org_code: string;
          org_name: string;
          total: number;
          display_name: string;
          password_hash: string;
          region_code: string;
          org_id: number;
          must_change_password: boolean;
          last_login_at: Date | null;
        }
      >(
        ex,
        sql`select u.*, o.code as org_code, o.name as org_name, count(*) over ()::int as total
            from users u join orgs o on o.id = u.org_id where ${sql.join(parts, sql` and `)}
            order by ${userOrder(filter.sort, filter.order)} limit ${pageSize} offset ${(page - 1) * pageSize}`,
      );
      return {
        total: found[0]?.total ?? 0,
        rows: found.map((r) => ({
          id: r.id,
          username: r.username,
          displayName: r.display_name,
          passwordHash: r.password_hash,
          role: r.role as Role,
          regionCode: r.region_code,
          orgId: r.org_id,
          active: r.active,
          mustChangePassword: r.must_change_password,
          lastLoginAt: iso(r.last_login_at),
          version: r.version,
          org: { id: r.org_id, code: r.org_code, name: r.org_name },
        })),
      };
    },
    async insert(user) {
      const [r] = await ex.insert(users).values(user).returning();
      return toRecord(r!);
    },
    async update(id, version, patch) {
      const [r] = await ex
        .update(users)
        .set({ ...patch, version: sql`${users.version} + 1`, updatedAt: sql`app_now()` })
        .where(and(eq(users.id, id), eq(users.version, version)))
        .returning();
      return r ? toRecord(r) : null;
    },
    async setPassword(id, passwordHash, mustChangePassword, over) {
      const r = await ex
        .update(users)
        .set({ passwordHash, mustChangePassword, version: sql`${users.version} + 1`, updatedAt: sql`app_now()` })
        .where(over === undefined ? eq(users.id, id) : and(eq(users.id, id), eq(users.passwordHash, over)))
        .returning({ id: users.id });
      return r.length === 1;
    },
    async touchLogin(id, at) {
      await ex.update(users).set({ lastLoginAt: at }).where(eq(users.id, id));
    },
  };
}

/** The ORDER BY of the account list: the chosen column, then the organisation order, then the id. */
function userOrder(sort: UserSort | undefined, order: "asc" | "desc" | undefined) {
  const dir = order === "desc" ? sql`desc` : sql`asc`;
  const byOrg = sql`o.sort_order, o.code, u.username, u.id`;
  switch (sort) {
    case "username":
      return sql`u.username ${dir}, u.id`;
    case "displayName":
      return sql`u.display_name ${dir}, ${byOrg}`;
    case "role":
      return sql`u.role ${dir}, ${byOrg}`;
    case "lastLoginAt":
      return sql`u.last_login_at ${dir} nulls last, ${byOrg}`;
    case "org":
      return order === "desc" ? sql`o.sort_order desc, o.code desc, u.username, u.id` : byOrg;
    default:
      return byOrg;
  }
}
