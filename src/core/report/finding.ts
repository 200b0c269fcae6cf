/**
 * One thing the check (核对) found. `error`s block approval unless overridden with a reason; a `note` (a
 * distribution forced to 100%) is reported and does not block.
 */
export interface Finding {
  kind: "share" | "count-sum" | "amount-sum" | "data" | "twice" | "forced" | "missing";
  severity: "error" | "note";
  /** The sentence as printed, quoted in the finding. */
  sentence: string;
  /** The figure as printed ("7.21%") and as computed ("7.22%"). */
  printed: string;
  computed: string;
  /** The figure's key when recognised (data and twice findings). */
  figure?: string;
  message: string;
  /** Offset of the printed figure in the checked text. */
  at: number;
}
