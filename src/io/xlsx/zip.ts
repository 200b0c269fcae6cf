import { inflateRawSync } from "node:zlib";
import { AppError } from "../../core/errors";

/**
 * A minimal zip reader for uploaded xlsx files. Sizes a file declares are never trusted: each part is
 * inflated with a cap on its real output (zlib's maxOutputLength stops the inflation as soon as the
 * output passes it), and every part read counts against one budget for the whole file.
 */

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10}MB`;
const corrupt = (reason: string) =>
  new AppError(
    "validation",
    "IMPORT_UNREADABLE",
    "无法打开 Excel 文件：文件已损坏，或不是 .xlsx 格式（请在 Excel 中另存为 .xlsx 后再导入）",
    { reason },
  );

export class ZipArchive {
  private readonly entries = new Map<string, ZipEntry>();
  private inflated = 0;

  /**
   * @param budget the most bytes all parts read from this file may inflate to, together
   * @param maxEntries the most parts the file may hold (each sheet is a part, plus a few)
   */
  constructor(
    private readonly bytes: Buffer,
    private readonly budget: number,
    maxEntries: number,
  ) {
    const b = bytes;
    let eocd = -1;
    for (let i = b.length - 22, from = Math.max(0, b.length - 65_557); i >= from; i--) {
      if (b.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd === -1) throw corrupt("no end of central directory");
    const count = b.readUInt16LE(eocd + 10);
    const offset = b.readUInt32LE(eocd + 16);
    if (count === 0xffff || offset === 0xffffffff) throw corrupt("zip64 is not supported");
    if (count > maxEntries)
      throw new AppError(
        "too_large",
        "IMPORT_FILE_TOO_LARGE",
        `Excel 文件由 ${count} 个部件组成，超过上限 ${maxEntries} 个（工作表过多），请拆分后分批导入`,
        { entries: count, limit: maxEntries },
      );
    let p = offset;
    for (let n = 0; n < count; n++) {
      if (p + 46 > b.length || b.readUInt32LE(p) !== 0x02014b50) throw corrupt("bad central directory");
      const flags = b.readUInt16LE(p + 8);
      const nameLength = b.readUInt16LE(p + 28);
      const end = p + 46 + nameLength;
      if (end > b.length) throw corrupt("bad entry name");
      const name = b.toString("utf8", p + 46, end).replace(/^\/+/, "");
      if (flags & 1)
        throw new AppError(
          "validation",
          "IMPORT_UNREADABLE",
          "Excel 文件设置了打开密码（已加密），请在 Excel 中取消密码后再导入",
        );
      this.entries.set(name.toLowerCase(), {
        name,
        method: b.readUInt16LE(p + 10),
        compressedSize: b.readUInt32LE(p + 20),
        localOffset: b.readUInt32LE(p + 42),
      });
      p = end + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
    }
  }

  has(name: string): boolean {
    return this.entries.has(name.replace(/^\/+/, "").toLowerCase());
  }

  /** The part's bytes, inflated within what is left of the budget; null when the file has no such part. */
  read(name: string): Buffer | null {
    const entry = this.entries.get(name.replace(/^\/+/, "").toLowerCase());
    if (!entry) return null;
    const b = this.bytes;
    const at = entry.localOffset;
    if (at + 30 > b.length || b.readUInt32LE(at) !== 0x04034b50) throw corrupt(`bad local header: ${entry.name}`);
    const start = at + 30 + b.readUInt16LE(at + 26) + b.readUInt16LE(at + 28);
    const end = start + entry.compressedSize;
    if (end > b.length) throw corrupt(`truncated part: ${entry.name}`);
    const data = b.subarray(start, end);
    const left = this.budget - this.inflated;
    let out: Buffer;
    if (entry.method === 0) {
      if (data.length > left) throw this.overBudget();
      out = data;
    } else if (entry.method === 8) {
      try {
        out = inflateRawSync(data, { maxOutputLength: Math.max(1, left) });
      } catch (e) {
        if ((e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" || e instanceof RangeError)
          throw this.overBudget();
        throw corrupt(`${entry.name}: ${e instanceof Error ? e.message : String(e)}`);
      }
    } else throw corrupt(`compression method ${entry.method}`);
    this.inflated += out.length;
    if (this.inflated > this.budget) throw this.overBudget();
    return out;
  }

  /** The part as text (xlsx parts are UTF-8 XML). */
  text(name: string): string | null {
    return this.read(name)?.toString("utf8") ?? null;
  }

  private overBudget() {
    return new AppError(
      "too_large",
      "IMPORT_FILE_TOO_LARGE",
      `Excel 文件解压后超过${mb(this.budget)}，超出了可导入的范围，请删除无关内容或拆分后分批导入`,
      { limit: this.budget },
    );
  }
}
