import { describe, expect, it } from "vitest";
import { dateInChina, yearInChina } from "./calendar";

describe("the calendar in China", () => {
  it("turns the year at midnight in Beijing, not in UTC or the server's zone", () => {
    expect(yearInChina(new Date("2024-12-31T15:59:59Z"))).toBe(2024);
    expect(yearInChina(new Date("2024-12-31T16:00:00Z"))).toBe(2025);
    expect(dateInChina(new Date("2024-12-31T16:30:00Z"))).toBe("2025-01-01");
    expect(dateInChina(new Date("2025-06-30T15:00:00Z"))).toBe("2025-06-30");
  });
});
