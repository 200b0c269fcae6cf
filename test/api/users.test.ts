import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../support/app";

let t: TestApp;
let admin: string;
let unitOrg: { id: number; code: string };
beforeAll(async () => {
  t = await testApp();
  admin = await t.login("finance");
  const tree = (await t.as(admin, "GET", "/api/v1/org/tree")).json().nodes;
  const dept = tree.find(
    (n: { kind: string; children: unknown[] }) => n.kind === "department" && n.children.length > 0,
  );
  unitOrg = dept.children[0];
});
afterAll(() => t.close());

describe("user administration", () => {
  it("creates an account that must change its password at first login", async () => {
    const res = await t.as(admin, "POST", "/api/v1/users", {
      username: "li.ming",
      displayName: "李明",
      role: "unit",
      orgId: unitOrg.id,
      password: "Start-2024x",
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().user).not.toHaveProperty("passwordHash");
    const cookie = await t.login("li.ming", "Start-2024x");
    const blocked = await t.as(cookie, "GET", "/api/v1/projects?year=2024");
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe("PASSWORD_CHANGE_REQUIRED");
    expect(
      (
        await t.as(cookie, "POST", "/api/v1/auth/password", {
          currentPassword: "Start-2024x",
          newPassword: "Mine-2024xy",
        })
      ).statusCode,
    ).toBe(204);
    expect((await t.as(cookie, "GET", "/api/v1/projects?year=2024")).statusCode).toBe(200);
  });

  it("refuses a taken username, a bad username, a weak password and a role on the wrong kind of organisation", async () => {
    const base = { username: "ok.user", displayName: "测试", role: "unit", orgId: unitOrg.id, password: "Start-2024x" };
    const taken = await t.as(admin, "POST", "/api/v1/users", { ...base, username: "FINANCE" });
    expect([taken.statusCode, taken.json().error.code]).toEqual([409, "USERNAME_TAKEN"]);
    const badName = await t.as(admin, "POST", "/api/v1/users", { ...base, username: "a b" });
    expect(badName.json().error.code).toBe("USERNAME_INVALID");
    const weak = await t.as(admin, "POST", "/api/v1/users", { ...base, password: "12345678" });
    expect(weak.json().error.code).toBe("PASSWORD_WEAK");
    const mismatch = await t.as(admin, "POST", "/api/v1/users", { ...base, role: "department" });
    expect(mismatch.json().error.code).toBe("ROLE_ORG_MISMATCH");
    const list = (await t.as(admin, "GET", "/api/v1/users?q=ok.user")).json();
    expect(list.total).toBe(0);
  });

  it("disabling an account ends its sessions and blocks login", async () => {
    const cookie = await t.login("expert");
    const user = (await t.as(admin, "GET", "/api/v1/users?q=expert")).json().rows[0];
    const res = await t.as(admin, "PATCH", `/api/v1/users/${user.id}`, { version: user.version, active: false });
    expect(res.statusCode).toBe(200);
    expect((await t.as(cookie, "GET", "/api/v1/auth/me")).statusCode).toBe(401);
    const login = await t.as(null, "POST", "/api/v1/auth/login", { username: "expert", password: "jixiao-demo" });
    expect(login.json().error.code).toBe("AUTH_INACTIVE");
  });

  it("lists users with roles and organisations, filtered and paged", async () => {
    const page = (await t.as(admin, "GET", "/api/v1/users?role=department&pageSize=10")).json();
    expect(page.total).toBe(55); // dept plus one per department
    const units = (await t.as(admin, "GET", "/api/v1/users?role=unit&q=unit&pageSize=200")).json();
    const perUnit = units.rows.filter((u: { username: string }) => /^unit\d+$/.test(u.username));
    expect(perUnit).toHaveLength(151); // one account per demo unit
    for (const u of perUnit) expect(u.username).toBe(`unit${u.org.code}`);
    expect(page.rows).toHaveLength(10);
    expect(page.rows[0]).toMatchObject({ role: "department", roleLabel: "主管部门" });
  });

  it("sorts the list by a column, and exports the filtered, sorted list without password hashes", async () => {
    const byName = (await t.as(admin, "GET", "/api/v1/users?role=unit&sort=username&order=desc&pageSize=200")).json();
    const names = byName.rows.map((u: { username: string }) => u.username);
    expect(names).toEqual([...names].sort().reverse());
    expect((await t.as(admin, "GET", "/api/v1/users?sort=password")).statusCode).toBe(400);

    const res = await t.as(admin, "GET", "/api/v1/users/export.xlsx?role=unit&sort=username&order=desc");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    expect(res.headers["content-disposition"]).toContain("filename*=UTF-8''");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(2).getCell(1).value).toBe("用户名");
    expect(ws.actualRowCount - 2).toBe(byName.total);
    expect(ws.getRow(3).getCell(1).value).toBe(names[0]);
    expect(ws.getRow(3).getCell(3).value).toBe("预算单位");
    const cells: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
    expect(cells.filter((c) => c.includes("$argon2"))).toEqual([]);
    expect(ws.getRow(2).values).not.toContain("密码");

    const unit = await t.login("unit");
    expect((await t.as(unit, "GET", "/api/v1/users/export.xlsx")).statusCode).toBe(403);
  });
});
