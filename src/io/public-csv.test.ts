import { describe, expect, it } from "vitest";
import { neutralise, tableCsv } from "./public-csv";

describe("public CSV", () => {
  it("neutralises cells a spreadsheet would run as formulas, and leaves numbers alone", () => {
    expect(neutralise("=SUM(A1:A9)")).toBe("'=SUM(A1:A9)");
    expect(neutralise("+86 10 1234")).toBe("'+86 10 1234");
    expect(neutralise("@cmd")).toBe("'@cmd");
    expect(neutralise("\tx")).toBe("'\tx");
    expect(neutralise("-1+1")).toBe("'-1+1");
    expect(neutralise("-5.00")).toBe("-5.00");
    expect(neutralise("一小校舍维修")).toBe("一小校舍维修");
  });

  it("writes UTF-8 with a BOM, CRLF lines, quoted cells and amounts in exact 元", () => {
    const csv = tableCsv({
      key: "t",
      title: "表",
      columns: [
        { key: "name", title: "名称", type: "text" },
        { key: "budget", title: "预算数", type: "amount" },
        { key: "rate", title: "执行率", type: "percent" },
      ],
      rows: [
        { name: '含"引号",逗号', budget: 123_456_789, rate: "28.00" },
        { name: '=HYPERLINK("http://x")', budget: 0, rate: null },
      ],
    });
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split("\r\n")).toEqual([
      "名称,预算数（元）,执行率（%）",
      '"含""引号"",逗号",1234567.89,28.00',
      `"'=HYPERLINK(""http://x"")",0.00,`,
      "",
    ]);
  });
});
