import { describe, expect, it } from "vitest";
import { accountKey, clientNetwork, pairKey } from "./login-throttle";

describe("login throttle keys", () => {
  it("counts IPv4 addresses as they are, also when written IPv4-mapped", () => {
    expect(clientNetwork("203.0.113.7")).toBe("203.0.113.7");
    expect(clientNetwork("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(clientNetwork("::FFFF:203.0.113.7")).toBe("203.0.113.7");
  });

  it("counts an IPv6 host by its /64, however it is written", () => {
    const a = clientNetwork("2001:db8:1:2:aaaa::1");
    expect(a).toBe("2001:db8:1:2::/64");
    expect(clientNetwork("2001:0db8:0001:0002:ffff:ffff:ffff:ffff")).toBe(a);
    expect(clientNetwork("2001:db8:1:2::9%eth0")).toBe(a);
    expect(clientNetwork("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(clientNetwork("::1")).toBe("0:0:0:0::/64");
    expect(clientNetwork("2001:db8:1:3::1")).not.toBe(a);
  });

  it("keys names that NFKC blows up by their hash, so a key stays short", () => {
    const huge = "\uFDFA".repeat(60);
    expect(accountKey(huge).length).toBeLessThan(80);
    expect(accountKey(huge)).toBe(accountKey(`${huge} `));
    expect(pairKey("Auditor", "::ffff:10.0.0.1")).toBe("p:auditor@10.0.0.1");
  });
});
