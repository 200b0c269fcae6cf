/**
 * Evidence files (附件): what may be attached, told by the bytes, never by the name or the declared type.
 * Pure: the caller reads the upload and stores what `checkAttachment` accepts.
 */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENT_NAME = 100;

export const ATTACHMENT_TYPES = {
  pdf: "application/pdf",
  jpg: "image/jpeg",
  png: "image/png",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;
export type AttachmentType = keyof typeof ATTACHMENT_TYPES;

/** The extensions a file of each type may carry. */
const EXTENSIONS: Record<AttachmentType, readonly string[]> = {
  pdf: ["pdf"],
  jpg: ["jpg", "jpeg"],
  png: ["png"],
  docx: ["docx"],
  xlsx: ["xlsx"],
};

export const ATTACHMENT_ACCEPT = ".pdf,.jpg,.jpeg,.png,.docx,.xlsx";
export const ATTACHMENT_KINDS_TEXT = "PDF、JPG、PNG、Word（.docx）、Excel（.xlsx）";

const startsWith = (bytes: Uint8Array, sig: readonly number[]) => sig.every((b, i) => bytes[i] === b);

/** A zip member name in the archive's headers (local or central directory). */
const hasMember = (bytes: Uint8Array, prefix: string) => Buffer.from(bytes).includes(Buffer.from(prefix, "latin1"));

/** The real type of the bytes, or null when it is none of the accepted ones. */
export function sniffType(bytes: Uint8Array): AttachmentType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "pdf"; // %PDF-
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpg";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && hasMember(bytes, "[Content_Types].xml")) {
    if (hasMember(bytes, "word/")) return "docx";
    if (hasMember(bytes, "xl/")) return "xlsx";
  }
  return null;
}

/** Marks and overrides of text direction: "凭证\u202Egnp.pdf" would show as "凭证fdp.png". */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/**
 * A file name safe to store and to send back: the last path segment, without control or reserved
 * characters (\ / : * ? " < > |) or direction marks, trimmed of dots and spaces, at most
 * MAX_ATTACHMENT_NAME characters keeping its extension.
 */
export function sanitiseFileName(name: string): string {
  const last = name.split(/[\\/]/).pop() ?? "";
  const clean = [...last]
    .filter((c) => {
      const code = c.codePointAt(0) ?? 0;
      return code >= 0x20 && code !== 0x7f && !BIDI_CONTROLS.test(c) && !'<>:"|?*'.includes(c);
    })
    .join("")
    .replace(/\s+/g, " ")
    .replace(/^[\s.]+|[\s.]+$/g, "");
  if ([...clean].length <= MAX_ATTACHMENT_NAME) return clean;
  const dot = clean.lastIndexOf(".");
  const ext = dot > 0 && clean.length - dot <= 6 ? clean.slice(dot) : "";
  return [...clean.slice(0, clean.length - ext.length)].slice(0, MAX_ATTACHMENT_NAME - ext.length).join("") + ext;
}

export type AttachmentCheck =
  | { ok: true; name: string; type: AttachmentType; mediaType: string }
  | { ok: false; message: string };

/**
 * Accepts a file whose bytes are one of the accepted types and whose name carries that type's extension
 * (a program renamed .pdf is refused, and so is a picture named .pdf). The declared content type is ignored.
 */
export function checkAttachment(fileName: string, bytes: Uint8Array): AttachmentCheck {
  if (bytes.length === 0) return { ok: false, message: "文件为空，请重新选择文件" };
  if (bytes.length > MAX_ATTACHMENT_BYTES) return { ok: false, message: "文件超过 10 MB 上限" };
  const name = sanitiseFileName(fileName);
  const dot = name.lastIndexOf(".");
  const ext = dot >= 0 ? name.slice(dot + 1).toLowerCase() : "";
  const type = sniffType(bytes);
  if (type === null)
    return {
      ok: false,
      message: `“${name || "该文件"}”的内容不是可接受的文件类型：只能上传 ${ATTACHMENT_KINDS_TEXT}`,
    };
  if (!EXTENSIONS[type].includes(ext))
    return {
      ok: false,
      message: `“${name || "该文件"}”的扩展名与内容不符（内容为 ${type.toUpperCase()} 文件）：请使用正确的扩展名后再上传`,
    };
  const stem = name.slice(0, dot).trim();
  return { ok: true, name: stem === "" ? `附件.${ext}` : name, type, mediaType: ATTACHMENT_TYPES[type] };
}
