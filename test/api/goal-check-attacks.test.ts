import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_UPLOAD_BYTES } from "../../src/core/imports/spec";
import { WELL_FORMED, workbook } from "../../src/io/goal-check-samples";
import { type TestApp, testApp } from "../support/app";
import { bombXlsx, craftXlsx, workbookParts, zipOf } from "../support/crafted-xlsx";

/**
 * 检查外来目标表 as a hostile or careless user sends it: files crafted to be tiny on disk and huge once
 * read or answered, values no form should hold, requests without a file or with two, roles and headers
 * that should not matter, and uploads at once. The server must stay up and answering, refuse in Chinese
 * naming the sheet and cell, and store nothing.
 */
let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const URL = "/api/v1/goals/check-workbook";
const MB = 1024 * 1024;
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

const post = (cookie: string | null, url: string, bytes: Buffer, headers: Record<string, string> = {}) =>
  t.as(cookie, "POST", url, bytes, { "content-type": "application/octet-stream", ...headers });
const health = async () => (await t.as(null, "GET", "/api/health")).statusCode;

/** Every row of every table but sessions, one digest per table (as in goal-check-workbook.test.ts). */
async function everyTable(): Promise<Record<string, string>> {
  const names = (await t.db.orm.execute(
    sql`select table_name as name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not in ('sessions')
        order by 1`,
  )) as unknown as { rows: { name: string }[] };
  const out: Record<string, string> = {};
  for (const { name } of names.rows) {
    const r = (await t.db.orm.execute(
      sql.raw(
        `select count(*)::text || ':' || coalesce(md5(string_agg(x::text, ',' order by x::text)), '') as d from "${name}" x`,
      ),
    )) as unknown as { rows: { d: string }[] };
    out[name] = r.rows[0]!.d;
  }
  return out;
}

/**
 * A workbook of `sheets` identical sheets whose cells all point at shared strings: `rows` is the sheet
 * XML's rows after its header (written without addresses, so each costs a few dozen bytes). Returns the
 * bytes; the sheet XML is the same part content for every sheet.
 */
function sharedBook(sheets: number, strings: readonly string[], sheetRows: string): Buffer {
  const parts = workbookParts(Array.from({ length: sheets }, (_, i) => ({ name: `表${i + 1}`, cells: [] })));
  const xml = Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>${sheetRows}</sheetData></worksheet>`,
  );
  for (const p of parts) if (p.name.startsWith("xl/worksheets/")) p.data = xml;
  parts.push({
    name: "xl/sharedStrings.xml",
    data: Buffer.from(`<sst ${NS}>${strings.map((s) => `<si><t>${s}</t></si>`).join("")}</sst>`),
  });
  return zipOf(parts);
}
const s = (i: number) => `<c t="s"><v>${i}</v></c>`;

/**
 * A grid of `rows` indicators whose 一级/二级指标 of `levelChars` characters are written once, on the
 * first indicator row: the reader carries a blank level cell down from the row above.
 */
function inheritedLevels(sheets: number, rows: number, levelChars: number): Buffer {
  const strings = [
    "一级指标",
    "二级指标",
    "三级指标",
    "指标值",
    "产".repeat(levelChars),
    "数".repeat(levelChars),
    "名",
    "≥90",
  ];
  let body = `<row r="1">${s(0)}${s(1)}${s(2)}${s(3)}</row><row r="2">${s(4)}${s(5)}${s(6)}${s(7)}</row>`;
  for (let r = 3; r <= rows + 1; r++) body += `<row><c/><c/>${s(6)}${s(7)}</row>`;
  return sharedBook(sheets, strings, body);
}

/** `rows` short indicators per sheet (name, target, level under headers 三级指标 | 指标值 | 一级指标). */
function manyIndicators(sheets: number, rows: number): Buffer {
  let body = `<row r="1">${s(0)}${s(1)}${s(2)}</row>`;
  for (let r = 2; r <= rows; r++) body += `<row>${s(3)}${s(4)}</row>`;
  return sharedBook(sheets, ["三级指标", "指标值", "一级指标", "指标甲", "≥90%"], body);
}

/** A sheet with the given XML inside <sheetData> (and after it), for cells the crafted helper does not write. */
function rawSheet(name: string, sheetData: string, after = ""): Buffer {
  const parts = workbookParts([{ name, cells: [] }]);
  parts.find((p) => p.name.startsWith("xl/worksheets/"))!.data = Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>${sheetData}</sheetData>${after}</worksheet>`,
  );
  return zipOf(parts);
}
const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

