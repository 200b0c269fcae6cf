import { describe, expect, it } from "vitest";
import { monitoringRulesChanges, monitoringRulesHints, nextRulesVersion, validateMonitoringRules } from "./rules";
import { DEFAULT_MONITORING_RULES } from "./types";

const { version: _v, ...defaults } = DEFAULT_MONITORING_RULES;

describe("validateMonitoringRules", () => {
  it("accepts the default rules and cleans names and float noise", () => {
    const r = validateMonitoringRules("2025.1", {
      ...defaults,
      redGapPoints: 0.1 + 0.2,
      causeCategories: [" 经费保障", "其他 "],
    });
    expect(r).toEqual({
      ok: true,
      rules: {
        version: "2025.1",
        redGapPoints: 0.3,
        possibleMakesYellow: false,
        causeCategories: ["经费保障", "其他"],
      },
    });
    expect(validateMonitoringRules("2025.1", { ...defaults, redGapPoints: 12.5 }).ok).toBe(true);
    expect(validateMonitoringRules("2025.1", { ...defaults, redGapPoints: 100 }).ok).toBe(true);
  });

  it("refuses a threshold out of range or with more than 2 decimals", () => {
    for (const x of [0, -5, 100.01, Number.NaN, Number.POSITIVE_INFINITY, 12.345]) {
      const r = validateMonitoringRules("2025.1", { ...defaults, redGapPoints: x });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issues.map((i) => i.field)).toEqual(["redGapPoints"]);
    }
    const r = validateMonitoringRules("2025.1", { ...defaults, redGapPoints: 12.345 });
    expect(r.ok || r.issues[0]?.message).toBe("红灯阈值最多保留两位小数");
  });

  it("names every problem of the cause categories", () => {
    const r = validateMonitoringRules("2025.1", {
      ...defaults,
      causeCategories: ["经费保障", " ", "经费保障 ", "一二三四五六七八九十一二三四五六七八九十一", "<b>"],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([
      { field: "causeCategories.1", message: "第2个偏差原因分类为空" },
      { field: "causeCategories.2", message: "偏差原因分类“经费保障”重复" },
      { field: "causeCategories.3", message: "偏差原因分类“一二三四五六七八九十一二三四五六七八九十一”超过20个字" },
      { field: "causeCategories.4", message: "第5个偏差原因分类含有尖括号“＜＞”，请删除" },
    ]);
  });

  it("wants between 1 and 20 categories; 20 characters is allowed", () => {
    const empty = validateMonitoringRules("2025.1", { ...defaults, causeCategories: [] });
    expect(empty.ok || empty.issues).toEqual([{ field: "causeCategories", message: "至少要有一个偏差原因分类" }]);
    const many = Array.from({ length: 21 }, (_, i) => `原因${i}`);
    const tooMany = validateMonitoringRules("2025.1", { ...defaults, causeCategories: many });
    expect(tooMany.ok || tooMany.issues).toEqual([{ field: "causeCategories", message: "偏差原因分类不能超过20个" }]);
    expect(validateMonitoringRules("2025.1", { ...defaults, causeCategories: many.slice(0, 20) }).ok).toBe(true);
    expect(
      validateMonitoringRules("2025.1", { ...defaults, causeCategories: ["一二三四五六七八九十一二三四五六七八九十"] })
        .ok,
    ).toBe(true);
  });
});

describe("monitoringRulesHints", () => {
  it("recommends keeping 其他 without requiring it", () => {
    expect(monitoringRulesHints(DEFAULT_MONITORING_RULES)).toEqual([]);
    const r = validateMonitoringRules("2025.1", { ...defaults, causeCategories: ["经费保障"] });
    expect(r.ok).toBe(true);
    if (r.ok) expect(monitoringRulesHints(r.rules)).toHaveLength(1);
  });
});

describe("monitoringRulesChanges", () => {
  it("is empty for the same rules", () => {
    expect(monitoringRulesChanges(defaults, { ...defaults })).toEqual([]);
  });

  it("names the threshold, the 有可能 rule and each category added, removed or reordered", () => {
    expect(
      monitoringRulesChanges(defaults, {
        redGapPoints: 12.5,
        possibleMakesYellow: true,
        causeCategories: ["经费保障", "制度保障", "人员保障", "其他", "政策调整"],
      }),
    ).toEqual([
      { kind: "changed", section: "预警规则", item: "红灯阈值（百分点）", before: "15", after: "12.5" },
      { kind: "changed", section: "预警规则", item: "有可能计为黄灯", before: "否", after: "是" },
      { kind: "removed", section: "偏差原因", item: "偏差原因分类", before: "硬件条件保障", after: null },
      { kind: "added", section: "偏差原因", item: "偏差原因分类", before: null, after: "政策调整" },
    ]);
    expect(
      monitoringRulesChanges(defaults, { ...defaults, causeCategories: [...defaults.causeCategories].reverse() }),
    ).toEqual([
      {
        kind: "changed",
        section: "偏差原因",
        item: "偏差原因分类的顺序",
        before: "经费保障、制度保障、人员保障、硬件条件保障、其他",
        after: "其他、硬件条件保障、人员保障、制度保障、经费保障",
      },
    ]);
  });
});

describe("nextRulesVersion", () => {
  it("numbers a year's monitoring rules like every rule set", () => {
    expect(nextRulesVersion(2025, 0)).toBe("2025.1");
    expect(nextRulesVersion(2025, 2)).toBe("2025.3");
  });
});
