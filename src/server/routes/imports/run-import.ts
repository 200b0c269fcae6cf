import { createHash } from "node:crypto";
import { z } from "zod";
import { runImport } from "../../../app/imports/run-import";
import { AppError } from "../../../core/errors";
import { IMPORT_KINDS, IMPORT_SPECS, MAX_UPLOAD_BYTES } from "../../../core/import-spec";
import { readTable } from "../../../io/read-table";
import { type Api, actorOf, type ServerContext } from "../../context";

const RAW_TYPES = [
  "application/json",
  "text/csv",
  "text/plain",
  "application/octet-stream",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
];

/**
 * Upload of a budget-system file: multipart field "file" from the web app, or the raw file as the
 * body (Content-Type json/csv/xlsx) for system-to-system use with a bearer token. mode=preview
 * reports new/changed/unchanged rows and every error; mode=commit writes all or nothing.
 */
export default function runImportRoute(app: Api, ctx: ServerContext) {
  app.register(async (scoped: Api) => {
    // In this scope bodies stay raw bytes: the reader detects the format and names bad rows itself.
    scoped.removeContentTypeParser(["application/json", "text/plain"]);
    scoped.addContentTypeParser(RAW_TYPES, { parseAs: "buffer", bodyLimit: MAX_UPLOAD_BYTES }, (_req, body, done) =>
      done(null, body),
    );
    scoped.post(
      "/api/v1/imports/:kind",
      {
        config: { access: "import.run" },
        bodyLimit: MAX_UPLOAD_BYTES,
        schema: {
          tags: ["imports"],
          summary: "导入一体化系统数据：先预览（mode=preview），再提交（mode=commit，全部成功或全部不写）",
          params: z.object({ kind: z.enum(IMPORT_KINDS) }),
          querystring: z.object({
            mode: z.enum(["preview", "commit"]).default("preview"),
            fileName: z.string().max(200).optional(),
          }),
        },
      },
      async (req, reply) => {
        let bytes: Buffer;
        let fileName = req.query.fileName ?? `upload.${req.headers["content-type"]?.includes("json") ? "json" : "csv"}`;
        if (req.isMultipart()) {
          const file = await req.file();
          if (!file) throw new AppError("validation", "IMPORT_EMPTY_FILE", "没有收到文件，请选择要上传的文件");
          bytes = await file.toBuffer();
          fileName = file.filename || fileName;
        } else if (Buffer.isBuffer(req.body)) {
          bytes = req.body;
        } else {
          throw new AppError("validation", "IMPORT_EMPTY_FILE", "没有收到文件内容");
        }
        const table = await readTable({ bytes, fileName }, IMPORT_SPECS[req.params.kind]);
        const result = await runImport(ctx.deps, actorOf(req), {
          kind: req.params.kind,
          fileName,
          sha256: createHash("sha256").update(bytes).digest("hex"),
          rows: table.rows,
          mode: req.query.mode,
        });
        return reply.status(result.committed ? 201 : 200).send({ ...result, format: table.format });
      },
    );
  });
}
