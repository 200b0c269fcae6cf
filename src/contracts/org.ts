import { z } from "zod";
import { ORG_KINDS } from "../core/roles";
import { Id, IdParam, operation, responses, Version } from "./common";

export const Org = z
  .object({
    id: Id,
    regionCode: z.string(),
    code: z.string(),
    name: z.string(),
    kind: z.enum(ORG_KINDS),
    parentId: Id.nullable(),
    path: z.string().describe("从财政局到本单位的编码路径，如 450202/120/120001"),
    sector: z.string().nullable(),
    contactName: z.string().nullable(),
    contactPhone: z.string().nullable(),
    sortOrder: z.number().int(),
    version: z.number().int().describe("乐观锁版本号：修改时原样带回"),
  })
  .meta({ id: "Org" });

export type OrgNode = z.output<typeof Org> & { children: OrgNode[] };
export const OrgNode: z.ZodType<OrgNode> = Org.extend({
  get children() {
    return z.array(OrgNode);
  },
}).meta({ id: "OrgNode" });

export const getOrgTree = operation("org.read", {
  operationId: "getOrgTree",
  tags: ["org"],
  summary: "单位树（仅本人可见范围）",
  response: responses({ 200: z.object({ nodes: z.array(OrgNode) }) }),
});

export const createOrg = operation("org.write", {
  operationId: "createOrg",
  tags: ["org"],
  summary: "新增主管部门、预算单位或第三方机构（机构名录）",
  body: z.object({
    code: z.string().max(32),
    name: z.string().max(100),
    kind: z.enum(["department", "unit", "firm"]),
    parentId: Id.nullish(),
    sector: z.string().max(40).nullish(),
    contactName: z.string().max(40).nullish(),
    contactPhone: z.string().max(40).nullish(),
  }),
  response: responses({ 201: z.object({ org: Org }) }),
});

export const updateOrg = operation("org.write", {
  operationId: "updateOrg",
  tags: ["org"],
  summary: "修改单位名称、行业、联系人（乐观锁：须带 version）",
  params: IdParam,
  body: z.object({
    version: Version,
    name: z.string().max(100).optional(),
    sector: z.string().max(40).nullish(),
    contactName: z.string().max(40).nullish(),
    contactPhone: z.string().max(40).nullish(),
  }),
  response: responses({ 200: z.object({ org: Org }) }),
});
