import { exportMonitoringReportList } from "../../../app/monitoring/export-list";
import { exportMonitoringWorkbook } from "../../../app/monitoring/export-workbook";
import { importMonitoringWorkbook } from "../../../app/monitoring/import-workbook";
import * as m from "../../../contracts/monitoring-workbook";
import { MAX_UPLOAD_BYTES } from "../../../core/imports/spec";
import { monitoringListWorkbook } from "../../../io/monitoring-list-export";
import { writeMonitoringWorkbook } from "../../../io/monitoring-xlsx";
import { readMonitoringWorkbook } from "../../../io/read-upload";
import { type Api, actorOf, type ServerContext } from "../../context";
import { sendXlsx } from "../../download";
import { acceptRawUploads, receiveUpload, uploader } from "../../upload";

/**
 * Monitoring reports as Excel: the workbook a unit or department fills offline (下载填报表), its import
 * (preview, then commit: every sheet or nothing), and the report list's export.
 */
export default function monitoringWorkbookRoutes(app: Api, ctx: ServerContext) {
  app.get(
    "/api/v1/monitoring/workbook.xlsx",
    { config: { access: m.exportMonitoringWorkbook.access }, schema: m.exportMonitoringWorkbook.schema },
    async (req, reply) => {
      const exported = await exportMonitoringWorkbook(ctx.deps, actorOf(req), req.query);
      const buffer = await writeMonitoringWorkbook(exported.sheets, { title: exported.title });
      return sendXlsx(reply, `monitoring_${exported.round.fiscalYear}.xlsx`, exported.fileName, buffer);
    },
  );
  app.get(
    "/api/v1/monitoring/reports.xlsx",
    { config: { access: m.exportMonitoringReportList.access }, schema: m.exportMonitoringReportList.schema },
    async (req, reply) => {
      const { q, ...rest } = req.query;
      const exported = await exportMonitoringReportList(ctx.deps, actorOf(req), { ...rest, q: q || undefined });
      const buffer = await monitoringListWorkbook(exported);
      return sendXlsx(reply, `monitoring-reports_${exported.round.fiscalYear}.xlsx`, exported.fileName, buffer);
    },
  );
  app.register(async (scoped: Api) => {
    acceptRawUploads(scoped);
    scoped.post(
      "/api/v1/monitoring/workbook/import",
      {
        config: { access: m.importMonitoringWorkbook.access },
        bodyLimit: MAX_UPLOAD_BYTES,
        schema: m.importMonitoringWorkbook.schema,
      },
      async (req, reply) => {
        const { bytes, fileName } = await receiveUpload(req, req.query.fileName ?? "绩效运行监控表.xlsx");
        const sheets = await readMonitoringWorkbook(bytes, uploader(req));
        const result = await importMonitoringWorkbook(ctx.deps, actorOf(req), {
          roundId: req.query.roundId,
          fileName,
          sheets,
          mode: req.query.mode,
        });
        return reply.status(result.committed && result.counts.changed > 0 ? 201 : 200).send(result);
      },
    );
  });
}
