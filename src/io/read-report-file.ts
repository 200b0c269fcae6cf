import JSZip from "jszip";
import { AppError } from "../core/errors";

const MAX_BYTES = 20 * 1024 * 1024;
const MAX_XML = 50 * 1024 * 1024;

const fromXml = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, "&");

/** word/document.xml's paragraphs as lines: the text of each w:p's w:t runs, tabs and breaks as spaces. */
function docxText(xml: string): string {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g)]
    .map((p) =>
      [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:(?:tab|br)\/>/g)].map((m) => fromXml(m[1] ?? " ")).join(""),
    )
    .join("\n");
}

/** Markdown as the text a reader sees: no heading marks, emphasis or escapes. */
const markdownText = (md: string) =>
  md
    .split("\n")
    .map((l) =>
      l
        .replace(/^\s{0,3}#{1,6}\s+/, "")
        .replace(/\*\*|__/g, "")
        .replace(/\\([\\`*_[\]<>#])/g, "$1"),
    )
    .join("\n");

/**
 * A report written outside the system, as text: .docx (its paragraphs), .md, or .txt (UTF-8, or GB18030 as
 * Chinese Windows saves it). Anything else, or a broken file, is refused with its name.
 */
export async function readReportFile(name: string, data: Buffer): Promise<string> {
  const bad = (why: string) => new AppError("validation", "REPORT_FILE_UNREADABLE", `无法读取“${name}”：${why}`);
  if (data.length > MAX_BYTES) throw bad(`文件超过 ${MAX_BYTES / 1024 / 1024} MB`);
  const ext = name.toLowerCase().match(/\.(docx|md|markdown|txt)$/)?.[1];
  if (!ext) throw bad("只支持 .docx、.md 和 .txt 文件");
  if (ext === "docx") {
    let zip: JSZip;
    try {
      zip = await JSZip.loadAsync(data);
    } catch {
      throw bad("不是有效的 Word（.docx）文件");
    }
    const part = zip.file("word/document.xml");
    if (!part) throw bad("Word 文件中没有正文（word/document.xml）");
    const size = (part as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
    if (size > MAX_XML) throw bad("正文过大");
    return docxText(await part.async("string"));
  }
  const utf8 = new TextDecoder("utf-8", { fatal: true });
  let text: string;
  try {
    text = utf8.decode(data);
  } catch {
    text = new TextDecoder("gb18030").decode(data);
  }
  text = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  return ext === "txt" ? text : markdownText(text);
}
