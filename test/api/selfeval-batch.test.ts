import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MonitoringDistrict } from "../support/monitoring-district";
import { type FilledForm, selfEvalDistrict } from "../support/selfeval-district";

/**
 * 批量提交 / 批量审核通过 on a district's own forms: each form passes the single action's checks, any form
 * that cannot take the step is named and nothing is written, and two batches at once never both win.
 */
let m: MonitoringDistrict & { forms: FilledForm[] };
const URL = "/api/v1/selfeval/forms/actions";
const call = (who: string, method: string, url: string, body?: unknown) => m.d.as(m.d.who(who), method, url, body);
const form = (code: string) => m.forms.find((f) => f.code === code)!;
async function state(code: string) {
  const res = await call("admin", "GET", `/api/v1/selfeval/forms/${form(code).id}`);
  expect(res.statusCode).toBe(200);
  const body = res.json();
  return { status: body.status as string, version: body.version as number };
}
const batch = (who: string, action: string, codes: { code: string; version?: number }[], comment?: string) =>
  call(who, "POST", URL, {
    fiscalYear: 2025,
    action,
    forms: codes.map((c) => ({ id: form(c.code).id, version: c.version ?? form(c.code).version })),
    ...(comment ? { comment } : {}),
  });

beforeAll(async () => {
  m = await selfEvalDistrict({ stopAt: "filled" });
});
afterAll(async () => {
  await m?.d.close();
});

describe("batch actions on self-evaluation forms", () => {
  it("the list gives each form its version and the steps the viewer may take on it in a batch", async () => {
    const rowsOf = async (who: string) => {
      const res = await call(who, "GET", "/api/v1/selfeval/forms?year=2025&pageSize=100");
      expect(res.statusCode).toBe(200);
      return new Map(
        (res.json().rows as { code: string; version: number; batchActions: string[] }[]).map((r) => [r.code, r]),
      );
    };
    const unit = await rowsOf("unit1");
    expect(unit.get("P301001A")).toMatchObject({ version: form("P301001A").version, batchActions: ["submit"] });
    // The department sees its unit's draft but cannot submit it; finance has nothing to approve yet.
    expect((await rowsOf("edu")).get("P301001A")?.batchActions).toEqual([]);
    expect([...(await rowsOf("admin")).values()].every((r) => r.batchActions.length === 0)).toBe(true);
  });

  it("refuses a batch holding another unit's form, naming it, and writes nothing", async () => {
    const res = await batch("unit1", "submit", [{ code: "P301001A" }, { code: "P302001A" }]);
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe("SELFEVAL_BATCH_REFUSED");
    expect(body.error.details.failures).toEqual([
      { id: form("P302001A").id, code: null, name: null, message: expect.stringContaining("不在您的范围内") },
    ]);
    expect((await state("P301001A")).status).toBe("draft");
  });

  it("refuses a stale version, a repeated form and an empty choice", async () => {
    const stale = await batch("unit1", "submit", [{ code: "P301001A", version: form("P301001A").version - 1 }]);
    expect(stale.statusCode).toBe(400);
    expect(stale.json().error.details.failures[0].message).toContain("已被他人修改");
    const twice = await batch("unit1", "submit", [{ code: "P301001A" }, { code: "P301001A" }]);
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.code).toBe("SELFEVAL_BATCH_DUPLICATE");
    const none = await call("unit1", "POST", URL, { fiscalYear: 2025, action: "submit", forms: [] });
    expect(none.statusCode).toBe(400);
    const returns = await call("unit1", "POST", URL, {
      fiscalYear: 2025,
      action: "return",
      forms: [{ id: form("P301001A").id, version: form("P301001A").version }],
    });
    expect(returns.statusCode).toBe(400);
    expect((await state("P301001A")).status).toBe("draft");
  });

  it("submits the fillers' forms, then a department approving a draft with a submitted form does neither", async () => {
    const unit = await batch("unit1", "submit", [{ code: "P301001A" }]);
    expect(unit.statusCode, unit.body).toBe(200);
    expect(unit.json()).toMatchObject({ action: "submit", count: 1, forms: [{ status: "submitted" }] });
    const cdc = await batch("cdc", "submit", [{ code: "P302001A" }]);
    expect(cdc.statusCode, cdc.body).toBe(200);
    const p1 = await state("P301001A");
    // 教育局's own department-wide form is still a draft: approving it is refused, and so the whole batch.
    const mixed = await batch("edu", "approve", [{ code: "P301001A", version: p1.version }, { code: "301" }]);
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().error.details.failures).toHaveLength(1);
    expect(mixed.json().error.details.failures[0].code).toBe("301");
    expect((await state("P301001A")).status).toBe("submitted");
  });

  it("two identical approvals at once: one wins, the other is refused, the form moves once", async () => {
    const p1 = await state("P301001A");
    const [a, b] = await Promise.all([
      batch("edu", "approve", [{ code: "P301001A", version: p1.version }], "同意"),
      batch("edu", "approve", [{ code: "P301001A", version: p1.version }], "同意"),
    ]);
    // The loser read the form before (409, stale at the lock) or after (400, refused by version) the winner wrote.
    const codes = [a.statusCode, b.statusCode].sort();
    expect(codes[0]).toBe(200);
    expect([400, 409]).toContain(codes[1]);
    const after = await state("P301001A");
    expect(after).toEqual({ status: "dept_approved", version: p1.version + 1 });
    const review = await call("admin", "GET", `/api/v1/selfeval/forms/${form("P301001A").id}/review`);
    expect(review.statusCode).toBe(200);
    const comments = JSON.stringify(review.json());
    expect(comments.match(/同意/g)?.length).toBe(1);
  });

  it("finance approves the rest in one batch; the audit holds one entry per form", async () => {
    const health = await batch("health", "approve", [{ code: "P302001A", version: (await state("P302001A")).version }]);
    expect(health.statusCode, health.body).toBe(200);
    const edu = await batch("edu", "submit", [{ code: "301" }]);
    expect(edu.statusCode, edu.body).toBe(200);
    const codes = ["P301001A", "P302001A", "301"];
    const forms = [];
    for (const code of codes) forms.push({ code, version: (await state(code)).version });
    // A department cannot give finance's approval.
    const dept = await batch("edu", "approve", forms.slice(0, 1));
    expect(dept.statusCode).toBe(400);
    const res = await batch("admin", "approve", forms, "经审核，同意");
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().count).toBe(3);
    for (const code of codes) expect((await state(code)).status).toBe("approved");
    const audit = await call("admin", "GET", "/api/v1/audit?entity=selfeval_form&action=approve&pageSize=50");
    expect(audit.statusCode).toBe(200);
    const ids = audit.json().rows.map((r: { entityId: string }) => Number(r.entityId));
    for (const code of codes) expect(ids).toContain(form(code).id);
  });
});
