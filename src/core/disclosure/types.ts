/**
 * 信息公开 (domain.md §9): what the bureau publishes on the government portal. A publication is one item of a
 * fiscal year (the goal tables of key projects, the self-evaluation results, the key evaluation results, the
 * annual work report), optionally of one department. Its content lives in versions: a version is drafted by a
 * 信息员, approved by a different 审核员 and then never changes; a correction is a new version that says what
 * changed (更正说明), and every earlier published version stays readable.
 */
export const PUBLICATION_KINDS = ["goal_tables", "selfeval_results", "evaluation_results", "annual_report"] as const;
export type PublicationKind = (typeof PUBLICATION_KINDS)[number];

export const PUBLICATION_KIND_LABELS: Record<PublicationKind, string> = {
  goal_tables: "重点项目绩效目标",
  selfeval_results: "绩效自评结果",
  evaluation_results: "重点绩效评价结果",
  annual_report: "年度预算绩效管理工作报告",
};

export const VERSION_STATUSES = ["draft", "submitted", "published", "returned"] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

export const VERSION_STATUS_LABELS: Record<VersionStatus, string> = {
  draft: "草稿",
  submitted: "待审核",
  published: "已发布",
  returned: "已退回",
};

/** The column types of a published table: how a cell is stored in the body and shown. */
export const COLUMN_TYPES = ["text", "count", "amount", "score", "percent", "date"] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

export interface PublishedColumn {
  key: string;
  title: string;
  type: ColumnType;
}

/**
 * A table as published. Cells: text and date (YYYY-MM-DD) as strings; count as an integer; amount as integer
 * fen (shown as 万元 with two decimals); score and percent as their exact decimal text with two decimals
 * ("80.34", "28.00"), so no binary fraction ever changes a printed figure. Null is an empty cell.
 */
export interface PublishedTable {
  key: string;
  title: string;
  columns: PublishedColumn[];
  rows: Record<string, string | number | null>[];
}

export type BlockType = "heading1" | "heading2" | "paragraph";
export const BLOCK_TYPES = ["heading1", "heading2", "paragraph"] as const satisfies readonly BlockType[];

export interface PublicationBody {
  intro: string;
  blocks?: { type: BlockType; text: string }[];
  tables: PublishedTable[];
  /** What a kind needs besides its tables (the annual report's outline); opaque here. */
  template?: unknown;
}

/** A printed figure that no longer matches the data: found when the approver's check rebuilds the tables. */
export interface FigureFinding {
  /** The table's title. */
  table: string;
  /** The row's label (its first column), or "" for the table itself. */
  row: string;
  /** The column's title, or "" for a whole row or table. */
  column: string;
  printed: string | null;
  expected: string | null;
  message: string;
}
