import { describe, expect, it } from "vitest";
import { isAnswerable, isBlankText } from "./answerable";

describe("isAnswerable", () => {
  const returned = { id: 2, outcome: "returned" } as const;
  it("takes answers to the comments of the round that sent the record back, while it is editable", () => {
    expect(isAnswerable({ roundId: 2 }, returned, true)).toBe(true);
    expect(isAnswerable({ roundId: 2 }, returned, false)).toBe(false);
  });
  it("keeps the comments of earlier rounds, and of pending or approved rounds, as they were read", () => {
    expect(isAnswerable({ roundId: 1 }, returned, true)).toBe(false);
    expect(isAnswerable({ roundId: 2 }, { id: 2, outcome: "pending" }, true)).toBe(false);
    expect(isAnswerable({ roundId: 2 }, { id: 2, outcome: "approved" }, true)).toBe(false);
  });
  it("takes answers to comments older than the rounds only until the first round", () => {
    expect(isAnswerable({ roundId: null }, null, true)).toBe(true);
    expect(isAnswerable({ roundId: null }, returned, true)).toBe(false);
  });
});

describe("isBlankText", () => {
  it("sees no answer in spaces, zero-width characters and direction marks", () => {
    expect(isBlankText(" \u200b\u200c\u200d\u2060\u200e\u3000\n")).toBe(true);
    expect(isBlankText("已改")).toBe(false);
  });
});
