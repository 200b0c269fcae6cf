import { exportGoalTables, type GoalExportRequest } from "../../../app/goals/export-goal-tables";
import { importGoalTables } from "../../../app/goals/import-goal-tables";
import * as goals from "../../../contracts/goals";
import { MAX_UPLOAD_BYTES } from "../../../core/imports/spec";
import { goalExportWorkbook } from "../../../io/goal-table-xlsx";
import { readGoalWorkbook } from "../../../io/read-upload";
import { type Api, actorOf, type Reply, type ServerContext } from "../../context";
import { sendXlsx } from "../../download";
import { acceptRawUploads, receiveUpload, uploader } from "../../upload";

async function sendWorkbook(
  ctx: ServerContext,
  req: Parameters<typeof actorOf>[0],
  reply: Reply,
  q: GoalExportRequest,
) {
  const exported = await exportGoalTables(ctx.deps, actorOf(req), q);
  const buffer = await goalExportWorkbook(exported);
  return sendXlsx(reply, `goal-tables_${exported.fiscalYear}.xlsx`, exported.fileName, buffer);
}

/**
 * Goal tables as Excel in the official layout: one table, a department's workbook (a unit gets its own
 * tables), and the import of such a workbook (preview, then commit: all sheets or nothing).
 */
export default function goalExcelRoutes(app: Api, ctx: ServerContext) {
  app.get(
    "/api/v1/goals/tables/xlsx",
    { config: { access: goals.exportGoalTables.access }, schema: goals.exportGoalTables.schema },
    async (req, reply) =>
      sendWorkbook(ctx, req, reply, { fiscalYear: req.query.year, departmentCode: req.query.department }),
  );
  app.get(
    "/api/v1/goals/tables/:id/xlsx",
    { config: { access: goals.exportGoalTable.access }, schema: goals.exportGoalTable.schema },
    async (req, reply) => sendWorkbook(ctx, req, reply, { id: req.params.id }),
  );
  app.register(async (scoped: Api) => {
    acceptRawUploads(scoped);
    scoped.post(
      "/api/v1/goals/tables/import",
      {
        config: { access: goals.importGoalTables.access },
        bodyLimit: MAX_UPLOAD_BYTES,
        schema: goals.importGoalTables.schema,
      },
      async (req, reply) => {
        const { bytes, fileName } = await receiveUpload(req, req.query.fileName ?? "绩效目标表.xlsx");
        const sheets = await readGoalWorkbook(bytes, uploader(req));
        const result = await importGoalTables(ctx.deps, actorOf(req), { fileName, sheets, mode: req.query.mode });
        return reply.status(result.committed && result.counts.changed > 0 ? 201 : 200).send(result);
      },
    );
  });
}
