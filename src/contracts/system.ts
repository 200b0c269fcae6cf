import { z } from "zod";
import { IMPORT_KINDS } from "../core/imports/spec";
import { PROJECT_CATEGORIES } from "../core/project";
import { ORG_KINDS, ROLES } from "../core/roles";
import { operation, responses } from "./common";

const keyLabel = <K extends z.ZodType>(key: K) => z.object({ key, label: z.string() });

export const health = operation("public", {
  operationId: "getHealth",
  tags: ["system"],
  summary: "健康检查",
  response: responses({ 200: z.object({ status: z.literal("ok"), database: z.enum(["pglite", "postgres"]) }) }),
});

export const Meta = z
  .object({
    years: z.array(z.number().int()).describe("有数据的年度（新地区为今年）"),
    categories: z.array(keyLabel(z.enum(PROJECT_CATEGORIES))),
    sizeBands: z.array(keyLabel(z.string())),
    roles: z.array(keyLabel(z.enum(ROLES))),
    orgKinds: z.array(keyLabel(z.enum(ORG_KINDS))),
    importKinds: z.array(keyLabel(z.enum(IMPORT_KINDS))),
  })
  .meta({ id: "Meta" });

export const getMeta = operation("signed-in", {
  operationId: "getMeta",
  tags: ["meta"],
  summary: "代码表：年度、类别、规模、角色等",
  response: responses({ 200: Meta }),
});
