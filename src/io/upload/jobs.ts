import type { GoalSheetRead } from "../../core/goals/goal-sheet";
import type { OutsideSheetRead } from "../../core/goals/outside-check";
import type { FieldSpec } from "../../core/imports/spec";
import type { MonitoringSheetRead } from "../../core/monitoring/sheet";
import type { SelfEvalSheetRead } from "../../core/selfeval/sheet";
import { parseOutsideGoalWorkbook } from "../goal-check-xlsx-read";
import { parseGoalWorkbook } from "../goal-table-xlsx-read";
import { parseMonitoringWorkbook } from "../monitoring-xlsx-read";
import { parseTable, type RawTable, type TableInput } from "../read-table";
import { parseSelfEvalWorkbook } from "../selfeval-xlsx-read";

/** What a worker thread is asked to read (see pool.ts); everything here crosses threads by structured clone. */
export type UploadJob =
  | { op: "table"; input: TableInput; spec: readonly FieldSpec[] }
  | { op: "goal-workbook"; bytes: Uint8Array }
  | { op: "outside-goal-workbook"; bytes: Uint8Array }
  | { op: "monitoring-workbook"; bytes: Uint8Array }
  | { op: "selfeval-workbook"; bytes: Uint8Array };

export type UploadResult<J extends UploadJob> = J extends { op: "table" }
  ? RawTable
  : J extends { op: "goal-workbook" }
    ? GoalSheetRead[]
    : J extends { op: "outside-goal-workbook" }
      ? OutsideSheetRead[]
      : J extends { op: "monitoring-workbook" }
        ? MonitoringSheetRead[]
        : SelfEvalSheetRead[];

/** Buffers arrive in a worker as plain Uint8Arrays. */
const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

export async function runJob(job: UploadJob): Promise<unknown> {
  switch (job.op) {
    case "table":
      return parseTable({ ...job.input, bytes: asBuffer(job.input.bytes) }, job.spec);
    case "goal-workbook":
      return parseGoalWorkbook(asBuffer(job.bytes));
    case "outside-goal-workbook":
      return parseOutsideGoalWorkbook(asBuffer(job.bytes));
    case "monitoring-workbook":
      return parseMonitoringWorkbook(asBuffer(job.bytes));
    case "selfeval-workbook":
      return parseSelfEvalWorkbook(asBuffer(job.bytes));
  }
}
