import { downloadAttachment } from "../../../app/attachments/download";
import { removeAttachment, uploadAttachment } from "../../../app/attachments/upload";
import * as m from "../../../contracts/monitoring-actions";
import { MAX_ATTACHMENT_BYTES } from "../../../core/attachments";
import { AppError } from "../../../core/errors";
import { type Api, actorOf, type ServerContext } from "../../context";
import { sendDownload } from "../../download";

/** An ASCII stand-in for a file name, for clients that do not read `filename*`. */
const asciiName = (name: string, id: number) => {
  const ext = name.slice(name.lastIndexOf(".") + 1).replace(/[^A-Za-z0-9]/g, "");
  return `attachment-${id}.${ext || "bin"}`;
};

/** Evidence files: upload (multipart field "file"), download to save, removal before submission. */
export default function attachmentRoutes(app: Api, ctx: ServerContext) {
  app.post(
    "/api/v1/attachments",
    { config: { access: m.uploadAttachment.access }, schema: m.uploadAttachment.schema },
    async (req, reply) => {
      if (!req.isMultipart())
        throw new AppError("validation", "ATTACHMENT_INVALID", "请以 multipart/form-data 上传文件（字段 file）", {
          field: "file",
        });
      const file = await req.file({ limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } });
      if (!file)
        throw new AppError("validation", "ATTACHMENT_INVALID", "没有收到文件，请选择要上传的文件", { field: "file" });
      const bytes = await file.toBuffer();
      const saved = await uploadAttachment(ctx.deps, actorOf(req), {
        entity: req.query.entity,
        recordId: req.query.recordId,
        fileName: file.filename,
        bytes,
      });
      return reply.status(201).send(saved);
    },
  );
  app.get(
    "/api/v1/attachments/:id",
    { config: { access: m.downloadAttachment.access }, schema: m.downloadAttachment.schema },
    async (req, reply) => {
      const { meta, content } = await downloadAttachment(ctx.deps, actorOf(req), req.params.id);
      reply.header("x-content-type-options", "nosniff").header("cache-control", "private, no-store");
      return sendDownload(reply, {
        mediaType: meta.mediaType,
        asciiName: asciiName(meta.name, meta.id),
        name: meta.name,
        body: content,
      });
    },
  );
  app.delete(
    "/api/v1/attachments/:id",
    { config: { access: m.removeAttachment.access }, schema: m.removeAttachment.schema },
    async (req, reply) => {
      await removeAttachment(ctx.deps, actorOf(req), req.params.id);
      return reply.status(204).send();
    },
  );
}
