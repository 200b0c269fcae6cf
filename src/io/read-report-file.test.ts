import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { readReportFile } from "./read-report-file";

const docx = async (xml: string) => {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", "<Types/>");
  zip.file("word/document.xml", xml);
  return Buffer.from(await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
};

/** The same archive claiming, in both of its headers, that document.xml is `size` bytes once inflated. */
function claimSize(zip: Buffer, size: number): Buffer {
  const out = Buffer.from(zip);
  for (const [signature, at] of [
    [0x04034b50, 22],
    [0x02014b50, 24],
  ] as const)
    for (let i = out.indexOf(Buffer.from([0x50, 0x4b])); i >= 0; i = out.indexOf(Buffer.from([0x50, 0x4b]), i + 1))
      if (out.readUInt32LE(i) === signature) {
        const nameLength = out.readUInt16LE(i + (signature === 0x04034b50 ? 26 : 28));
        const name = out.subarray(
          i + (signature === 0x04034b50 ? 30 : 46),
          i + (signature === 0x04034b50 ? 30 : 46) + nameLength,
        );
        if (name.toString() === "word/document.xml") out.writeUInt32LE(size, i + at);
      }
  return out;
}

describe("reading a report file", () => {
  it("reads a Word file's paragraphs, a Markdown file's text and GB18030", async () => {
    const xml =
      '<w:document><w:body><w:p><w:r><w:t>完成5个</w:t></w:r><w:r><w:t xml:space="preserve"> 项目&amp;</w:t></w:r></w:p><w:p/><w:p><w:r><w:t>二</w:t></w:r></w:p></w:body></w:document>';
    expect(await readReportFile("a.docx", await docx(xml))).toBe("完成5个 项目&\n\n二");
    expect(await readReportFile("a.md", Buffer.from("# 标题\n**完成**5个"))).toBe("标题\n完成5个");
    expect(await readReportFile("a.txt", Buffer.from([0xd6, 0xd0, 0xce, 0xc4]))).toBe("中文");
  });

  it("stops inflating a document that is larger than it claims (a zip bomb) at the limit", async () => {
    const bomb = claimSize(await docx(`<w:document>${" ".repeat(60 * 1024 * 1024)}</w:document>`), 1_000);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await expect(readReportFile("bomb.docx", bomb)).rejects.toMatchObject({
      code: "REPORT_FILE_UNREADABLE",
      message: "无法读取“bomb.docx”：正文过大",
    });
  });

  it("reads paragraphs that never close in time", async () => {
    const started = performance.now();
    const text = await readReportFile("open.docx", await docx(`<w:document>${"<w:p>".repeat(200_000)}</w:document>`));
    expect(text).toBe("");
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("refuses other files, a broken archive and one without its document, naming the file", async () => {
    await expect(readReportFile("a.pdf", Buffer.from("x"))).rejects.toMatchObject({ code: "REPORT_FILE_UNREADABLE" });
    await expect(readReportFile("a.docx", Buffer.from("not a zip"))).rejects.toMatchObject({
      message: "无法读取“a.docx”：不是有效的 Word（.docx）文件",
    });
    const empty = new JSZip();
    empty.file("x.txt", "x");
    const none = Buffer.from(await empty.generateAsync({ type: "uint8array" }));
    await expect(readReportFile("b.docx", none)).rejects.toMatchObject({
      message: "无法读取“b.docx”：Word 文件中没有正文（word/document.xml）",
    });
  });
});
