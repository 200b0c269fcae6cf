import { exportSelfEvalFormList } from "../../../app/selfeval/export-list";
import { exportSelfEvalWorkbook } from "../../../app/selfeval/export-workbook";
import { importSelfEvalWorkbook } from "../../../app/selfeval/import-workbook";
import * as w from "../../../contracts/selfeval-workbook";
import { MAX_UPLOAD_BYTES } from "../../../core/imports/spec";
import { readSelfEvalWorkbook } from "../../../io/read-upload";
import { selfEvalListWorkbook } from "../../../io/selfeval-list-export";
import { writeSelfEvalWorkbook } from "../../../io/selfeval-xlsx";
import { type Api, actorOf, type ServerContext } from "../../context";
import { sendXlsx } from "../../download";
import { acceptRawUploads, receiveUpload, uploader } from "../../upload";

/**
 * Self-evaluation forms as Excel: the workbook a unit or department fills offline (下载自评表), its import
 * (preview, then commit: every sheet or nothing), and the form list's export.
 */
export default function selfEvalWorkbookRoutes(app: Api, ctx: ServerContext) {
  app.get(
    "/api/v1/selfeval/forms.xlsx",
    { config: { access: w.exportSelfEvalWorkbook.access }, schema: w.exportSelfEvalWorkbook.schema },
    async (req, reply) => {
      const { year, ...rest } = req.query;
      const exported = await exportSelfEvalWorkbook(ctx.deps, actorOf(req), { ...rest, fiscalYear: year });
      const buffer = await writeSelfEvalWorkbook(exported.sheets, { title: exported.title });
      return sendXlsx(reply, `selfeval_${exported.fiscalYear}.xlsx`, exported.fileName, buffer);
    },
  );
  app.get(
    "/api/v1/selfeval/forms/list.xlsx",
    { config: { access: w.exportSelfEvalFormList.access }, schema: w.exportSelfEvalFormList.schema },
    async (req, reply) => {
      const { q, year, ...rest } = req.query;
      const exported = await exportSelfEvalFormList(ctx.deps, actorOf(req), {
        ...rest,
        fiscalYear: year,
        q: q || undefined,
      });
      const buffer = await selfEvalListWorkbook(exported);
      return sendXlsx(reply, `selfeval-forms_${exported.fiscalYear}.xlsx`, exported.fileName, buffer);
    },
  );
  app.register(async (scoped: Api) => {
    acceptRawUploads(scoped);
    scoped.post(
      "/api/v1/selfeval/forms/import",
      {
        config: { access: w.importSelfEvalWorkbook.access },
        bodyLimit: MAX_UPLOAD_BYTES,
        schema: w.importSelfEvalWorkbook.schema,
      },
      async (req, reply) => {
        const { bytes, fileName } = await receiveUpload(req, req.query.fileName ?? "项目支出绩效自评表.xlsx");
        const sheets = await readSelfEvalWorkbook(bytes, uploader(req));
        const result = await importSelfEvalWorkbook(ctx.deps, actorOf(req), {
          fiscalYear: req.query.year,
          fileName,
          sheets,
          mode: req.query.mode,
        });
        return reply.status(result.committed && result.counts.changed > 0 ? 201 : 200).send(result);
      },
    );
  });
}
