import { readFileSync, statSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { systemActor } from "../../app/auth/actor";
import { exportGoalTables } from "../../app/goals/export-goal-tables";
import { importGoalTables } from "../../app/goals/import-goal-tables";
import { MAX_UPLOAD_BYTES } from "../../core/imports/spec";
import { goalExportWorkbook } from "../../io/goal-table-xlsx";
import { readGoalWorkbook } from "../../io/read-upload";
import { openRuntime, resolveRegion } from "../runtime";

/** `jixiao goals export --year 2024 --department 120 --out f.xlsx` (or `--id 42` for one table). */
export async function goalsExport(options: {
  year?: string;
  department?: string;
  id?: string;
  out: string;
  region?: string;
}) {
  const id = options.id === undefined ? undefined : Number(options.id);
  const year = Number(options.year);
  if (id !== undefined && !(Number.isInteger(id) && id > 0)) throw new Error(`目标表编号无效：${options.id}`);
  if (id === undefined && !Number.isInteger(year)) throw new Error(`年度无效：${options.year ?? "（未填）"}`);
  if (id === undefined && !options.department)
    throw new Error("请用 --department 指定主管部门编码，或用 --id 导出一张表");
  const rt = await openRuntime();
  try {
    const actor = systemActor(await resolveRegion(rt, options.region));
    const exported = await exportGoalTables(
      rt.deps,
      actor,
      id !== undefined ? { id } : { fiscalYear: year, departmentCode: options.department },
    );
    writeFileSync(options.out, await goalExportWorkbook(exported));
    console.log(
      `已导出 ${exported.tables.length} 张${exported.fiscalYear}年度绩效目标表（指标体系版本 ${exported.rulesVersion}）到 ${options.out}`,
    );
  } finally {
    await rt.close();
  }
}

/**
 * `jixiao goals import f.xlsx [--dry-run] [--json]`: checks every sheet, shows what would change and
 * commits all sheets in one transaction unless --dry-run or any sheet has an error (exit code 1).
 * The command acts as the finance bureau's system account on the declarer's behalf: it may change
 * only tables in their declarer's hands (draft or returned), never submitted or approved ones.
 */
export async function goalsImport(file: string, options: { dryRun?: boolean; json?: boolean; region?: string }) {
  if (statSync(file).size > MAX_UPLOAD_BYTES) throw new Error(`文件 ${file} 超过 10 MB 上限`);
  const sheets = await readGoalWorkbook(readFileSync(file));
  const rt = await openRuntime();
  try {
    const actor = {
      ...systemActor(await resolveRegion(rt, options.region)),
      username: "cli",
      displayName: "命令行导入",
    };
    const input = { fileName: basename(file), sheets, onBehalfOfDeclarer: true };
    const preview = await importGoalTables(rt.deps, actor, { ...input, mode: "preview" });
    const result =
      options.dryRun || preview.counts.errors > 0
        ? preview
        : await importGoalTables(rt.deps, actor, { ...input, mode: "commit" });
    if (options.json) {
      console.log(JSON.stringify(result, null, 2));
    } else {
      const c = result.counts;
      console.log(
        `${result.fiscalYear ?? "?"}年度绩效目标表 ${c.sheets} 张：变更 ${c.changed}，未变 ${c.unchanged}，有错误 ${c.withErrors}（${c.errors} 处）`,
      );
      for (const t of result.tables.filter((x) => x.status === "changed")) {
        const n = t.indicators;
        console.log(
          `  ${t.sheet} ${t.subjectName ?? ""}：新增指标 ${n.new}，修改 ${n.changed}，删除 ${n.removed}${t.overallGoalChanged ? "，总体目标已改" : ""}`,
        );
      }
      for (const i of result.issues.slice(0, 50)) console.log(`  ${i.message}`);
      if (c.errors > 50) console.log(`  …… 另有 ${c.errors - 50} 处错误`);
      console.log(
        result.committed ? "已提交。" : c.errors > 0 ? "有错误，未写入任何数据。" : "预览（--dry-run），未写入。",
      );
    }
    if (preview.counts.errors > 0) process.exitCode = 1;
  } finally {
    await rt.close();
  }
}
