import type { GoalSheetRead } from "../core/goals/goal-sheet";
import type { OutsideSheetRead } from "../core/goals/outside-check";
import type { FieldSpec } from "../core/imports/spec";
import type { MonitoringSheetRead } from "../core/monitoring/sheet";
import type { SelfEvalSheetRead } from "../core/selfeval/sheet";
import type { RawTable, TableInput } from "./read-table";
import { uploadPool } from "./upload/pool";

/**
 * Every uploaded file is read here, in a worker thread with a heap limit and a deadline (upload/pool.ts),
 * by readers that read sparsely within limits sized to the layout (xlsx/sparse-xlsx.ts).
 */
/** `owner` (the uploading account) may have one file reading at a time; the CLI passes none. */
export const readTable = (input: TableInput, spec: readonly FieldSpec[], owner?: string): Promise<RawTable> =>
  uploadPool.run({ op: "table", input, spec }, owner);

export const readGoalWorkbook = (bytes: Buffer, owner?: string): Promise<GoalSheetRead[]> =>
  uploadPool.run({ op: "goal-workbook", bytes }, owner);

/** Goal tables from other systems, in their own layouts, for checking only (goal-check-xlsx-read.ts). */
export const readOutsideGoalWorkbook = (bytes: Buffer, owner?: string): Promise<OutsideSheetRead[]> =>
  uploadPool.run({ op: "outside-goal-workbook", bytes }, owner);

export const readMonitoringWorkbook = (bytes: Buffer, owner?: string): Promise<MonitoringSheetRead[]> =>
  uploadPool.run({ op: "monitoring-workbook", bytes }, owner);

export const readSelfEvalWorkbook = (bytes: Buffer, owner?: string): Promise<SelfEvalSheetRead[]> =>
  uploadPool.run({ op: "selfeval-workbook", bytes }, owner);
