import type { FastifyReply } from "fastify";
import { XLSX } from "../contracts/common";

/** RFC 5987 value-chars: encodeURIComponent leaves ' ( ) * as they are, and an apostrophe ends the charset part. */
const extValue = (name: string) =>
  encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * Answers with a file to save: its media type (as the operation's contract declares it) and two names,
 * an ASCII one for old clients and the Chinese one browsers show (RFC 6266 `filename*`).
 */
export function sendDownload(
  reply: FastifyReply,
  file: { mediaType: string; asciiName: string; name: string; body: Buffer | Uint8Array },
) {
  return reply
    .header("content-type", file.mediaType)
    .header("content-disposition", `attachment; filename="${file.asciiName}"; filename*=UTF-8''${extValue(file.name)}`)
    .send(file.body);
}

/** An Excel workbook to save. */
export const sendXlsx = (reply: FastifyReply, asciiName: string, name: string, body: Buffer | Uint8Array) =>
  sendDownload(reply, { mediaType: XLSX, asciiName, name, body });
