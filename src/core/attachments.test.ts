import { describe, expect, it } from "vitest";
import { checkAttachment, MAX_ATTACHMENT_BYTES, sanitiseFileName, sniffType } from "./attachments";

const PDF = Buffer.from("%PDF-1.7\n%%EOF");
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);
const JPG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
const zip = (member: string) =>
  Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(`[Content_Types].xml ${member}document.xml`)]);

describe("attachments", () => {
  it("tells the type by the bytes", () => {
    expect(sniffType(PDF)).toBe("pdf");
    expect(sniffType(PNG)).toBe("png");
    expect(sniffType(JPG)).toBe("jpg");
    expect(sniffType(zip("word/"))).toBe("docx");
    expect(sniffType(zip("xl/"))).toBe("xlsx");
    expect(sniffType(Buffer.from("MZ\x90\x00"))).toBeNull();
    // A plain zip is not an Office file.
    expect(sniffType(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toBeNull();
  });

  it("keeps the last segment of a name, without reserved or control characters", () => {
    expect(sanitiseFileName("C:\\Users\\x\\报告.pdf")).toBe("报告.pdf");
    expect(sanitiseFileName("../../etc/a<b>|c?.pdf")).toBe("abc.pdf");
    expect(sanitiseFileName("a\u0000b\u001f\u007fc.pdf")).toBe("abc.pdf");
    expect(sanitiseFileName("发票\u202Egnp\u200f.pdf")).toBe("发票gnp.pdf");
    expect(sanitiseFileName("  ..说明.docx. ")).toBe("说明.docx");
    const long = sanitiseFileName(`${"长".repeat(300)}.pdf`);
    expect([...long]).toHaveLength(100);
    expect(long.endsWith(".pdf")).toBe(true);
  });

  it("accepts a file whose name matches its bytes, and refuses the rest", () => {
    expect(checkAttachment("照片.JPEG", JPG)).toMatchObject({ ok: true, type: "jpg", mediaType: "image/jpeg" });
    expect(checkAttachment("说明.pdf", Buffer.from("MZ\x90\x00"))).toMatchObject({ ok: false });
    expect(checkAttachment("照片.pdf", PNG)).toMatchObject({ ok: false });
    expect(checkAttachment("空.pdf", Buffer.alloc(0))).toMatchObject({ ok: false });
    expect(checkAttachment("大.pdf", Buffer.concat([PDF, Buffer.alloc(MAX_ATTACHMENT_BYTES)]))).toMatchObject({
      ok: false,
      message: "文件超过 10 MB 上限",
    });
    // A name that is only an extension has none left once made safe.
    expect(checkAttachment("/.pdf", PDF)).toMatchObject({ ok: false });
  });
});
