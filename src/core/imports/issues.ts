import type { ImportIssue } from "./rows";
import type { FieldSpec } from "./spec";

/** A row under validation: the values that parsed, by field key (a failed cell stays undefined). */
export interface ParsedRow {
  rowNumber: number;
  values: Record<string, unknown>;
  /** Set as soon as any issue names the row: it will not be returned as a typed row. */
  failed: boolean;
}

/** Collects issues with the row/column wording a clerk can act on, and marks the rows they name. */
export class IssueSink {
  readonly issues: ImportIssue[] = [];
  private readonly order = new Map<string, number>();
  private readonly headers = new Map<string, string>();

  constructor(spec: readonly FieldSpec[]) {
    spec.forEach((f, i) => {
      this.order.set(f.key, i);
      this.headers.set(f.key, f.header);
    });
  }

  header(key: string): string {
    return this.headers.get(key) ?? key;
  }

  add(row: ParsedRow, key: string | null, code: string, detail: string): void {
    row.failed = true;
    const column = key === null ? null : this.header(key);
    const where = column === null ? `第${row.rowNumber}行` : `第${row.rowNumber}行“${column}”`;
    this.issues.push({ row: row.rowNumber, column, field: key, code, message: `${where}：${detail}` });
  }

  /** By row, then by the column's position in the spec (row-level issues first); stable otherwise. */
  sorted(): ImportIssue[] {
    const pos = (i: ImportIssue) => (i.field === null ? -1 : (this.order.get(i.field) ?? -1));
    return this.issues.sort((a, b) => a.row - b.row || pos(a) - pos(b));
  }
}
