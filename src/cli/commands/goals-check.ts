import { existsSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { systemActor } from "../../app/auth/actor";
import { checkGoalWorkbook, type GoalWorkbookCheck } from "../../app/goals/check-goal-workbook";
import { DEFAULT_GOAL_RULES } from "../../core/goals/goal-rules";
import { checkOutsideWorkbook, type OutsideSheetRead } from "../../core/goals/outside-check";
import { MAX_UPLOAD_BYTES } from "../../core/imports/spec";
import { fenToWan } from "../../core/money";
import { readOutsideGoalWorkbook } from "../../io/read-upload";
import { loadConfig } from "../../server/config";
import { openRuntime, resolveRegion } from "../runtime";

/**
 * `jixiao goals check FILE [--json] [--year Y] [--region R]`: reads a workbook of goal tables from any
 * system (one table per sheet, the official layout or a county's), runs the region's goal rules for each
 * table's year and lists, per sheet, the table read and the findings with their cells. Stores nothing.
 * Without a database the built-in rules are used and said so; the check never creates a data dir.
 * Exit code 0 without errors, 1 when any table has an error-severity finding, 2 when the file cannot be read.
 */
export async function goalsCheck(file: string, options: { json?: boolean; year?: string; region?: string }) {
  const year = options.year === undefined ? null : Number(options.year);
  if (year !== null && !(Number.isInteger(year) && year >= 2000 && year <= 2100))
    throw new Error(`年度无效：${options.year}`);
  let reads: OutsideSheetRead[];
  try {
    reads = await readOutsideGoalWorkbook(readFile(file));
  } catch (e) {
    console.error(`无法读取 ${file}：${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 2;
    return;
  }
  const { result, source } = await check(file, reads, year, options.region);
  if (options.json) console.log(JSON.stringify({ ...result, rulesSource: source }, null, 2));
  else print(result, source);
  process.exitCode = result.counts.errors > 0 ? 1 : 0;
}

function readFile(file: string): Buffer {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new Error(`找不到文件：${file}`);
  }
  if (size > MAX_UPLOAD_BYTES)
    throw new Error(`文件超过 10 MB 上限（${(size / 1024 / 1024).toFixed(1)} MB），请把工作表分成几个文件再检查`);
  return readFileSync(file);
}

const thisYear = () => Number(new Date().toLocaleString("en-CA", { timeZone: "Asia/Shanghai", year: "numeric" }));

/** The region's rules when there is a database (never creating one), else the built-in defaults. */
async function check(
  file: string,
  reads: OutsideSheetRead[],
  year: number | null,
  region: string | undefined,
): Promise<{ result: GoalWorkbookCheck; source: string }> {
  const config = loadConfig();
  const defaults = (why: string) => {
    const checked = checkOutsideWorkbook(reads, () => DEFAULT_GOAL_RULES, year, thisYear());
    const years = [...new Set(checked.sheets.flatMap((s) => s.tables.map((t) => t.fiscalYear)))].sort((a, b) => a - b);
    return {
      result: {
        fileName: file,
        rules: years.map((fiscalYear) => ({ fiscalYear, version: DEFAULT_GOAL_RULES.version, setForYear: null })),
        ...checked,
      },
      source: `内置默认指标体系与审核规则 ${DEFAULT_GOAL_RULES.version} 版（${why}）`,
    };
  };
  if (!config.databaseUrl && !existsSync(join(resolve(config.dataDir), "PG_VERSION"))) return defaults("没有数据库");
  let rt: Awaited<ReturnType<typeof openRuntime>>;
  try {
    rt = await openRuntime();
  } catch (e) {
    return defaults(`无法打开数据库：${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    if ((await rt.deps.uow.read.orgs.listRegions()).length === 0) return defaults("数据库中还没有区划");
    const code = await resolveRegion(rt, region);
    const result = await checkGoalWorkbook(rt.deps, systemActor(code), {
      fileName: file,
      sheets: reads,
      fiscalYear: year,
    });
    return { result, source: `区划 ${code} 的指标体系与审核规则` };
  } finally {
    await rt.close();
  }
}

function print(r: GoalWorkbookCheck, source: string) {
  console.log(`文件 ${r.fileName}：${r.counts.sheets} 个工作表，读出 ${r.counts.tables} 张绩效目标表`);
  console.log(`审核依据：${source}`);
  for (const rules of r.rules) {
    const of =
      rules.setForYear === null
        ? "默认"
        : rules.setForYear === rules.fiscalYear
          ? "本年度"
          : `沿用${rules.setForYear}年度`;
    console.log(`  ${rules.fiscalYear}年度：${rules.version} 版（${of}）`);
  }
  for (const sheet of r.sheets) {
    for (const t of sheet.tables) {
      console.log("");
      const name = t.part ? `${sheet.sheet} · ${t.part}` : sheet.sheet;
      console.log(`【${name}】${t.table.subjectName}（${t.fiscalYear}年度）`);
      const who = [t.departmentName && `主管部门：${t.departmentName}`, t.unitName && `实施单位：${t.unitName}`].filter(
        Boolean,
      );
      if (who.length > 0) console.log(`  ${who.join("  ")}`);
      const f = t.table.funds;
      if (f)
        console.log(
          `  资金：年度资金总额 ${fenToWan(f.total)} 万元（财政拨款 ${fenToWan(f.fiscal)} 万元，其他资金 ${fenToWan(f.other)} 万元）`,
        );
      console.log(`  指标 ${t.table.indicators.length} 个；错误 ${t.errors} 处，提示 ${t.warnings} 处`);
      for (const x of t.findings)
        console.log(
          `  ${(x.cell ?? "—").padEnd(5)} ${x.severity === "error" ? "错误" : "提示"}  ${x.title}：${x.message}${x.suggestion ? `（建议：${x.suggestion}）` : ""}`,
        );
      for (const note of t.notes) console.log(`  说明：${note}`);
    }
    if (sheet.tables.length === 0) console.log("");
    for (const issue of sheet.issues) console.log(`  ${(issue.cell ?? "—").padEnd(5)} 未能读取  ${issue.message}`);
  }
  const c = r.counts;
  console.log("");
  console.log(
    `合计：${c.tables} 张表，错误 ${c.errors} 处，提示 ${c.warnings} 处，无法读取之处 ${c.issues} 处；未写入任何数据。`,
  );
}
