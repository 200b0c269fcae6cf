/** The database schema, one file per module; drizzle-kit reads it from here (drizzle.config.ts). */

export * from "./audit";
export * from "./auth";
export * from "./disclosure";
export * from "./evaluations";
export * from "./goals";
export * from "./goals-library";
export * from "./imports";
export * from "./monitoring";
export * from "./org";
export * from "./plan";
export * from "./projects";
export * from "./results";
export * from "./review";
export * from "./rule-sets";
export * from "./selfeval";
export * from "./selfeval-review";
export * from "./users";
