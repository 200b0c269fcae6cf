import type { GoalIndicator, GoalTable } from "./types";

/**
 * Goal tables for tests: one clean table and a seeded generator of district-sized batches with the
 * usual mistakes mixed in. Pure and deterministic.
 */

const ind = (
  level1: string,
  level2: string,
  name: string,
  kind: GoalIndicator["kind"],
  operator: GoalIndicator["operator"],
  target: string,
  unit: string | null,
  weight: number,
): GoalIndicator => ({ level1, level2, name, kind, operator, target, unit, weight, explanation: null });

/** A complete, clean project goal table: every rule passes. */
export function goodTable(): GoalTable {
  return {
    subjectKind: "project",
    subjectCode: "120001-2024-001",
    subjectName: "城区学校校舍改造项目",
    fiscalYear: 2024,
    funds: { total: 500_000_000, fiscal: 450_000_000, other: 50_000_000 },
    overallGoal: "完成3所学校校舍改造5000平方米，新增学位600个，师生满意度达到90%以上。",
    indicators: [
      ind("产出指标", "数量指标", "改造校舍面积", "quantitative", ">=", "5000", "平方米", 20),
      ind("产出指标", "质量指标", "工程验收合格率", "quantitative", "=", "100", "%", 15),
      ind("产出指标", "时效指标", "完工时间", "qualitative", null, "2024年11月底前完工", null, 10),
      ind("产出指标", "成本指标", "单位面积改造成本", "quantitative", "<=", "1,200", "元", 5),
      ind("效益指标", "社会效益指标", "新增学位数", "quantitative", ">=", "600", "个", 20),
      ind("效益指标", "可持续影响指标", "校舍设计使用年限", "quantitative", ">=", "30", "年", 20),
      ind("满意度指标", "服务对象满意度指标", "师生满意度", "quantitative", ">=", "90", "%", 10),
    ],
  };
}

/** mulberry32: a tiny seeded PRNG, enough for test data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const POOL: readonly GoalIndicator[] = [
  ...goodTable().indicators,
  ind("产出指标", "数量指标", "培训人次", "quantitative", ">=", "1,200", "人次", 10),
  ind("产出指标", "数量指标", "资金拨付率", "quantitative", ">=", "100", "%", 10),
  ind("产出指标", "数量指标", "完成投资额", "quantitative", ">=", "300", "万元", 10),
  ind("产出指标", "质量指标", "服务质量", "qualitative", null, "较好", null, 10),
  ind("产出指标", "时效指标", "按期完成率", "quantitative", null, "95%以上", "", 10),
  ind("效益指标", "社会效益指标", "群众满意度", "quantitative", ">=", "95", "%", 10),
  ind("效益指标", "经济效益指标", "带动就业", "qualitative", null, "进一步提高", null, 10),
  ind("效益指标", "生态效益指标", "绿化覆盖率", "quantitative", ">=", "120", "%", 10),
  ind("成效指标", "社会效益指标", "政策知晓率", "quantitative", ">=", "90", "%", 10),
  ind("满意度指标", "服务对象满意度指标", "", "quantitative", ">=", "", "%", 10),
  ind("满意度指标", "服务对象满意度指标", "受益群众满意度", "quantitative", ">=", "90", "%", 0),
  ind("产出指标", "质量指标", "设备完好率", "quantitative", ">=", "98.5", "%", 12.345),
  ind("产出指标", "成本指标", "成本控制率", "quantitative", "=", "100", "%", 10),
  ind("产出指标", "成本指标", "项目总成本", "quantitative", "<=", "6,000,000", "元", 10),
  ind("产出指标", "成本指标", "单位面积改造成本", "quantitative", "<=", "1,200", "万元", 10),
  ind("产出指标", "时效指标", "全部完工时间", "qualitative", null, "2026年底前", null, 10),
  ind("产出指标", "数量指标", "农村学校覆盖率", "quantitative", ">=", "95", "%", 10),
];

/** `count` tables of about 12 indicators each, a share of them clean. */
export function generateTables(count: number, seed = 1): GoalTable[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const tables: GoalTable[] = [];
  for (let t = 0; t < count; t++) {
    // Mostly 6 to 18 indicators (about 12), now and then too few.
    const size = random() < 0.03 ? 2 : 6 + Math.floor(random() * 13);
    const indicators: GoalIndicator[] = [];
    for (let i = 0; i < size; i++) indicators.push({ ...pick(POOL) });
    // Balance the weights most of the time, so GOAL_WEIGHTS_NOT_100 stays one finding among many.
    if (random() < 0.7) {
      const each = Math.floor(10_000 / size);
      indicators.forEach((x, i) => {
        x.weight = (i === 0 ? 10_000 - each * (size - 1) : each) / 100;
      });
    }
    tables.push({
      ...goodTable(),
      subjectCode: `P${String(t).padStart(6, "0")}`,
      overallGoal: random() < 0.05 ? "改造校舍" : goodTable().overallGoal,
      indicators: random() < 0.2 ? goodTable().indicators : indicators,
    });
  }
  return tables;
}
