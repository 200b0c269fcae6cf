import { checkGoalWorkbook } from "../../../app/goals/check-goal-workbook";
import * as checkFile from "../../../contracts/goals-check-file";
import { MAX_UPLOAD_BYTES } from "../../../core/imports/spec";
import { outsideFindingsWorkbook } from "../../../io/outside-findings-export";
import { readOutsideGoalWorkbook } from "../../../io/read-upload";
import { type Api, actorOf, type ServerContext } from "../../context";
import { sendXlsx } from "../../download";
import { acceptRawUploads, receiveUpload, uploader } from "../../upload";

/**
 * 检查外来目标表: a workbook of goal tables from another system is read in the upload worker and
 * checked with the region's rules; the answer is the check (or its Excel). Nothing is stored.
 */
export default function checkGoalWorkbookRoutes(app: Api, ctx: ServerContext) {
  app.register(async (scoped: Api) => {
    acceptRawUploads(scoped);
    const run = async (req: Parameters<typeof actorOf>[0] & { query: { year?: number; fileName?: string } }) => {
      const { bytes, fileName } = await receiveUpload(req, req.query.fileName ?? "绩效目标表.xlsx");
      const sheets = await readOutsideGoalWorkbook(bytes, uploader(req));
      return checkGoalWorkbook(ctx.deps, actorOf(req), { fileName, sheets, fiscalYear: req.query.year ?? null });
    };
    scoped.post(
      "/api/v1/goals/check-workbook",
      {
        config: { access: checkFile.checkGoalWorkbook.access },
        bodyLimit: MAX_UPLOAD_BYTES,
        schema: checkFile.checkGoalWorkbook.schema,
      },
      async (req) => run(req),
    );
    scoped.post(
      "/api/v1/goals/check-workbook/findings.xlsx",
      {
        config: { access: checkFile.exportGoalWorkbookCheck.access },
        bodyLimit: MAX_UPLOAD_BYTES,
        schema: checkFile.exportGoalWorkbookCheck.schema,
      },
      async (req, reply) => {
        const check = await run(req);
        return sendXlsx(reply, "goal_check.xlsx", "外来目标表问题清单.xlsx", await outsideFindingsWorkbook(check));
      },
    );
  });
}
