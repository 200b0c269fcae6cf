import { expect } from "vitest";
import { type MonitoringDistrict, monitoringDistrict } from "./monitoring-district";

/**
 * The monitoring district a year on: 2025's self-evaluation opened in January 2026, and every form (the two
 * projects with approved goal tables and 教育局 as a whole) filled, submitted and approved through the
 * desks, as their units would. Finance also registers a third-party firm with two reviewers.
 */
export interface FilledForm {
  id: number;
  code: string;
  /** The form's version when the district was handed over. */
  version: number;
}

/** `stopAt: "filled"` leaves every form filled and saved in its filler's hands (nothing submitted). */
export async function selfEvalDistrict(
  options: { stopAt?: "filled" | "approved"; webDir?: string } = {},
): Promise<MonitoringDistrict & { forms: FilledForm[] }> {
  const m = await monitoringDistrict(options.webDir ? { webDir: options.webDir } : {});
  m.setNow(new Date("2026-01-10T02:00:00Z"));
  await m.d.signInAgain();
  const ok = async (who: string, method: string, url: string, body?: unknown) => {
    const res = await m.d.as(m.d.who(who), method, url, body);
    expect(res.statusCode, `${method} ${url}: ${res.body.slice(0, 600)}`).toBe(200);
    return res.json();
  };
  await ok("admin", "POST", "/api/v1/selfeval/rounds", { fiscalYear: 2025, dueOn: "2026-02-28" });
  const list = await ok("admin", "GET", "/api/v1/selfeval/forms?year=2025");
  const desks: Record<string, string[]> = {
    P301001A: ["unit1", "edu", "admin"],
    P302001A: ["cdc", "health", "admin"],
    "301": ["edu", "admin"],
  };
  const forms: FilledForm[] = [];
  for (const row of list.rows as { id: number; code: string }[]) {
    const [filler, ...reviewers] = desks[row.code]!;
    const url = `/api/v1/selfeval/forms/${row.id}`;
    const form = await ok(filler!, "GET", url);
    const items = form.items.map(
      (i: { uid: string; kind: string; weight: number; target: string; formula: { source?: string } | null }) => {
        if (i.kind === "checklist") return { uid: i.uid, failed: [] };
        if (i.kind === "tiers" || i.kind === "qualitative") return { uid: i.uid, tier: "achieved", points: i.weight };
        if (i.formula?.source === "executionRate") return { uid: i.uid };
        if (i.kind === "deductPerPoint") return { uid: i.uid, actual: i.target.replace(/[^\d.]/g, "") };
        if (i.kind === "bands") return { uid: i.uid, actual: "0" };
        return { uid: i.uid, actual: i.target };
      },
    );
    const saved = await ok(filler!, "PUT", url, { version: form.version, overallActual: "年度目标全部完成", items });
    // Whatever did not earn full points is explained, as a unit must.
    const notes = saved.items
      .filter((i: { score: { full: boolean; status: string } }) => i.score.status === "scored" && !i.score.full)
      .map((i: { uid: string }) => ({ uid: i.uid, note: "执行进度滞后，已制定整改措施" }));
    let version = (
      await ok(filler!, "PUT", url, { version: saved.version, overallActual: "年度目标全部完成", items: notes })
    ).version;
    if (options.stopAt !== "filled") {
      version = (await ok(filler!, "POST", `${url}/actions`, { version, action: "submit" })).version;
      for (const who of reviewers)
        version = (await ok(who, "POST", `${url}/actions`, { version, action: "approve" })).version;
    }
    forms.push({ id: row.id, code: row.code, version });
  }
  const firm = await m.d.as(m.d.who("admin"), "POST", "/api/v1/org/orgs", {
    code: "F01",
    name: "测试财务咨询有限公司",
    kind: "firm",
  });
  expect(firm.statusCode, firm.body).toBe(201);
  await m.d.account("rev1", "firm", "F01");
  await m.d.account("rev2", "firm", "F01");
  return { ...m, forms };
}
