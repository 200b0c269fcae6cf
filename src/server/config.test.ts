import { describe, expect, it } from "vitest";
import { parseTrustProxy } from "./config";

describe("JIXIAO_TRUST_PROXY", () => {
  it("reads nothing as no proxy, a number as hops and a list as the proxies' addresses", () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy("0")).toBe(false);
    expect(parseTrustProxy("1")).toBe(1);
    expect(parseTrustProxy("10.0.0.5, 10.1.0.0/16,::1")).toEqual(["10.0.0.5", "10.1.0.0/16", "::1"]);
  });

  it("refuses trusting everything and anything that is not an address, saying what to write", () => {
    expect(() => parseTrustProxy("true")).toThrow(/代理的层数/);
    expect(() => parseTrustProxy("10.0.0.5,proxy.local")).toThrow(/JIXIAO_TRUST_PROXY 无效/);
  });
});
