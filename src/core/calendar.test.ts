import { describe, expect, it } from "vitest";
import { dateInChina, isCalendarDate, yearInChina } from "./calendar";

describe("the calendar in China", () => {
  it("turns the year at midnight in Beijing, not in UTC or the server's zone", () => {
    expect(yearInChina(new Date("2024-12-31T15:59:59Z"))).toBe(2024);
    expect(yearInChina(new Date("2024-12-31T16:00:00Z"))).toBe(2025);
    expect(dateInChina(new Date("2024-12-31T16:30:00Z"))).toBe("2025-01-01");
    expect(dateInChina(new Date("2025-06-30T15:00:00Z"))).toBe("2025-06-30");
  });
});

describe("calendar dates", () => {
  it("accepts dates that exist and refuses the rest", () => {
    for (const ok of ["2024-02-29", "2025-12-31", "2000-01-01"]) expect(isCalendarDate(ok), ok).toBe(true);
    for (const bad of ["2023-02-29", "2024-13-45", "2024-04-31", "2024-3-5", "20240305", "", "2024-00-10"])
      expect(isCalendarDate(bad), bad).toBe(false);
  });
});
