import type {
  DeptBudgetRow,
  DeptExecutionRow,
  ExecutionRow,
  ImportRowsByKind,
  OrgRow,
  ProjectRow,
  RequestRow,
} from "../../core/imports/rows";
import type { ImportKind } from "../../core/imports/spec";
import type { OrgKind } from "../../core/roles";

/** Ports of the budget system imports (预算数据导入). src/db implements them. */

/** What an import compares against: the current values, in the typed-row shape, by key. */
export interface ImportSnapshot<R> {
  byKey: Map<string, R>;
}

/** New and changed rows of one import, as the diff classified them. */
export interface RowsToWrite<R> {
  added: readonly R[];
  changed: readonly R[];
}

/** One committed import file (导入批次) as the history lists it. */
export interface ImportBatchRow {
  id: number;
  kind: string;
  fileName: string;
  sha256: string;
  /** Rows of the file: total, new, changed, unchanged (and examples skipped, when there were any). */
  counts: Record<string, number>;
  actorId: number | null;
  /** "姓名（用户名）", or null for the system (the demo loader, a deleted account). */
  actorName: string | null;
  at: string;
}

export interface ImportBatchQuery {
  kind?: string | undefined;
  order: "asc" | "desc";
  page: number;
  pageSize: number;
}

/** Bulk writes of an import, keyed by the budget system's codes. */
export interface ImportRepo {
  /** Every organisation with its kind as stored, its number of units, and whether data hangs on it. */
  snapshotOrgs(
    regionCode: string,
  ): Promise<Map<string, OrgRow & { kindInDb: OrgKind; children: number; inUse: boolean }>>;
  /**
   * Locks (FOR UPDATE, in id order) the stored rows an import of these rows may change, before its
   * snapshot is read: a concurrent writer of the same rows waits, so the snapshot (and each audit
   * "before") is what is really overwritten. New codes have no row to lock; their unique index refuses
   * the later of two writers.
   */
  lockKeys<K extends ImportKind>(
    regionCode: string,
    kind: K,
    fiscalYear: number,
    rows: readonly ImportRowsByKind[K][],
  ): Promise<void>;
  snapshotProjects(regionCode: string, fiscalYear: number): Promise<Map<string, ProjectRow>>;
  snapshotExecution(regionCode: string, fiscalYear: number): Promise<Map<string, ExecutionRow>>;
  snapshotDeptBudgets(regionCode: string, fiscalYear: number): Promise<Map<string, DeptBudgetRow>>;
  snapshotDeptExecution(regionCode: string, fiscalYear: number): Promise<Map<string, DeptExecutionRow>>;
  /** The budget year's requests, by project code. */
  snapshotRequests(regionCode: string, budgetYear: number): Promise<Map<string, RequestRow>>;
  writeOrgs(regionCode: string, rows: RowsToWrite<OrgRow>): Promise<void>;
  writeProjects(regionCode: string, rows: RowsToWrite<ProjectRow>): Promise<void>;
  writeExecution(regionCode: string, rows: RowsToWrite<ExecutionRow>): Promise<void>;
  writeDeptBudgets(regionCode: string, rows: RowsToWrite<DeptBudgetRow>): Promise<void>;
  writeDeptExecution(regionCode: string, rows: RowsToWrite<DeptExecutionRow>): Promise<void>;
  /** Requests, each on the project of the year before with its code; the batch is noted as their last writer. */
  writeRequests(regionCode: string, rows: RowsToWrite<RequestRow>, batchId: number): Promise<void>;
  recordBatch(batch: {
    regionCode: string;
    kind: string;
    fileName: string;
    sha256: string;
    counts: unknown;
    actorId: number | null;
  }): Promise<number>;
  /** A page of the region's committed imports by time, with how many match. */
  listBatches(regionCode: string, q: ImportBatchQuery): Promise<{ total: number; rows: ImportBatchRow[] }>;
  /** Committed batches and their rows in a calendar year (China time), for the annual report. */
  yearTotals(regionCode: string, year: number): Promise<{ batches: number; rows: number }>;
}
