import { systemActor } from "../../app/auth/actor";
import { createApiToken, listApiTokens, revokeApiToken } from "../../app/auth/api-tokens";
import { bootstrapRegion } from "../../app/users/bootstrap-region";
import { createUser } from "../../app/users/create-user";
import { listUsers } from "../../app/users/list-users";
import { resetPassword, updateUser } from "../../app/users/update-user";
import { isRole, ROLE_LABELS, ROLES } from "../../core/roles";
import { openRuntime, type Runtime, resolveRegion } from "../runtime";

async function withRuntime<T>(work: (rt: Runtime) => Promise<T>): Promise<T> {
  const rt = await openRuntime();
  try {
    return await work(rt);
  } finally {
    await rt.close();
  }
}

function passwordFrom(options: { password?: string }): string {
  const password = options.password ?? process.env.JIXIAO_PASSWORD;
  if (!password) throw new Error("请用 --password 或环境变量 JIXIAO_PASSWORD 给出密码");
  return password;
}

export interface CreateUserOptions {
  role: string;
  name?: string;
  org?: string;
  password?: string;
  region?: string;
  regionName?: string;
  bureauName?: string;
}

/** `jixiao user create <username> --role … [--org <code>]`: the first administrator also creates the region. */
export async function userCreate(username: string, options: CreateUserOptions) {
  if (!isRole(options.role)) throw new Error(`未知角色“${options.role}”，可选：${ROLES.join("、")}`);
  const role = options.role;
  await withRuntime(async (rt) => {
    const regions = await rt.deps.uow.read.orgs.listRegions();
    const actor =
      options.region && !regions.some((r) => r.code === options.region)
        ? await bootstrapRegion(rt.deps, {
            regionCode: options.region,
            regionName: options.regionName,
            bureauName: options.bureauName,
          })
        : await bootstrapRegion(rt.deps, { regionCode: await resolveRegion(rt, options.region) });
    const orgs = await rt.deps.uow.read.orgs.allInRegion(actor.regionCode);
    const org = options.org ? orgs.find((o) => o.code === options.org) : orgs.find((o) => o.kind === "bureau");
    if (!org) throw new Error(options.org ? `单位编码不存在：${options.org}` : "请用 --org 指定所属单位编码");
    const user = await createUser(rt.deps, actor, {
      username,
      displayName: options.name ?? username,
      role,
      orgId: org.id,
      password: passwordFrom(options),
      mustChangePassword: false,
    });
    console.log(`已创建账号 ${user.username}（${ROLE_LABELS[role]}，${org.name}）`);
  });
}

export async function userList(options: { region?: string; json?: boolean }) {
  await withRuntime(async (rt) => {
    const actor = systemActor(await resolveRegion(rt, options.region));
    const { rows, total } = await listUsers(rt.deps, actor, {}, 1, 10_000);
    if (options.json) return console.log(JSON.stringify(rows, null, 2));
    for (const u of rows) {
      console.log(
        `${u.username.padEnd(12)} ${ROLE_LABELS[u.role].padEnd(8)} ${u.active ? "启用" : "停用"}  ${u.displayName}  ${u.org.name}`,
      );
    }
    console.log(`共 ${total} 个账号`);
  });
}

export async function userPassword(username: string, options: { password?: string }) {
  await withRuntime(async (rt) => {
    const user = await rt.deps.uow.read.users.byUsername(username);
    if (!user) throw new Error(`账号不存在：${username}`);
    await resetPassword(rt.deps, systemActor(user.regionCode), user.id, passwordFrom(options));
    console.log(`已重置 ${username} 的密码（下次登录须修改）`);
  });
}

export async function userActive(username: string, active: boolean) {
  await withRuntime(async (rt) => {
    const user = await rt.deps.uow.read.users.byUsername(username);
    if (!user) throw new Error(`账号不存在：${username}`);
    await updateUser(rt.deps, systemActor(user.regionCode), user.id, { version: user.version, active });
    console.log(`${username} 已${active ? "启用" : "停用"}`);
  });
}

export interface TokenOptions {
  name?: string;
  expires?: string;
  list?: boolean;
  revoke?: string;
  region?: string;
  json?: boolean;
}

const TOKEN_STATUS = { active: "有效", expired: "已过期", revoked: "已吊销" } as const;

/**
 * `jixiao user token <username> --name … [--expires <days>]` issues a bearer token for the budget
 * system's integration and prints it once; `--list [username]` lists tokens; `--revoke <id>` ends one.
 */
export async function userToken(username: string | undefined, options: TokenOptions) {
  await withRuntime(async (rt) => {
    const actor = systemActor(await resolveRegion(rt, options.region));
    if (options.list) {
      const tokens = await listApiTokens(rt.deps, actor, { username });
      if (options.json) return console.log(JSON.stringify(tokens, null, 2));
      for (const t of tokens)
        console.log(
          [
            String(t.id).padStart(4),
            TOKEN_STATUS[t.status],
            t.username.padEnd(12),
            t.name,
            `签发 ${t.createdAt.slice(0, 10)}`,
            `有效期至 ${t.expiresAt?.slice(0, 10) ?? "长期"}`,
            `最近使用 ${t.lastUsedAt?.slice(0, 16).replace("T", " ") ?? "从未"}`,
          ].join("  "),
        );
      return console.log(`共 ${tokens.length} 个令牌`);
    }
    if (options.revoke !== undefined) {
      const id = Number(options.revoke);
      if (!Number.isInteger(id) || id <= 0) throw new Error(`令牌编号无效：${options.revoke}`);
      await revokeApiToken(rt.deps, actor, id);
      return console.log(`已吊销令牌 ${id}`);
    }
    if (!username) throw new Error("请给出账号名，或使用 --list / --revoke <编号>");
    if (!options.name) throw new Error("请用 --name 说明令牌用途，如 --name 一体化系统");
    const days = options.expires === undefined ? undefined : Number(options.expires);
    const { id, token, expiresAt } = await createApiToken(rt.deps, actor, {
      username,
      name: options.name,
      expiresInDays: days,
    });
    console.log(token);
    console.error(
      `以上为 ${username} 的 API 令牌 ${id}（${expiresAt ? `有效期至 ${expiresAt.toISOString().slice(0, 10)}` : "长期有效"}，只显示这一次），请求时使用 Authorization: Bearer <令牌>`,
    );
  });
}
