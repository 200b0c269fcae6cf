import { crc32, createDeflateRaw, deflateRawSync } from "node:zlib";

/**
 * Hand-made xlsx files for the hostile-input tests: a zip written byte by byte, so a test can put a
 * cell anywhere, declare sizes that lie, or pack a part that inflates to a gigabyte.
 */

export interface ZipPart {
  name: string;
  /** The part's bytes, deflated here; or already deflated (`deflated`) with the size it really inflates to. */
  data?: Buffer;
  deflated?: { bytes: Buffer; size: number; crc: number };
  /** The uncompressed size written in the headers (a lie when set). */
  declaredSize?: number;
}

export function zipOf(parts: readonly ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, "utf8");
    const packed = part.deflated ?? {
      bytes: deflateRawSync(part.data ?? Buffer.alloc(0)),
      size: (part.data ?? Buffer.alloc(0)).length,
      crc: crc32(part.data ?? Buffer.alloc(0)),
    };
    const size = part.declaredSize ?? packed.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.crc >>> 0, 14);
    local.writeUInt32LE(packed.bytes.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, packed.bytes);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(packed.crc >>> 0, 16);
    entry.writeUInt32LE(packed.bytes.length, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    offset += 30 + name.length + packed.bytes.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const xml = (s: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${s}`, "utf8");
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export interface CraftedSheet {
  name: string;
  /** [address, value]: strings are written inline, numbers as numbers. */
  cells: readonly (readonly [string, string | number])[];
  merges?: readonly string[];
}

/** The package parts of a workbook, for tests that replace or add one. */
export function workbookParts(sheets: readonly CraftedSheet[]): ZipPart[] {
  const parts: ZipPart[] = [
    {
      name: "[Content_Types].xml",
      data: xml(
        `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("")}</Types>`,
      ),
    },
    {
      name: "_rels/.rels",
      data: xml(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: "xl/workbook.xml",
      data: xml(
        `<workbook ${NS} xmlns:r="${REL}"><sheets>${sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>`,
      ),
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: xml(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("")}</Relationships>`,
      ),
    },
  ];
  sheets.forEach((s, i) => {
    const rows = new Map<number, string[]>();
    for (const [ref, value] of s.cells) {
      const row = Number(/\d+$/.exec(ref)![0]);
      const cell =
        typeof value === "number"
          ? `<c r="${ref}"><v>${value}</v></c>`
          : `<c r="${ref}" t="inlineStr"><is><t>${esc(value)}</t></is></c>`;
      rows.set(row, [...(rows.get(row) ?? []), cell]);
    }
    const data = [...rows.entries()]
      .sort(([a], [b]) => a - b)
      .map(([r, cells]) => `<row r="${r}">${cells.join("")}</row>`)
      .join("");
    const merges = s.merges?.length
      ? `<mergeCells count="${s.merges.length}">${s.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`
      : "";
    parts.push({
      name: `xl/worksheets/sheet${i + 1}.xml`,
      data: xml(`<worksheet ${NS}><sheetData>${data}</sheetData>${merges}</worksheet>`),
    });
  });
  return parts;
}

export const craftXlsx = (sheets: readonly CraftedSheet[]): Buffer => zipOf(workbookParts(sheets));

/**
 * A workbook whose only sheet inflates to `inflatedBytes` (blank space inside the sheet XML) while its
 * headers declare `declaredSize`: about 1 MB on disk per GiB inflated.
 */
export async function bombXlsx(inflatedBytes: number, declaredSize = 1000): Promise<Buffer> {
  const head = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>`);
  const tail = Buffer.from("</sheetData></worksheet>");
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  const deflater = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflater.on("data", (b: Buffer) => out.push(b));
  const done = new Promise((resolve) => deflater.on("end", resolve));
  let crc = crc32(head);
  deflater.write(head);
  let left = inflatedBytes - head.length - tail.length;
  while (left > 0) {
    const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
    crc = crc32(piece, crc);
    if (!deflater.write(piece)) await new Promise((resolve) => deflater.once("drain", resolve));
    left -= piece.length;
  }
  crc = crc32(tail, crc);
  deflater.end(tail);
  await done;
  const parts = workbookParts([{ name: "Sheet1", cells: [] }]);
  const sheet = parts.find((p) => p.name === "xl/worksheets/sheet1.xml")!;
  delete sheet.data;
  sheet.deflated = { bytes: Buffer.concat(out), size: inflatedBytes, crc };
  sheet.declaredSize = declaredSize;
  return zipOf(parts);
}

/**
 * A goal-table sheet whose indicator rows all point at one shared string in three columns: tiny on disk,
 * `rows × 3 × text.length` characters once read (the amplification an attacker would use).
 */
export function sharedStringGoalSheet(text: string, rows: number): Buffer {
  const head: [string, string][] = [
    ["A1", "测试项目绩效目标表（2024年度）"],
    ["A2", "指标体系版本：2024.1"],
    ["A3", "项目编码"],
    ["B3", "P0001"],
    ["A5", "一级指标"],
    ["B5", "二级指标"],
    ["C5", "三级指标"],
    ["D5", "指标性质"],
    ["E5", "运算符"],
    ["F5", "指标值"],
    ["G5", "度量单位"],
    ["H5", "权重（分）"],
    ["I5", "指标解释"],
  ];
  const parts = workbookParts([{ name: "S1", cells: head }]);
  const sheet = parts.find((p) => p.name === "xl/worksheets/sheet1.xml")!;
  let body = "";
  const inline = (ref: string, t: string) => `<c r="${ref}" t="inlineStr"><is><t>${t}</t></is></c>`;
  const shared = (ref: string) => `<c r="${ref}" t="s"><v>0</v></c>`;
  for (let r = 6; r < 6 + rows; r++)
    body += `<row r="${r}">${inline(`A${r}`, "产出指标")}${inline(`B${r}`, "数量指标")}${inline(`C${r}`, `n${r}`)}${inline(`D${r}`, "定量")}${inline(`E${r}`, "≥")}${shared(`F${r}`)}${shared(`G${r}`)}<c r="H${r}"><v>10</v></c>${shared(`I${r}`)}</row>`;
  sheet.data = Buffer.from(sheet.data!.toString().replace("</sheetData>", `${body}</sheetData>`));
  parts.push({
    name: "xl/sharedStrings.xml",
    data: Buffer.from(`<sst xmlns="${NS.slice(7, -1)}"><si><t>${text}</t></si></sst>`),
  });
  return zipOf(parts);
}
