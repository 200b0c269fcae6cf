import { parseYuan, yuanNumberToFen } from "../money";
import { parseCategory } from "../project";
import { type FieldSpec, MAX_AMOUNT_FEN } from "./spec";

/** A cell as a reader hands it over: xlsx numbers stay numbers, CSV gives text, JSON may omit a key. */
export type RawCellInput = string | number | boolean | null | undefined;

/** Why a cell is refused: `detail` completes "第N行“列”：…". */
export class CellIssue {
  constructor(
    readonly code: string,
    readonly detail: string,
  ) {}
}

/** A parsed value, or the issue; a plain value (not wrapped) keeps 100,000 cells allocation-free. */
export type CellResult = unknown;

const ok = (value: unknown): CellResult => value;
const bad = (code: string, detail: string): CellIssue => new CellIssue(code, detail);

export const isBlank = (raw: RawCellInput): boolean =>
  raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "");

/** Echoes a clerk's value in a message: short, one line, and inert if a page ever shows it unescaped. */
export function quote(raw: RawCellInput): string {
  const s = String(raw)
    .replace(/\p{Cc}+/gu, " ")
    .replace(/</g, "＜")
    .replace(/>/g, "＞")
    .trim();
  return s.length > 30 ? `${s.slice(0, 30)}…` : s;
}

const CODE_RE = /^[A-Za-z0-9_-]+$/;
// Tab and line breaks (Alt+Enter in a cell) are folded to a space first; any other control character is refused.
const CONTROL_RE = /\p{Cc}/u;
// Not characters at all: XML (the xlsx and docx files a text is written into) forbids them, and Word refuses the file.
const NONCHARACTER_RE = /[\uFFFE\uFFFF]|\p{Cs}/u;
const SQL_RE =
  /;\s*(?:drop|delete|insert|update|alter|create|truncate|exec(?:ute)?|grant|select|shutdown)\b|--|\/\*|\*\/|\bunion\s+(?:all\s+)?select\b|'\s*or\s+'?\d+'?\s*=\s*'?\d/i;

/** Why a text looks like markup or an injection attempt, or null when it is plain text. */
export function markupReason(text: string): string | null {
  if (/[<>]/.test(text)) return "尖括号“＜＞”";
  if (CONTROL_RE.test(text)) return "控制字符";
  if (NONCHARACTER_RE.test(text)) return "无效字符（如 U+FFFF）";
  if (SQL_RE.test(text)) return "数据库语句片段";
  if (text.startsWith("=")) return "以“=”开头的公式";
  return null;
}

const MAX_YI = MAX_AMOUNT_FEN / 1_0000_0000_00; // fen → 亿元 (1亿元 = 10^10 fen), for the message
const MONEY_HINT = "请填写数字（元，最多两位小数）";

function parseMoney(raw: string | number | boolean): CellResult {
  let fen: number | null = null;
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) return bad("IMPORT_NOT_MONEY", `“${quote(raw)}”不是金额，${MONEY_HINT}`);
    if (raw < 0) return bad("IMPORT_NEGATIVE", `金额不能为负数，实际为“${quote(raw)}”`);
    if (raw * 100 > MAX_AMOUNT_FEN) return tooLarge(raw);
    fen = yuanNumberToFen(raw);
  } else if (typeof raw === "string") {
    // "1,234.56元" is common in hand-made sheets; 万元 is not stripped, it would change the amount.
    let text = raw.trim();
    if (text.endsWith("元")) text = text.replace(/(?<![万亿])元$/, "");
    fen = parseYuan(text);
    if (fen === null && /^\+?\d{16,}(?:\.\d*)?$/.test(text.replace(/[,，\s]/g, ""))) return tooLarge(raw);
  }
  if (fen === null) return bad("IMPORT_NOT_MONEY", `“${quote(raw)}”不是金额，${MONEY_HINT}`);
  if (fen < 0) return bad("IMPORT_NEGATIVE", `金额不能为负数，实际为“${quote(raw)}”`);
  if (fen > MAX_AMOUNT_FEN) return tooLarge(raw);
  return ok(fen === 0 ? 0 : fen); // no -0 from "-0.00"
}

const tooLarge = (raw: RawCellInput) =>
  bad("IMPORT_AMOUNT_TOO_LARGE", `“${quote(raw)}”元超过单笔金额上限${MAX_YI}亿元，请核对金额单位和位数`);

