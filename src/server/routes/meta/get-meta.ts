import { getMeta as op } from "../../../contracts/system";
import { yearInChina } from "../../../core/calendar";
import { IMPORT_KIND_LABELS, IMPORT_KINDS } from "../../../core/imports/spec";
import { PROJECT_CATEGORIES, PROJECT_CATEGORY_LABELS, SIZE_BANDS } from "../../../core/project";
import { ORG_KIND_LABELS, ORG_KINDS, ROLE_LABELS, ROLES } from "../../../core/roles";
import { type Api, actorOf, type ServerContext } from "../../context";

export default function getMeta(app: Api, ctx: ServerContext) {
  app.get("/api/v1/meta", { config: { access: op.access }, schema: op.schema }, async (req) => {
    const years = await ctx.deps.uow.read.projects.years(actorOf(req).regionCode);
    return {
      // An empty region starts at this year as it is in China (the server may run in UTC).
      years: years.length ? years : [yearInChina(ctx.deps.clock.now())],
      categories: PROJECT_CATEGORIES.map((key) => ({ key, label: PROJECT_CATEGORY_LABELS[key] })),
      sizeBands: SIZE_BANDS.map(({ key, label }) => ({ key, label })),
      roles: ROLES.map((key) => ({ key, label: ROLE_LABELS[key] })),
      orgKinds: ORG_KINDS.map((key) => ({ key, label: ORG_KIND_LABELS[key] })),
      importKinds: IMPORT_KINDS.map((key) => ({ key, label: IMPORT_KIND_LABELS[key] })),
    };
  });
}
