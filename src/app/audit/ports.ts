import type { AuditFields } from "../../core/audit-chain";

/** Ports of the hash-chained audit log. src/db implements them. */

export interface AuditEntry extends AuditFields {
  id: number;
}

export interface AuditFilter {
  regionCode?: string | undefined;
  entity?: string | undefined;
  /** Any of these entities (e.g. a project and its execution), instead of `entity`. */
  entities?: readonly string[] | undefined;
  entityId?: string | undefined;
  actor?: string | undefined;
  action?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  /** Leave out sign-ins and sign-outs (SESSION_ACTIONS), which outnumber the changes. */
  hideLogins?: boolean | undefined;
}

/** The actions that record a session, not a change of data: hidden by `hideLogins`. */
export const SESSION_ACTIONS = ["login", "logout"] as const;

export interface AuditRepo {
  /** Appends entries to the hash chain, inside the caller's transaction. */
  append(entries: readonly AuditFields[]): Promise<void>;
  /** A page of the entries that match, newest first, among those up to `upTo` (an id). */
  page(filter: AuditFilter, upTo: number, page: number, pageSize: number): Promise<AuditEntry[]>;
  /** How many entries match with `after` < id ≤ `upTo`. */
  count(filter: AuditFilter, after: number, upTo: number): Promise<number>;
  /** The id of the newest entry (0 when the log is empty): the log only grows, so it stamps any count. */
  lastId(): Promise<number>;
  /** Every entry in id order with its links, for verification. */
  chain(): AsyncIterable<(AuditFields & { id: number; prevHash: string; hash: string })[]>;
}
