import { getImportTemplate as op } from "../../../contracts/imports";
import type { IMPORT_KINDS } from "../../../core/imports/spec";
import { importTemplate, templateFileName } from "../../../io/templates";
import type { Api } from "../../context";

export default function getTemplateRoute(app: Api) {
  app.get(
    "/api/v1/imports/templates/:file",
    { config: { access: op.access }, schema: op.schema },
    async (req, reply) => {
      const kind = req.params.file.replace(/\.xlsx$/, "") as (typeof IMPORT_KINDS)[number];
      const buffer = await importTemplate(kind);
      return reply
        .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header(
          "content-disposition",
          `attachment; filename="${kind}-template.xlsx"; filename*=UTF-8''${encodeURIComponent(templateFileName(kind))}`,
        )
        .send(buffer);
    },
  );
}
