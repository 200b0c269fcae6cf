import { z } from "zod";
import { exportGoalTables, type GoalExportRequest } from "../../../app/goals/export-goal-tables";
import { importGoalTables } from "../../../app/goals/import-goal-tables";
import { MAX_UPLOAD_BYTES } from "../../../core/import-spec";
import { goalExportWorkbook } from "../../../io/goal-table-xlsx";
import { readGoalWorkbook } from "../../../io/read-upload";
import { type Api, actorOf, type Reply, type ServerContext } from "../../context";
import { acceptRawUploads, receiveUpload, uploader } from "../../upload";
import { idParam, yearQuery } from "../query";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

async function sendWorkbook(
  ctx: ServerContext,
  req: Parameters<typeof actorOf>[0],
  reply: Reply,
  q: GoalExportRequest,
) {
  const exported = await exportGoalTables(ctx.deps, actorOf(req), q);
  const buffer = await goalExportWorkbook(exported);
  return reply
    .header("content-type", XLSX)
    .header(
      "content-disposition",
      `attachment; filename="goal-tables_${exported.fiscalYear}.xlsx"; filename*=UTF-8''${encodeURIComponent(exported.fileName)}`,
    )
    .send(buffer);
}

/**
 * Goal tables as Excel in the official layout: one table, a department's workbook (a unit gets its own
 * tables), and the import of such a workbook (preview, then commit: all sheets or nothing).
 */
export default function goalExcelRoutes(app: Api, ctx: ServerContext) {
  app.get(
    "/api/v1/goals/tables/xlsx",
    {
      config: { access: "goal.read" },
      schema: {
        operationId: "exportGoalTables",
        tags: ["goals"],
        summary: "导出部门的绩效目标表工作簿（目录 + 每表一页；单位导出本单位的表）",
        querystring: z.object({
          year: yearQuery,
          department: z
            .string()
            .trim()
            .regex(/^[A-Za-z0-9_-]{1,32}$/, "主管部门编码只含字母、数字")
            .optional(),
        }),
      },
    },
    async (req, reply) =>
      sendWorkbook(ctx, req, reply, { fiscalYear: req.query.year, departmentCode: req.query.department }),
  );
  app.get(
    "/api/v1/goals/tables/:id/xlsx",
    {
      config: { access: "goal.read" },
      schema: {
        operationId: "exportGoalTable",
        tags: ["goals"],
        summary: "导出一张绩效目标表（财预〔2020〕10号 格式）",
        params: idParam,
      },
    },
    async (req, reply) => sendWorkbook(ctx, req, reply, { id: req.params.id }),
  );
  app.register(async (scoped: Api) => {
    acceptRawUploads(scoped);
    scoped.post(
      "/api/v1/goals/tables/import",
      {
        config: { access: "goal.write" },
        bodyLimit: MAX_UPLOAD_BYTES,
        schema: {
          operationId: "importGoalTables",
          tags: ["goals"],
          summary: "导入绩效目标表 Excel：先预览（mode=preview），再提交（mode=commit，全部成功或全部不写）",
          querystring: z.object({
            mode: z.enum(["preview", "commit"]).default("preview"),
            fileName: z.string().max(200).optional(),
          }),
        },
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
