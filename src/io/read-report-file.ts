import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
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

const runText = (p: string) =>
  [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:(?:tab|br)\/>/g)].map((m) => fromXml(m[1] ?? " ")).join("");

/**
 * word/document.xml's paragraphs as lines: the text of each w:p's w:t runs, tabs and breaks as spaces. Found by
 * walking the text once (a paragraph that never closes ends the walk), not by a pattern tried from every "<w:p".
 */
function docxText(xml: string): string {
  const lines: string[] = [];
  let at = 0;
  for (;;) {
    const start = xml.indexOf("<w:p", at);
    if (start < 0) break;
    const next = xml[start + 4];
    if (xml.startsWith("<w:p/>", start)) {
      lines.push("");
      at = start + 6;
    } else if (next === " " || next === ">") {
      const end = xml.indexOf("</w:p>", start);
      if (end < 0) break;
      lines.push(runText(xml.slice(start, end)));
      at = end + 6;
    } else at = start + 4;
  }
  return lines.join("\n");
}

/**
 * The part inflated as it streams, given up as soon as it grows past `max` bytes, whatever its header claims:
 * once nothing reads the stream, its back-pressure stops the inflating.
 */
function inflateAtMost(part: JSZip.JSZipObject, max: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stream = part.nodeStream("nodebuffer");
    stream
      .on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size <= max) chunks.push(chunk);
        else {
          stream.pause();
          stream.removeAllListeners("data");
          resolve(null);
        }
      })
      .on("error", reject)
      .on("end", () => resolve(Buffer.concat(chunks)));
  });
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
const unreadable = (name: string, why: string) =>
  new AppError("validation", "REPORT_FILE_UNREADABLE", `无法读取“${name}”：${why}`);
const TOO_LARGE = `文件超过 ${MAX_BYTES / 1024 / 1024} MB`;

/** A report file on disk, its size looked at before anything is read. */
export async function readReportPath(path: string): Promise<string> {
  const name = basename(path);
  if ((await stat(path)).size > MAX_BYTES) throw unreadable(name, TOO_LARGE);
  return readReportFile(name, await readFile(path));
}

export async function readReportFile(name: string, data: Buffer): Promise<string> {
  const bad = (why: string) => unreadable(name, why);
  if (data.length > MAX_BYTES) throw bad(TOO_LARGE);
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
    let xml: Buffer | null;
    try {
      xml = await inflateAtMost(part, MAX_XML);
    } catch {
      throw bad("Word 文件已损坏");
    }
    if (xml === null) throw bad("正文过大");
    return docxText(xml.toString("utf8"));
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
