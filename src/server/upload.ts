import { XLSX } from "../contracts/common";
import { AppError } from "../core/errors";
import { MAX_UPLOAD_BYTES } from "../core/imports/spec";
import type { Api } from "./context";

const RAW_TYPES = ["application/octet-stream", XLSX, "application/json", "text/plain", "text/csv"];

/**
 * Upload routes take the file as multipart field "file" (the web app) or as the raw body (system to
 * system, with a bearer token). In the given scope bodies stay raw bytes, whatever their content type:
 * the readers tell a workbook from junk and say so. Reading happens in the upload worker (io/read-upload.ts).
 */
export function acceptRawUploads(scoped: Api): void {
  scoped.removeContentTypeParser(["application/json", "text/plain"]);
  scoped.addContentTypeParser(RAW_TYPES, { parseAs: "buffer", bodyLimit: MAX_UPLOAD_BYTES }, (_req, body, done) =>
    done(null, body),
  );
}

/** The uploaded bytes and the file's name (from the multipart part, else `fallbackName`). */
export async function receiveUpload(
  req: import("fastify").FastifyRequest,
  fallbackName: string,
): Promise<{ bytes: Buffer; fileName: string }> {
  if (req.isMultipart()) {
    const file = await req.file();
    if (!file) throw new AppError("validation", "IMPORT_EMPTY_FILE", "没有收到文件，请选择要上传的文件");
    return { bytes: await file.toBuffer(), fileName: checkedName(file.filename) || fallbackName };
  }
  if (Buffer.isBuffer(req.body)) return { bytes: req.body, fileName: fallbackName };
  throw new AppError("validation", "IMPORT_EMPTY_FILE", "没有收到文件内容，请选择要上传的文件");
}

/** Whose upload it is, for the reader's one-file-per-account rule. */
export const uploader = (req: import("fastify").FastifyRequest): string | undefined =>
  req.actor?.userId === null || req.actor?.userId === undefined ? undefined : `user:${req.actor.userId}`;

/** The same limit as the `fileName` query parameter of the upload routes. */
const MAX_FILE_NAME = 200;

/** A multipart file name is stored with the import and audited: the same rules as any text field. */
function checkedName(name: string): string {
  const refuse = (message: string) =>
    new AppError("validation", "REQUEST_INVALID", `请求参数有误：file.filename ${message}`, {
      issues: [{ field: "file.filename", message }],
    });
  if (name.includes("\u0000")) throw refuse("含有空字符（U+0000）");
  if (name.length > MAX_FILE_NAME) throw refuse(`过长（最多 ${MAX_FILE_NAME} 个字符）`);
  return name;
}