const YEAR_RE = /^(\d{1,4})年?$/;
const MONTH_RE = /^(\d{1,2})月?$/;

/** An integer cell; text may carry its unit (2024年, 3月). */
function parseInteger(raw: string | number | boolean, re: RegExp): number | null {
  if (typeof raw === "number") return Number.isInteger(raw) ? raw : null;
  if (typeof raw !== "string") return null;
  const m = re.exec(raw.trim());
  return m ? Number(m[1]) : null;
}

// Budget-system exports tick yes/no columns with √ (sometimes ✓) and cross them with ×.
const TRUE_WORDS = new Set(["是", "y", "yes", "true", "1", "√", "✓", "✔"]);
const FALSE_WORDS = new Set(["否", "n", "no", "false", "0", "×", "✗"]);
const ORG_KINDS: Record<string, "department" | "unit"> = {
  主管部门: "department",
  预算部门: "department",
  department: "department",
  预算单位: "unit",
  实施单位: "unit",
  unit: "unit",
};

/** Parses one non-blank cell by its field's type. */
function parseValue(field: FieldSpec, raw: string | number | boolean): CellResult {
  switch (field.type) {
    case "code": {
      const text = typeof raw === "number" && Number.isSafeInteger(raw) && raw >= 0 ? String(raw) : raw;
      if (typeof text !== "string" || !CODE_RE.test(text.trim()))
        return bad("IMPORT_BAD_CODE", `“${quote(raw)}”不是有效编码，编码只能包含字母、数字、“-”和“_”`);
      return checkLength(field, text.trim());
    }
    case "text": {
      const text = String(raw)
        .replace(/[\t\r\n]+/g, " ")
        .trim();
      const reason = markupReason(text);
      if (reason) return bad("IMPORT_MARKUP", `“${quote(text)}”含有不允许的内容（${reason}），请删除后重新导入`);
      return checkLength(field, text);
    }
    case "money":
      return parseMoney(raw);
    case "year": {
      const y = parseInteger(raw, YEAR_RE);
      if (y === null || y < 2000 || y > 2100)
        return bad("IMPORT_BAD_YEAR", `“${quote(raw)}”不是有效的预算年度，请填写2000–2100之间的四位年份`);
      return ok(y);
    }
    case "month": {
      const m = parseInteger(raw, MONTH_RE);
      if (m === null || m < 1 || m > 12)
        return bad("IMPORT_BAD_MONTH", `“${quote(raw)}”不是有效月份，请填写1–12的整数`);
      return ok(m);
    }
    case "bool": {
      const w = String(raw).trim().toLowerCase();
      if (TRUE_WORDS.has(w)) return ok(true);
      if (FALSE_WORDS.has(w)) return ok(false);
      return bad("IMPORT_BAD_BOOL", `“${quote(raw)}”无法识别，请填写“是”或“否”`);
    }
    case "category": {
      const c = typeof raw === "string" ? parseCategory(raw) : null;
      if (c === null)
        return bad("IMPORT_BAD_CATEGORY", `“${quote(raw)}”不是有效的项目类别，请填写常年性、延续性或一次性`);
      return ok(c);
    }
    case "orgKind": {
      const k = typeof raw === "string" ? ORG_KINDS[raw.trim()] : undefined;
      if (k === undefined)
        return bad("IMPORT_BAD_ORG_KIND", `“${quote(raw)}”不是有效的单位类型，请填写主管部门或预算单位`);
      return ok(k);
    }
  }
}

function checkLength(field: FieldSpec, text: string): CellResult {
  const max = field.maxLength;
  // Count characters as PostgreSQL varchar does (code points), only when UTF-16 length could exceed.
  if (max !== undefined && text.length > max) {
    const n = [...text].length;
    if (n > max) return bad("IMPORT_TOO_LONG", `长度为${n}个字符，超过上限${max}个字符`);
  }
  return ok(text);
}

/** Parses a cell by its field spec; a blank optional cell is null (false for a yes/no column). */
export function parseCell(field: FieldSpec, raw: RawCellInput): CellResult {
  if (isBlank(raw)) {
    if (field.required) return bad("IMPORT_REQUIRED", "必填，不能为空");
    return ok(field.type === "bool" ? false : null);
  }
  return parseValue(field, raw as string | number | boolean);
}
