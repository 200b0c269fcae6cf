import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rows } from "../../src/db/repos/rows";
import type { MonitoringDistrict } from "../support/monitoring-district";
import { type FilledForm, selfEvalDistrict } from "../support/selfeval-district";

/**
 * A conflict that comes to light after the reviewer submitted: finance cannot move a submitted review, so it
 * returns it with the reason, then gives it to a colleague who may take it. The new reviewer starts from a
 * blank review with the task to do in their own inbox; the one who stood aside no longer sees it.
 */
let m: MonitoringDistrict & { forms: FilledForm[] };
const call = (who: string, method: string, url: string, body?: unknown) => m.d.as(m.d.who(who), method, url, body);
const ok = async (who: string, method: string, url: string, body?: unknown) => {
  const res = await call(who, method, url, body);
  expect(res.statusCode, `${method} ${url}: ${res.body.slice(0, 600)}`).toBe(200);
  return res.json();
};

let firm: { id: number; reviewers: { id: number; username: string }[] };
beforeAll(async () => {
  m = await selfEvalDistrict();
  [firm] = await ok("admin", "GET", "/api/v1/review/firms");
  await ok("admin", "POST", "/api/v1/review/draws", {
    fiscalYear: 2025,
    count: 2,
    stratify: { department: false, budget: false },
    includeDeptWide: true,
  });
}, 300_000);
afterAll(async () => {
  await m?.d.close();
});

describe("reassigning a review after its reviewer must stand aside", () => {
  it("returns the submitted review, then moves it to a colleague who starts blank", async () => {
    const rev1 = firm.reviewers[0]!;
    const rev2 = firm.reviewers[1]!;
    const target = (await ok("admin", "GET", "/api/v1/review/items?year=2025")).rows.find(
      (r: { code: string }) => r.code === "301",
    );
    await ok("admin", "POST", "/api/v1/review/assignments", {
      fiscalYear: 2025,
      firmId: firm.id,
      reviewIds: [target.id],
      reviewerId: rev2.id,
      dueOn: "2026-04-30",
    });
    // rev2 scores every item as the department did, writes the guidance and submits.
    const url = `/api/v1/review/items/${target.id}`;
    const detail = await ok("rev2", "GET", url);
    const items = detail.items.map((i: { uid: string; self: { points: number | null } | null }) => ({
      uid: i.uid,
      points: i.self?.points ?? 0,
      notApplicable: false,
      comment: "与佐证材料一致",
    }));
    const saved = await ok("rev2", "PUT", url, { version: detail.version, guidance: "自评规范", items });
    const submitted = await ok("rev2", "POST", `${url}/actions`, { version: saved.version, action: "submit" });
    expect(submitted.status).toBe("submitted");

    // Then rev2 turns out to audit 教育局: a submitted review is not moved, and the refusal says what to do.
    await ok("admin", "POST", "/api/v1/review/conflicts", {
      firmId: firm.id,
      reviewerId: rev2.id,
      orgCode: "301",
      reason: "为教育局提供年度审计服务",
    });
    const move = {
      fiscalYear: 2025,
      firmId: firm.id,
      reviewIds: [target.id],
      reviewerId: rev1.id,
      dueOn: "2026-05-15",
    };
    const refused = await call("admin", "POST", "/api/v1/review/assignments", move);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toContain("待确认的须先退回，再改派");

    await ok("admin", "POST", `${url}/actions`, {
      version: submitted.version,
      action: "return",
      comment: "复核人员须回避教育局，改派他人",
    });
    expect((await ok("admin", "POST", "/api/v1/review/assignments", move)).assigned).toBe(1);

    expect((await call("rev2", "GET", url)).statusCode).toBe(404);
    const fresh = await ok("rev1", "GET", url);
    expect(fresh).toMatchObject({ status: "assigned", editable: true, guidance: "", reviewTotal: null });
    expect(fresh.items.every((i: { review: { points: number | null } }) => i.review.points === null)).toBe(true);
    const [task] = await rows<{ owner_user_id: number; status: string; due_on: string }>(
      m.d.db.orm,
      sql`select owner_user_id, status, due_on::text from tasks
          where kind = 'selfeval_review' and object_id = ${target.id}`,
    );
    expect(task).toEqual({ owner_user_id: rev1.id, status: "todo", due_on: "2026-05-15" });
    const inbox = await ok("rev1", "GET", "/api/v1/tasks/inbox");
    expect(inbox.tasks.map((t: { link: string }) => t.link)).toContain(`/review/items/${target.id}`);
    const theirs = await ok("rev2", "GET", "/api/v1/tasks/inbox");
    expect(theirs.tasks.map((t: { link: string }) => t.link)).not.toContain(`/review/items/${target.id}`);

    // rev1 re-scores and submits; finance confirms.
    const again = await ok("rev1", "PUT", url, { version: fresh.version, guidance: "自评规范", items });
    const resubmitted = await ok("rev1", "POST", `${url}/actions`, { version: again.version, action: "submit" });
    const confirmed = await ok("admin", "POST", `${url}/actions`, {
      version: resubmitted.version,
      action: "confirm",
    });
    expect(confirmed.status).toBe("confirmed");
  });
});