/** The longest event-loop stall while `run` runs, in ms: the largest gap between ticks of a 10 ms timer. */
async function stallDuring<T>(run: () => Promise<T>): Promise<{ result: T; stallMs: number }> {
  let last = performance.now();
  let stallMs = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 10);
  try {
    const result = await run();
    return { result, stallMs: Math.max(stallMs, performance.now() - last) };
  } finally {
    clearInterval(tick);
  }
}

/** A multipart body with the given parts (files when a filename is given). */
function multipart(parts: readonly { name: string; filename?: string; content: Buffer | string }[]) {
  const boundary = "----jixiao-attack";
  const body = Buffer.concat([
    ...parts.flatMap((p) => [
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${p.filename ? `; filename="${p.filename}"` : ""}\r\n${p.filename ? "Content-Type: application/octet-stream\r\n" : ""}\r\n`,
      ),
      Buffer.isBuffer(p.content) ? p.content : Buffer.from(p.content),
      Buffer.from("\r\n"),
    ]),
    Buffer.from(`--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

// ---------------------------------------------------------------------------------------------------------
// Problems the review found: each is now refused (413) or bounded, and the test holds it so.
// ---------------------------------------------------------------------------------------------------------

describe("检查外来目标表 under attack: what the review found", () => {
  it("does not turn a 3 KB workbook into a 100 MB answer by carrying long level names down 2,000 rows", async () => {
    // 2,000-character 一级/二级指标 written once: the text budget counts them once, but every indicator
    // below inherits them and every finding's message quotes them (〜9 KB of answer per 40 bytes of file).
    const bytes = inheritedLevels(1, 1_999, 2_000);
    expect(bytes.length).toBeLessThan(4 * 1024);
    const finance = await t.login("finance");
    const res = await post(finance, URL, bytes);
    expect([200, 413]).toContain(res.statusCode);
    expect(res.rawPayload.length, `answer of ${(res.rawPayload.length / MB).toFixed(0)} MB`).toBeLessThan(10 * MB);
    expect(await health()).toBe(200);
  });

  it("does not answer a 4 KB workbook with an internal error (the answer grows past what a string can hold)", async () => {
    // Three such sheets with 12,000-character levels: over 600 million characters of findings, built
    // on the server's own thread; JSON cannot hold them and the request fails as a 500 after seconds of
    // blocking (a few more sheets, within every reading limit, exhaust the server's memory instead).
    const bytes = inheritedLevels(3, 1_999, 12_000);
    expect(bytes.length).toBeLessThan(5 * 1024);
    const res = await post(await t.login("staff"), URL, bytes);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(413);
    expect(res.json().error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(await health()).toBe(200);
  }, 120_000);

  it("does not stall the server for seconds checking a 33 KB workbook of 100,000 indicators", async () => {
    // Reading happens in the upload worker; the check, the copy back and the answer (78 MB) run on the
    // thread that serves every other request.
    const bytes = manyIndicators(50, 2_000);
    expect(bytes.length).toBeLessThan(40 * 1024);
    const dept = await t.login("dept");
    const { result: res, stallMs } = await stallDuring(() => post(dept, URL, bytes));
    expect([200, 413]).toContain(res.statusCode);
    expect(
      stallMs,
      `event loop stalled ${Math.round(stallMs)} ms (answer of ${(res.rawPayload.length / MB).toFixed(0)} MB)`,
    ).toBeLessThan(1_000);
  }, 120_000);

  it("repeats a long 年度目标 once per project of a 井研-style grid, not once per row sent", async () => {
    // One 30,000-character goal above a grid naming 1,900 projects: each project's table carries it.
    const strings = [
      "年度目标",
      "目".repeat(30_000),
      "项目名称",
      "一级指标",
      "三级指标",
      "指标值",
      "产出指标",
      "名",
      "≥1个",
    ];
    let body = `<row r="1">${s(0)}${s(1)}</row><row r="2">${s(2)}${s(3)}${s(4)}${s(5)}</row>`;
    for (let r = 3; r <= 1_902; r++) body += `<row>${inline(`A${r}`, `项目${r}`)}${s(6)}${s(7)}${s(8)}</row>`;
    const bytes = sharedBook(1, strings, body);
    expect(bytes.length).toBeLessThan(30 * 1024);
    const res = await post(await t.login("firm"), URL, bytes);
    expect([200, 413]).toContain(res.statusCode);
    expect(res.rawPayload.length, `answer of ${(res.rawPayload.length / MB).toFixed(0)} MB`).toBeLessThan(20 * MB);
  }, 60_000);

  it("writes no finding longer than an Excel cell holds into the findings workbook", async () => {
    // A level name of 20,000 characters is a valid cell; the finding quoting it with its 二级指标 is not.
    const bytes = rawSheet(
      "长层级",
      `<row r="1">${inline("A1", "一级指标")}${inline("B1", "二级指标")}${inline("C1", "三级指标")}${inline("D1", "指标值")}</row>` +
        `<row r="2">${inline("A2", "产".repeat(20_000))}${inline("B2", "数".repeat(20_000))}${inline("C2", "名")}${inline("D2", "≥1个")}</row>`,
    );
    const res = await post(await t.login("finance"), `${URL}/findings.xlsx`, bytes);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as Parameters<typeof wb.xlsx.load>[0]);
    let longest = 0;
    let where = "";
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          const n = String(cell.value ?? "").length;
          if (n > longest) [longest, where] = [n, `${ws.name}!${cell.address}`];
        }),
      ),
    );
    expect(longest, `${where} holds ${longest} characters`).toBeLessThanOrEqual(32_767);
  });

  it("flags a target cell holding an Excel error or a number it cannot read, instead of passing it as qualitative", async () => {
    const cells = [
      ["D3", `<c r="D3" t="e"><f>1/0</f><v>#DIV/0!</v></c>`],
      ["D4", `<c r="D4"><v>1e21</v></c>`],
      ["D5", `<c r="D5"><v>12345678901234567</v></c>`],
      ["D6", `<c r="D6"><v>0.0000001</v></c>`],
    ] as const;
    const rows = cells
      .map(([ref, c], i) => {
        const r = Number(ref.slice(1));
        return `<row r="${r}">${inline(`A${r}`, "产出指标")}${inline(`B${r}`, "数量指标")}${inline(`C${r}`, `指标${i}`)}${c}${inline(`E${r}`, "个")}</row>`;
      })
      .join("");
    const bytes = rawSheet(
      "取值",
      `<row r="2">${inline("A2", "一级指标")}${inline("B2", "二级指标")}${inline("C2", "三级指标")}${inline("D2", "指标值")}${inline("E2", "度量单位")}</row>${rows}`,
    );
    const res = await post(await t.login("finance"), URL, bytes);
    expect(res.statusCode).toBe(200);
    const table = res.json().sheets[0].tables[0];
    const flagged = new Set([
      ...table.findings.map((f: { cell: string | null }) => f.cell),
      ...res.json().sheets[0].issues.map((i: { cell: string | null }) => i.cell),
    ]);
    // Today: read as the qualitative targets "#DIV/0!", "1e+21", "12345678901234568" and "1e-7", no finding.
    expect(cells.map(([ref]) => ref).filter((ref) => !flagged.has(ref))).toEqual([]);
  });

  it("names the sheet when it refuses overlapping merged ranges", async () => {
    const bytes = craftXlsx([
      {
        name: "重叠合并",
        cells: [
          ["A1", "一级指标"],
          ["B1", "三级指标"],
          ["C1", "指标值"],
        ],
        merges: Array.from({ length: 3 }, () => "A1:AN2000"),
      },
    ]);
    const res = await post(await t.login("finance"), URL, bytes);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain("重叠合并");
  });
});

// ---------------------------------------------------------------------------------------------------------
// Defended from the start: these should keep passing.
// ---------------------------------------------------------------------------------------------------------

describe("检查外来目标表 under attack: defended", () => {
  it("refuses a zip bomb by what it really inflates to, naming the limit, and keeps answering", async () => {
    const bomb = await bombXlsx(256 * MB, 1000);
    expect(bomb.length).toBeLessThan(MB);
    const [res, alive] = await Promise.all([post(await t.login("finance"), URL, bomb), health()]);
    expect([res.statusCode, res.json().error.code]).toEqual([413, "IMPORT_FILE_TOO_LARGE"]);
    expect(res.json().error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(alive).toBe(200);
  });

  it("refuses content past row 2,000 or column AN, naming the sheet and cell; 40 columns are read", async () => {
    const finance = await t.login("finance");
    const far = await post(
      finance,
      URL,
      craftXlsx([
        {
          name: "百万行",
          cells: [
            ["A1", "一级指标"],
            ["A1000000", "x"],
          ],
        },
      ]),
    );
    expect([far.statusCode, far.json().error.code]).toEqual([413, "IMPORT_SHEET_TOO_LARGE"]);
    expect(far.json().error.message).toContain("工作表“百万行”的单元格 A1000000");
    const wide = await post(
      finance,
      URL,
      craftXlsx([
        {
          name: "宽表",
          cells: [
            ["A1", "一级指标"],
            ["AO1", "x"],
          ],
        },
      ]),
    );
    expect(wide.json().error.message).toContain("工作表“宽表”的单元格 AO1");
    // The grid in the last columns allowed (AK–AN), the first 36 columns filled with notes.
    const cells: [string, string][] = [
      ["AK1", "一级指标"],
      ["AL1", "二级指标"],
      ["AM1", "三级指标"],
      ["AN1", "指标值"],
      ["AK2", "产出指标"],
      ["AL2", "数量指标"],
      ["AM2", "培训人数"],
      ["AN2", "≥100人"],
    ];
    for (let c = 0; c < 26; c++) cells.push([`${String.fromCharCode(65 + c)}3`, "备注"]);
    const forty = await post(finance, URL, craftXlsx([{ name: "四十列", cells }]));
    expect(forty.statusCode, forty.body.slice(0, 300)).toBe(200);
    expect(forty.json().sheets[0].tables[0].table.indicators[0]).toMatchObject({ name: "培训人数", target: "100" });
  });

  it("reads the first 2,000 characters of a 32,767-character 年度目标, says so at its cell, and refuses one character more", async () => {
    const finance = await t.login("finance");
    const sheet = (goal: string) =>
      rawSheet(
        "长目标",
        `<row r="1">${inline("A1", "年度目标")}${inline("B1", goal)}</row>` +
          `<row r="2">${inline("A2", "一级指标")}${inline("B2", "二级指标")}${inline("C2", "三级指标")}${inline("D2", "指标值")}</row>` +
          `<row r="3">${inline("A3", "产出指标")}${inline("B3", "数量指标")}${inline("C3", "培训人数")}${inline("D3", "≥100人")}</row>`,
      );
    const ok = await post(finance, URL, sheet("标".repeat(32_767)));
    expect(ok.statusCode).toBe(200);
    expect(ok.json().sheets[0].tables[0].table.overallGoal).toHaveLength(2_000);
    expect(ok.json().sheets[0].issues).toContainEqual(
      expect.objectContaining({
        code: "GOAL_CHECK_TOO_LONG",
        cell: "B1",
        message: expect.stringContaining("有 32767 个字，超过 2000 个字，只检查前 2000 个字"),
      }),
    );
    const over = await post(finance, URL, sheet("标".repeat(32_768)));
    expect([over.statusCode, over.json().error.code]).toEqual([413, "IMPORT_CELL_TOO_LONG"]);
    expect(over.json().error.message).toContain("工作表“长目标”的单元格 B1");
  });

  it("refuses more than 1,100 sheets, entity expansion, an .xls, a PDF, an empty file and 10 MB, in Chinese", async () => {
    const finance = await t.login("finance");
    const many = craftXlsx(Array.from({ length: 1_101 }, (_, i) => ({ name: `S${i}`, cells: [["A1", "x"]] })));
    const laughs = rawSheet("实体", `<row r="1">${inline("A1", "&lol9;")}</row>`);
    const withDtd = zipOf(
      workbookParts([{ name: "实体", cells: [] }]).map((p) =>
        p.name.startsWith("xl/worksheets/")
          ? {
              name: p.name,
              data: Buffer.from(
                `<?xml version="1.0"?><!DOCTYPE w [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ""};`.repeat(10)}">`).join("")}]><worksheet ${NS}><sheetData><row r="1">${inline("A1", "&lol9;")}</row></sheetData></worksheet>`,
              ),
            }
          : p,
      ),
    );
    const ole = Buffer.alloc(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    const cases: [string, Buffer, number, string, string][] = [
      ["1101 sheets", many, 413, "IMPORT_FILE_TOO_LARGE", "1101 个工作表，超过上限 1100 个"],
      ["undefined entity", laughs, 400, "IMPORT_UNREADABLE", "文件已损坏"],
      ["billion laughs", withDtd, 400, "IMPORT_UNREADABLE", "文件已损坏"],
      ["xls", ole, 400, "IMPORT_UNREADABLE", "不支持 Excel 97-2003 格式（.xls）"],
      ["pdf", pdf, 400, "IMPORT_UNREADABLE", "文件不是 Excel（.xlsx）工作簿"],
    ];
    for (const [label, bytes, status, code, message] of cases) {
      const res = await post(finance, URL, bytes);
      expect([label, res.statusCode, res.json().error.code]).toEqual([label, status, code]);
      expect(res.json().error.message, label).toContain(message);
    }
    const empty = await t.upload(finance, URL, Buffer.alloc(0), "空.xlsx");
    expect([empty.statusCode, empty.json().error.code]).toEqual([400, "IMPORT_EMPTY_FILE"]);
    expect(empty.json().error.message).toContain("文件是空的");
    const huge = await post(finance, URL, Buffer.alloc(MAX_UPLOAD_BYTES + 1));
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(await health()).toBe(200);
  });

  it("reads a repeated header row as a second grid it does not read, naming the row", async () => {
    const bytes = craftXlsx([
      {
        name: "两个表头",
        cells: [
          ["A1", "一级指标"],
          ["B1", "二级指标"],
          ["C1", "三级指标"],
          ["D1", "指标值"],
          ["A2", "产出指标"],
          ["B2", "数量指标"],
          ["C2", "培训人数"],
          ["D2", "≥100人"],
          ["A3", "一级指标"],
          ["B3", "二级指标"],
          ["C3", "三级指标"],
          ["D3", "指标值"],
          ["A4", "产出指标"],
          ["B4", "数量指标"],
          ["C4", "未读"],
          ["D4", "≥1人"],
        ],
      },
    ]);
    const res = await post(await t.login("finance"), URL, bytes);
    expect(res.statusCode).toBe(200);
    const sheet = res.json().sheets[0];
    expect(sheet.tables[0].table.indicators.map((i: { name: string }) => i.name)).toEqual(["培训人数"]);
    expect(sheet.issues).toContainEqual(
      expect.objectContaining({
        code: "GOAL_CHECK_SECOND_GRID",
        message: expect.stringContaining("第3行又有一个指标表头"),
      }),
    );
  });

  it("reads odd targets as a reviewer would: full-width digits, 1e308 and NaN are no numbers", async () => {
    const targets = ["１２３％", "≥1e308%", "-0", "NaN"];
    const cells: [string, string][] = [
      ["A1", "一级指标"],
      ["B1", "二级指标"],
      ["C1", "三级指标"],
      ["D1", "指标值"],
    ];
    targets.forEach((v, i) => {
      const r = i + 2;
      cells.push([`A${r}`, "产出指标"], [`B${r}`, "质量指标"], [`C${r}`, `指标${i}`], [`D${r}`, v]);
    });
    const res = await post(await t.login("finance"), URL, craftXlsx([{ name: "取值", cells }]));
    expect(res.statusCode).toBe(200);
    const table = res.json().sheets[0].tables[0];
    expect(table.table.indicators.map((i: { target: string; unit: string | null }) => [i.target, i.unit])).toEqual([
      ["123", "%"],
      ["1e308%", null],
      ["0", null],
      ["NaN", null],
    ]);
    expect(table.findings).toContainEqual(
      expect.objectContaining({
        code: "GOAL_TARGET_NOT_NUMBER",
        cell: "D3",
        message: expect.stringContaining("1e308%"),
      }),
    );
  });

  it("answers a request without a file, with two files, or of another content type clearly, in Chinese", async () => {
    const finance = await t.login("finance");
    const good = await workbook(WELL_FORMED);
    const noFile = multipart([{ name: "note", content: "没有文件" }]);
    const r1 = await t.as(finance, "POST", URL, noFile.body, { "content-type": noFile.contentType });
    expect([r1.statusCode, r1.json().error.code]).toEqual([400, "IMPORT_EMPTY_FILE"]);
    expect(r1.json().error.message).toContain("没有收到文件");
    // Two files: the first is checked, and named in the answer.
    const two = multipart([
      { name: "file", filename: "第一个.xlsx", content: good },
      { name: "file", filename: "第二个.xlsx", content: Buffer.from("junk") },
    ]);
    const r2 = await t.as(finance, "POST", URL, two.body, { "content-type": two.contentType });
    expect(r2.statusCode, r2.body.slice(0, 300)).toBe(200);
    expect(r2.json().fileName).toBe("第一个.xlsx");
    const xml = await t.as(finance, "POST", URL, good, { "content-type": "application/xml" });
    expect([xml.statusCode, xml.json().error.message]).toEqual([415, "不支持的内容类型"]);
    const year = await post(finance, `${URL}?year=1999`, good);
    expect(year.statusCode).toBe(400);
    expect(year.json().error.message).toContain("年度须在 2000–2100 之间");
    expect(await health()).toBe(200);
  });

  it("keeps to its roles whatever the headers say, and stores nothing, not even an audit entry", async () => {
    // Signing in writes (audit, throttle, last login): every account signs in before the digest.
    const [unit, auditor, firm] = [await t.login("unit"), await t.login("auditor"), await t.login("firm")];
    const before = await everyTable();
    const good = await workbook(WELL_FORMED);
    const forged = {
      "x-forwarded-for": "10.0.0.1",
      "x-real-ip": "10.0.0.1",
      "x-region-code": "999999",
      "x-role": "finance_admin",
      "x-user-id": "1",
    };
    const anonymous = await post(null, URL, good, forged);
    expect(anonymous.statusCode).toBe(401);
    for (const [who, cookie] of [
      ["unit", unit],
      ["auditor", auditor],
    ] as const) {
      const res = await post(cookie, URL, good, forged);
      expect([who, res.statusCode]).toEqual([who, 403]);
      const xlsx = await post(cookie, `${URL}/findings.xlsx`, good, forged);
      expect([who, xlsx.statusCode]).toEqual([who, 403]);
    }
    // The same answer with and without the forged headers: the rules are the session's region's.
    const plain = await post(firm, URL, good);
    const withHeaders = await post(firm, URL, good, forged);
    expect(withHeaders.statusCode).toBe(200);
    expect(withHeaders.json()).toEqual(plain.json());
    expect(await everyTable()).toEqual(before);
  });

  it("reads one file per account at a time (429 in Chinese) and queues several accounts' files", async () => {
    const good = await workbook(WELL_FORMED);
    const staff = await t.login("staff");
    const twice = await Promise.all([post(staff, URL, good), post(staff, URL, good)]);
    expect(twice.map((r) => r.statusCode).sort()).toEqual([200, 429]);
    const refused = twice.find((r) => r.statusCode === 429)!;
    expect(refused.json().error.code).toBe("UPLOAD_IN_PROGRESS");
    expect(refused.json().error.message).toContain("上一个文件还在读取");
    const all = await Promise.all(
      ["finance", "staff", "dept", "firm", "expert"].map(async (who) => post(await t.login(who), URL, good)),
    );
    expect(all.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    expect(await health()).toBe(200);
  });
});
