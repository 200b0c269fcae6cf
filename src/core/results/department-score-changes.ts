import { type ConfigChange, valueChange } from "../config/changes";
import { toHundredths } from "../selfeval/grade";
import { DEPT_SCORE_COMPONENT_LABELS, type DeptScoreComponent, type DeptScoreTemplate } from "./department-score";

const SECTION = "考核内容与权重";

const label = (key: DeptScoreComponent) => DEPT_SCORE_COMPONENT_LABELS[key] ?? String(key);
/** A weight as the template shows it: two decimals, so 30 and 30.00 are no change. */
const weightText = (w: number) => {
  const h = toHundredths(w);
  return h === null ? String(w) : `${h / 100n}.${String(h % 100n).padStart(2, "0")}`;
};

/**
 * What a template version changes against another, for the save dialog and the version history: each
 * component added or removed (with its weight), each weight changed, and the order when only it differs.
 */
export function deptScoreTemplateChanges(
  before: Pick<DeptScoreTemplate, "components">,
  after: Pick<DeptScoreTemplate, "components">,
): ConfigChange[] {
  const out: ConfigChange[] = [];
  const old = new Map(before.components.map((c) => [c.key, c.weight]));
  const now = new Map(after.components.map((c) => [c.key, c.weight]));
  for (const [key, w] of old)
    if (!now.has(key))
      out.push({
        kind: "removed",
        section: SECTION,
        item: "考核内容",
        before: `${label(key)}（权重${weightText(w)}）`,
        after: null,
      });
  for (const [key, w] of now) {
    const o = old.get(key);
    if (o === undefined)
      out.push({
        kind: "added",
        section: SECTION,
        item: "考核内容",
        before: null,
        after: `${label(key)}（权重${weightText(w)}）`,
      });
    else out.push(...valueChange(SECTION, `“${label(key)}”的权重`, weightText(o), weightText(w)));
  }
  if (out.length === 0) {
    const b = before.components.map((c) => label(c.key)).join("、");
    const a = after.components.map((c) => label(c.key)).join("、");
    if (a !== b) out.push({ kind: "changed", section: SECTION, item: "考核内容的顺序", before: b, after: a });
  }
  return out;
}
