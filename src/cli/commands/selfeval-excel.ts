import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { systemActor } from "../../app/auth/actor";
import { exportSelfEvalWorkbook } from "../../app/selfeval/export-workbook";
import { importSelfEvalWorkbook } from "../../app/selfeval/import-workbook";
import { AppError } from "../../core/errors";
import { MAX_UPLOAD_BYTES } from "../../core/imports/spec";
import type { SelfEvalSheetRead } from "../../core/selfeval/sheet";
import { readSelfEvalWorkbook } from "../../io/read-upload";
import { writeSelfEvalWorkbook } from "../../io/selfeval-xlsx";
import { openRuntime, type Runtime, resolveRegion } from "../runtime";

const yearOf = (text: string | undefined) => {
  const year = Number(text);
  if (!(Number.isInteger(year) && year >= 2000 && year <= 2100)) throw new Error(`年度无效：${text ?? "（未填）"}`);
  return year;
};

/** The departments of the region, in their order, to export one workbook each. */
async function departments(rt: Runtime, regionCode: string) {
  const orgs = await rt.deps.uow.read.orgs.listInScope({ kind: "region", regionCode });
  return orgs.filter((o) => o.kind === "department");
}

/**
 * `jixiao selfeval export --year 2025 [--department 120] [--out F]`: the project self-evaluation forms of a
 * department as the workbook units fill offline, into the file --out (default: the workbook's own name).
 * Without --department, one workbook per department that has forms, into the folder --out (default: here).
 */
export async function selfevalExport(options: { year?: string; department?: string; out?: string; region?: string }) {
  const fiscalYear = yearOf(options.year);
  const rt = await openRuntime();
  try {
    const regionCode = await resolveRegion(rt, options.region);
    const actor = systemActor(regionCode);
    const write = async (departmentId: number, out: (fileName: string) => string) => {
      const exported = await exportSelfEvalWorkbook(rt.deps, actor, { fiscalYear, departmentId });
      const file = out(exported.fileName);
      writeFileSync(file, await writeSelfEvalWorkbook(exported.sheets, { title: exported.title }));
      console.log(`已导出 ${exported.sheets.length} 张${fiscalYear}年度项目支出绩效自评表到 ${file}`);
    };
    if (options.department) {
      const org = await rt.deps.uow.read.orgs.byCode(regionCode, options.department);
      if (org?.kind !== "department") throw new Error(`主管部门不存在：${options.department}`);
      await write(org.id, (name) => options.out ?? name);
      return;
    }
    const dir = options.out ?? ".";
    mkdirSync(dir, { recursive: true });
    let files = 0;
    for (const org of await departments(rt, regionCode)) {
      try {
        await write(org.id, (name) => join(dir, name));
        files++;
      } catch (e) {
        if (!(e instanceof AppError && e.code === "SELFEVAL_EXPORT_EMPTY")) throw e;
      }
    }
    console.log(files === 0 ? `${fiscalYear}年度没有项目自评表` : `共 ${files} 个主管部门的工作簿，在 ${dir}`);
  } finally {
    await rt.close();
  }
}

/** The year most sheets' identities carry (a workbook is downloaded for one year). */
function fileYear(sheets: readonly SelfEvalSheetRead[]): number | null {
  const counts = new Map<number, number>();
  for (const s of sheets) {
    const y = s.table?.identity?.fiscalYear ?? s.table?.fiscalYear;
    if (y) counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? null;
}

/**
 * `jixiao selfeval import F.xlsx [--commit] [--year Y] [--json]`: checks every sheet and shows what would
 * change, with each form's total before and after; with --commit writes all changed forms in one
 * transaction, unless any sheet has an error (exit code 1). The command acts as the finance bureau's
 * system account on the declarer's behalf: it may change only forms in their declarer's hands (draft or
 * returned), never submitted or approved ones.
 */
export async function selfevalImport(
  file: string,
  options: { commit?: boolean; year?: string; json?: boolean; region?: string },
) {
  if (statSync(file).size > MAX_UPLOAD_BYTES) throw new Error(`文件 ${file} 超过 10 MB 上限`);
  const sheets = await readSelfEvalWorkbook(readFileSync(file));
  const fiscalYear = options.year === undefined ? fileYear(sheets) : yearOf(options.year);
  if (fiscalYear === null) throw new Error("文件中找不到年度，请用 --year 指定");
  const rt = await openRuntime();
  try {
    const actor = {
      ...systemActor(await resolveRegion(rt, options.region)),
      username: "cli",
      displayName: "命令行导入",
    };
    const input = { fiscalYear, fileName: basename(file), sheets, onBehalfOfDeclarer: true };
    const preview = await importSelfEvalWorkbook(rt.deps, actor, { ...input, mode: "preview" });
    const result =
      options.commit && preview.counts.errors === 0
        ? await importSelfEvalWorkbook(rt.deps, actor, { ...input, mode: "commit" })
        : preview;
    if (options.json) console.log(JSON.stringify(result, null, 2));
    else {
      const c = result.counts;
      console.log(
        `${fiscalYear}年度项目支出绩效自评表 ${c.sheets} 张：变更 ${c.changed}，未变 ${c.unchanged}，跳过 ${c.skipped}，有错误 ${c.withErrors}（${c.errors} 处）`,
      );
      const points = (s: { total: number | null } | null) => (s?.total == null ? "—" : s.total.toFixed(2));
      for (const s of result.sheets.filter((x) => x.status === "changed"))
        console.log(
          `  ${s.sheet} ${s.name ?? ""}：改动 ${s.changes.length} 处，自评总分 ${points(s.before)} → ${points(s.after)}${s.incomplete > 0 ? `，提交前仍须完善 ${s.incomplete} 项` : ""}`,
        );
      for (const i of result.issues.slice(0, 50)) console.log(`  ${i.message}`);
      if (c.errors > 50) console.log(`  …… 另有 ${c.errors - 50} 处错误`);
      console.log(
        result.committed
          ? "已写入。"
          : c.errors > 0
            ? "有错误，未写入任何数据。"
            : "预览，未写入（加 --commit 写入）。",
      );
    }
    if (preview.counts.errors > 0) process.exitCode = 1;
  } finally {
    await rt.close();
  }
}
