import { describe, expect, it } from "vitest";
import { type ReviewStatus, sortReviews } from "./review";

const row = (
  code: string,
  department: string,
  budget: number,
  status: ReviewStatus,
  selfTotal: number | null,
  reviewTotal: number | null,
) => ({
  code,
  department: { code: department },
  budget,
  status,
  selfTotal,
  reviewTotal,
  difference: selfTotal !== null && reviewTotal !== null ? selfTotal - reviewTotal : null,
});

// In the list's own order: by department, its whole-budget form first.
const ROWS = [
  row("301", "301", 900, "confirmed", 95, 85),
  row("P301002A", "301", 50, "assigned", 88, null),
  row("P301001A", "301", 120, "submitted", 90, 90),
  row("P302001A", "302", 80, "unassigned", 70, null),
];
const codes = (rows: { code: string }[]) => rows.map((r) => r.code);

describe("sortReviews", () => {
  it("sorts by a column either way; ties keep the list's order", () => {
    expect(codes(sortReviews(ROWS, "budget", "desc"))).toEqual(["301", "P301001A", "P302001A", "P301002A"]);
    expect(codes(sortReviews(ROWS, "code", "asc"))).toEqual(["301", "P301001A", "P301002A", "P302001A"]);
    expect(codes(sortReviews(ROWS, "department", "desc"))).toEqual(["P302001A", "301", "P301002A", "P301001A"]);
    expect(codes(sortReviews(ROWS, "status", "asc"))).toEqual(["P302001A", "P301002A", "P301001A", "301"]);
  });

  it("puts the rows without a review score last, whichever the order", () => {
    expect(codes(sortReviews(ROWS, "reviewTotal", "asc"))).toEqual(["301", "P301001A", "P301002A", "P302001A"]);
    expect(codes(sortReviews(ROWS, "reviewTotal", "desc"))).toEqual(["P301001A", "301", "P301002A", "P302001A"]);
    expect(codes(sortReviews(ROWS, "difference", "desc"))).toEqual(["301", "P301001A", "P301002A", "P302001A"]);
  });

  it("leaves the rows given untouched", () => {
    const before = codes(ROWS);
    sortReviews(ROWS, "budget", "asc");
    expect(codes(ROWS)).toEqual(before);
  });
});
