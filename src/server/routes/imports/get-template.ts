import { getImportTemplate as op } from "../../../contracts/imports";
import type { IMPORT_KINDS } from "../../../core/imports/spec";
import { importTemplate, templateFileName } from "../../../io/templates";
import type { Api } from "../../context";
import { sendXlsx } from "../../download";

export default function getTemplateRoute(app: Api) {
  app.get(
    "/api/v1/imports/templates/:file",
    { config: { access: op.access }, schema: op.schema },
    async (req, reply) => {
      const kind = req.params.file.replace(/\.xlsx$/, "") as (typeof IMPORT_KINDS)[number];
      const buffer = await importTemplate(kind);
      return sendXlsx(reply, `${kind}-template.xlsx`, templateFileName(kind), buffer);
    },
  );
}
