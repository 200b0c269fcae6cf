import { createHash } from "node:crypto";
import { runImport } from "../../../app/imports/run-import";
import { runImport as op } from "../../../contracts/imports";
import { IMPORT_SPECS, MAX_UPLOAD_BYTES } from "../../../core/imports/spec";
import { readTable } from "../../../io/read-upload";
import { type Api, actorOf, type ServerContext } from "../../context";
import { acceptRawUploads, receiveUpload, uploader } from "../../upload";

/**
 * Upload of a budget-system file: multipart field "file" from the web app, or the raw file as the
 * body (Content-Type json/csv/xlsx) for system-to-system use with a bearer token. mode=preview
 * reports new/changed/unchanged rows and every error; mode=commit writes all or nothing.
 */
export default function runImportRoute(app: Api, ctx: ServerContext) {
  app.register(async (scoped: Api) => {
    acceptRawUploads(scoped);
    scoped.post(
      "/api/v1/imports/:kind",
      { config: { access: op.access }, bodyLimit: MAX_UPLOAD_BYTES, schema: op.schema },
      async (req, reply) => {
        const { bytes, fileName } = await receiveUpload(
          req,
          req.query.fileName ?? `upload.${req.headers["content-type"]?.includes("json") ? "json" : "csv"}`,
        );
        const table = await readTable({ bytes, fileName }, IMPORT_SPECS[req.params.kind], uploader(req));
        const result = await runImport(ctx.deps, actorOf(req), {
          kind: req.params.kind,
          fileName,
          sha256: createHash("sha256").update(bytes).digest("hex"),
          rows: table.rows,
          mode: req.query.mode,
        });
        // Typed rows are plain objects of the template's fields: as JSON, records.
        const newRows = result.newRows as unknown as Record<string, unknown>[];
        return reply.status(result.committed ? 201 : 200).send({ ...result, newRows, format: table.format });
      },
    );
  });
}
