import { describe, expect, it } from "vitest";
import { checkNotice, lastDeadline } from "./rectification-notice";

const item = { problem: "资金支付滞后", requirement: "9月底前完成支付", deadline: "2025-09-30" };

describe("checkNotice", () => {
  it("accepts a sound notice", () => {
    expect(checkNotice({ title: "整改通知", items: [item] }, 2025, "2025-08-05")).toEqual([]);
  });

  it("names the item and the field of every issue", () => {
    const issues = checkNotice(
      {
        title: " ",
        items: [
          item,
          { problem: "", requirement: "=cmd()", deadline: "2025-08-04" },
          { ...item, deadline: "2028-01-01" },
        ],
      },
      2025,
      "2025-08-05",
    );
    expect(issues.map((i) => [i.item, i.field])).toEqual([
      [undefined, "title"],
      [2, "problem"],
      [2, "requirement"],
      [2, "deadline"],
      [3, "deadline"],
    ]);
    expect(issues[3]!.message).toBe("第2项：整改期限（deadline）2025-08-04 早于下达日（2025-08-05）");
    expect(issues[4]!.message).toContain(lastDeadline(2025));
  });

  it("takes the issue day itself and the last day of the second year after; refuses 0 and 51 items", () => {
    expect(checkNotice({ title: "t", items: [{ ...item, deadline: "2025-08-05" }] }, 2025, "2025-08-05")).toEqual([]);
    expect(checkNotice({ title: "t", items: [{ ...item, deadline: "2027-12-31" }] }, 2025, "2025-08-05")).toEqual([]);
    expect(checkNotice({ title: "t", items: [] }, 2025, "2025-08-05")[0]!.field).toBe("items");
    const many = checkNotice({ title: "t", items: Array.from({ length: 51 }, () => item) }, 2025, "2025-08-05");
    expect(many.map((i) => i.message)).toEqual(["一份整改通知最多 50 项整改事项，现有 51 项，请分为多份通知"]);
    expect(
      checkNotice({ title: "t", items: [{ ...item, deadline: "2025-02-30" }] }, 2025, "2025-01-01")[0]!.message,
    ).toContain("不是有效日期");
  });
});
