/**
 * Vertical merging of a grid column, as on the paper forms (一级指标, 二级指标 within it): for each row,
 * how many rows its cell spans, or 0 when the row above already covers it. Consecutive rows with the
 * same key merge; a key that comes back after another starts a new cell.
 */
export function rowSpans(keys: readonly string[]): number[] {
  const spans = new Array<number>(keys.length).fill(0);
  let start = 0;
  for (let i = 1; i <= keys.length; i++) {
    if (i < keys.length && keys[i] === keys[start]) continue;
    spans[start] = i - start;
    start = i;
  }
  return spans;
}
