import type { FastifyReply } from "fastify";
import { checkReportText } from "../../../app/report/check-report-text";
import { draftAnnualReport } from "../../../app/report/draft-annual-report";
import { DOCX } from "../../../contracts/common";
import * as m from "../../../contracts/report";
import { annualReportDocx } from "../../../io/annual-report-docx";
import { type Api, actorOf, type ServerContext } from "../../context";
import { sendDownload } from "../../download";

/** 年度工作报告: drafted from the data (default or finance's template), its Word file, and the check of any text. */
export default function annualReportRoutes(app: Api, ctx: ServerContext) {
  const present = ({ values: _v, ...r }: Awaited<ReturnType<typeof draftAnnualReport>>) => r;
  app.get(
    "/api/v1/report/annual",
    { config: { access: m.getAnnualReport.access }, schema: m.getAnnualReport.schema },
    async (req) => present(await draftAnnualReport(ctx.deps, actorOf(req), { fiscalYear: req.query.year })),
  );
  app.post(
    "/api/v1/report/annual/draft",
    { config: { access: m.draftAnnualReport.access }, schema: m.draftAnnualReport.schema },
    async (req) => present(await draftAnnualReport(ctx.deps, actorOf(req), req.body)),
  );
  const docx = async (reply: FastifyReply, report: Awaited<ReturnType<typeof draftAnnualReport>>) =>
    sendDownload(reply, {
      mediaType: DOCX,
      asciiName: `annual-report-${report.fiscalYear}.docx`,
      name: `${report.document.title}.docx`,
      body: await annualReportDocx(report.document, { header: report.document.title }),
    });
  app.get(
    "/api/v1/report/annual.docx",
    { config: { access: m.getAnnualReportDocx.access }, schema: m.getAnnualReportDocx.schema },
    async (req, reply) => docx(reply, await draftAnnualReport(ctx.deps, actorOf(req), { fiscalYear: req.query.year })),
  );
  app.post(
    "/api/v1/report/annual/docx",
    { config: { access: m.draftAnnualReportDocx.access }, schema: m.draftAnnualReportDocx.schema },
    async (req, reply) => docx(reply, await draftAnnualReport(ctx.deps, actorOf(req), req.body)),
  );
  app.post(
    "/api/v1/report/check",
    { config: { access: m.checkReport.access }, schema: m.checkReport.schema },
    async (req) => checkReportText(ctx.deps, actorOf(req), req.body),
  );
}
