import { describe, expect, it } from "vitest";
import { isVisitRecorded, visitSummary } from "./reviewData";

const visit = (over: Partial<Parameters<typeof isVisitRecorded>[0]> = {}) => ({
  reviewedOn: null,
  findings: "",
  guidance: "",
  tables: [],
  ...over,
});

describe("the on-site review record's summary", () => {
  it("counts a department as recorded once it has a date, findings or guidance (blank text is not)", () => {
    expect(isVisitRecorded(visit())).toBe(false);
    expect(isVisitRecorded(visit({ findings: "  \n " }))).toBe(false);
    expect(isVisitRecorded(visit({ reviewedOn: "2024-03-11" }))).toBe(true);
    expect(isVisitRecorded(visit({ findings: "定性指标偏多" }))).toBe(true);
    expect(isVisitRecorded(visit({ guidance: "细化产出指标" }))).toBe(true);
  });

  it("adds up departments, linked tables and those that acted on the guidance", () => {
    const summary = visitSummary([
      visit({ findings: "x", tables: [{ actedOn: true }, { actedOn: false }] }),
      visit({ tables: [{ actedOn: true }] }),
      visit(),
    ]);
    expect(summary).toEqual({ departments: 3, recorded: 1, tables: 3, actedOn: 2 });
    expect(visitSummary([])).toEqual({ departments: 0, recorded: 0, tables: 0, actedOn: 0 });
  });
});
