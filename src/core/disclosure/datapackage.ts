import {
  type ColumnType,
  PUBLICATION_KIND_LABELS,
  type PublicationKind,
  type PublishedColumn,
  type PublishedTable,
} from "./types";

/**
 * The year's published tables as a Frictionless Tabular Data Package (Data Package v1, profile
 * `tabular-data-package`): one resource per table of the newest published version of each publication, each
 * with its Table Schema (fields named by the CSV's header, typed) and a `path` relative to the descriptor
 * (`data/<publication>-v<version>-<table>.csv`, served next to `datapackage.json`), so the package needs no host
 * name and a version's file never changes. Amounts are 元 with two decimals, percentages their number without %.
 */
export interface PackagedVersion {
  publicationId: number;
  fiscalYear: number;
  kind: PublicationKind;
  department: { name: string } | null;
  number: number;
  title: string;
  publishedAt: string;
  draftedByName: string;
  approvedByName: string;
  body: { tables: PublishedTable[] };
}

const FIELD_TYPE: Record<ColumnType, "string" | "integer" | "number" | "date"> = {
  text: "string",
  count: "integer",
  amount: "number",
  score: "number",
  percent: "number",
  date: "date",
};

const FIELD_NOTE: Record<ColumnType, string | null> = {
  text: null,
  count: null,
  amount: "金额，单位：元（两位小数）",
  score: "分值，两位小数",
  percent: "百分比数值（不含%），两位小数",
  date: "日期（YYYY-MM-DD）",
};

/** A column's header in the machine-readable files: its title with the unit of the file's figures. */
export const dataHeading = (c: PublishedColumn): string =>
  c.type === "amount" ? `${c.title}（元）` : c.type === "percent" ? `${c.title}（%）` : c.title;

/** Where a table of a version lives relative to the year's datapackage.json. */
export const dataPath = (publicationId: number, number: number, tableIndex: number) =>
  `data/${publicationId}-v${number}-${tableIndex + 1}.csv`;

/** Budget phases of the amounts the kinds publish (Fiscal Data Package `phase`). */
const PHASE: Record<string, "adjusted" | "executed"> = {
  budget: "adjusted",
  fiscal: "adjusted",
  other: "adjusted",
  amount: "adjusted",
  executed: "executed",
};

type Resource = { name: string; schema: { fields: { name: string }[] } };
const identifier = (name: string) => name.replace(/[^A-Za-z0-9]/g, "_");

/**
 * The Fiscal Data Package model over the tables that carry money: each amount column a measure (CNY, spending,
 * its budget phase), and the projects and departments of those tables their dimensions. Null when no table
 * has an amount (the package is then a plain Tabular Data Package).
 */
export function fiscalModel(versions: readonly PackagedVersion[], resources: readonly Resource[]) {
  const measures: Record<string, object> = {};
  const dimensions: Record<string, object> = {};
  let i = 0;
  for (const v of versions)
    for (const t of v.body.tables) {
      const r = resources[i++]!;
      const column = (key: string) => t.columns.find((c) => c.key === key);
      for (const c of t.columns.filter((x) => x.type === "amount"))
        measures[identifier(`${r.name}_${c.key}`)] = {
          source: dataHeading(c),
          resource: r.name,
          currency: "CNY",
          direction: "expenditure",
          ...(PHASE[c.key] ? { phase: PHASE[c.key] } : {}),
        };
      if (!t.columns.some((x) => x.type === "amount")) continue;
      const code = column("code");
      const name = column("name");
      if (code)
        dimensions[identifier(`${r.name}_project`)] = {
          attributes: {
            code: { source: dataHeading(code), resource: r.name },
            ...(name ? { name: { source: dataHeading(name), resource: r.name, labelfor: "code" } } : {}),
          },
          primaryKey: "code",
          dimensionType: "activity",
        };
      const department = column("department");
      if (department)
        dimensions[identifier(`${r.name}_department`)] = {
          attributes: { department: { source: dataHeading(department), resource: r.name } },
          primaryKey: "department",
          dimensionType: "classification",
          classificationType: "administrative",
        };
    }
  return Object.keys(measures).length > 0 ? { measures, dimensions } : null;
}

/**
 * The year's package: a Tabular Data Package, and when a published table carries amounts also a Fiscal Data
 * Package (its `model` of measures and dimensions). The descriptor keeps `profile: "tabular-data-package"`: the
 * official fiscal profile is built on the tabular one and itself requires that value, so a descriptor naming
 * `fiscal-data-package` fails its own profile; it validates against both profiles as it is.
 */
export function dataPackage(
  region: { code: string; name: string },
  year: number,
  versions: readonly PackagedVersion[],
) {
  const tabular = tabularPackage(region, year, versions);
  const model = fiscalModel(versions, tabular.resources);
  return model ? { ...tabular, model } : tabular;
}

function tabularPackage(region: { code: string; name: string }, year: number, versions: readonly PackagedVersion[]) {
  return {
    profile: "tabular-data-package",
    name: `jixiao-${region.code}-${year}`,
    title: `${region.name}${year}年度预算绩效信息公开数据`,
    description: `${region.name}财政部门公开的${year}年度预算绩效管理信息：每个公开事项最新发布版本中的表格。金额单位为元。`,
    keywords: ["预算绩效", "信息公开", String(year)],
    resources: versions.flatMap((v) =>
      v.body.tables.map((t, i) => ({
        profile: "tabular-data-resource",
        name: `p${v.publicationId}-v${v.number}-t${i + 1}`,
        path: dataPath(v.publicationId, v.number, i),
        title: t.title,
        description:
          `${PUBLICATION_KIND_LABELS[v.kind]}：${v.title}（第${v.number}版，${v.publishedAt.slice(0, 10)}发布` +
          `${v.department ? `，${v.department.name}` : ""}；信息员${v.draftedByName}，审核员${v.approvedByName}）`,
        format: "csv",
        mediatype: "text/csv",
        encoding: "utf-8",
        dialect: { delimiter: ",", header: true, lineTerminator: "\r\n", quoteChar: '"', doubleQuote: true },
        schema: {
          fields: t.columns.map((c) => {
            const note = FIELD_NOTE[c.type];
            return {
              name: dataHeading(c),
              title: c.title,
              type: FIELD_TYPE[c.type],
              ...(c.type === "date" ? { format: "default" } : {}),
              ...(note ? { description: note } : {}),
            };
          }),
          missingValues: [""],
        },
      })),
    ),
  };
}
