/**
 * The rules of a Frictionless Tabular Data Package (Data Package v1, Tabular Data Resource v1, Table Schema v1,
 * specs.frictionlessdata.io) as a JSON Schema (draft-07), written from the specifications' normative text: what a
 * package and each resource must carry, the name pattern, the path (a URL or a relative POSIX path, never
 * absolute and never climbing with ".."), and for each field its name, its type among Table Schema's and the
 * formats that type allows. Checked with ajv in the data package test.
 */
const NAME = "^[-a-z0-9._/]+$";

const implies = (type: object, format: object) => ({
  anyOf: [{ not: { properties: { type }, required: ["type"] } }, { properties: { format } }],
});

const field = {
  type: "object",
  required: ["name"],
  properties: {
    name: { type: "string", minLength: 1 },
    title: { type: "string" },
    description: { type: "string" },
    type: {
      enum: [
        "string",
        "number",
        "integer",
        "boolean",
        "object",
        "array",
        "date",
        "time",
        "datetime",
        "year",
        "yearmonth",
        "duration",
        "geopoint",
        "geojson",
        "any",
      ],
    },
    format: { type: "string" },
    constraints: { type: "object" },
    rdfType: { type: "string" },
  },
  // "If the type is T, the format is one T allows", written as (not T) or (allowed format).
  allOf: [
    implies({ const: "string" }, { enum: ["default", "email", "uri", "binary", "uuid"] }),
    implies({ enum: ["number", "integer", "boolean"] }, { const: "default" }),
    implies({ const: "date" }, { type: "string" }),
  ],
} as const;

const tableSchema = {
  type: "object",
  required: ["fields"],
  properties: {
    fields: { type: "array", minItems: 1, items: field },
    primaryKey: { anyOf: [{ type: "string" }, { type: "array", minItems: 1, items: { type: "string" } }] },
    foreignKeys: { type: "array" },
    missingValues: { type: "array", items: { type: "string" } },
  },
} as const;

/** A URL or a relative POSIX path: not absolute, no "..", no home directory. */
const path = {
  type: "string",
  minLength: 1,
  anyOf: [{ pattern: "^https?://" }, { not: { pattern: "(^/)|(^~)|(^\\.\\./)|(/\\.\\./)|(/\\.\\.$)|(^\\.\\.$)" } }],
} as const;

const dialect = {
  type: "object",
  properties: {
    delimiter: { type: "string", minLength: 1 },
    doubleQuote: { type: "boolean" },
    lineTerminator: { type: "string" },
    quoteChar: { type: "string", minLength: 1 },
    header: { type: "boolean" },
    skipInitialSpace: { type: "boolean" },
    caseSensitiveHeader: { type: "boolean" },
    csvddfVersion: { type: "number" },
  },
} as const;

const resource = {
  type: "object",
  required: ["name", "profile", "schema"],
  oneOf: [{ required: ["path"] }, { required: ["data"] }],
  properties: {
    profile: { const: "tabular-data-resource" },
    name: { type: "string", pattern: NAME },
    path: { oneOf: [path, { type: "array", minItems: 1, items: path }] },
    data: {},
    title: { type: "string" },
    description: { type: "string" },
    format: { type: "string" },
    mediatype: { type: "string", pattern: "^(.+)/(.+)$" },
    encoding: { type: "string" },
    bytes: { type: "integer" },
    hash: { type: "string" },
    schema: tableSchema,
    dialect,
    sources: { type: "array" },
    licenses: { type: "array", minItems: 1 },
  },
} as const;

export const TABULAR_DATA_PACKAGE_SCHEMA = {
  $schema: "http://json-schema.org/draft-07/schema#",
  title: "Tabular Data Package (v1)",
  type: "object",
  required: ["resources", "profile"],
  properties: {
    profile: { const: "tabular-data-package" },
    name: { type: "string", pattern: NAME },
    id: { type: "string" },
    title: { type: "string" },
    description: { type: "string" },
    homepage: { type: "string" },
    version: { type: "string" },
    created: { type: "string", format: "date-time" },
    keywords: { type: "array", minItems: 1, items: { type: "string" } },
    contributors: { type: "array", minItems: 1, items: { type: "object", required: ["title"] } },
    licenses: { type: "array", minItems: 1, items: { type: "object" } },
    sources: { type: "array", items: { type: "object", required: ["title"] } },
    resources: { type: "array", minItems: 1, items: resource },
  },
} as const;
