import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { basename } from "node:path";
import { systemActor } from "../../app/auth/actor";
import { runImport } from "../../app/imports/run-import";
import {
  IMPORT_KIND_LABELS,
  IMPORT_KINDS,
  IMPORT_SPECS,
  type ImportKind,
  MAX_UPLOAD_BYTES,
} from "../../core/imports/spec";
import { readTable } from "../../io/read-upload";
import { progress } from "../progress";
import { openRuntime, resolveRegion } from "../runtime";

export interface ImportOptions {
  region?: string;
  dryRun?: boolean;
  json?: boolean;
}

/**
 * `jixiao import <kind> <file>`: validates the whole file, shows what would change, and commits it
 * in one transaction unless --dry-run or any row has an error (exit code 1, nothing written).
 */
export async function importFile(kind: string, file: string, options: ImportOptions) {
  if (!(IMPORT_KINDS as readonly string[]).includes(kind)) {
    throw new Error(`未知的导入类型“${kind}”，可选：${IMPORT_KINDS.join("、")}`);
  }
  const k = kind as ImportKind;
  const size = statSync(file).size;
  if (size > MAX_UPLOAD_BYTES) throw new Error(`文件 ${file} 超过 10 MB 上限`);
  const bytes = readFileSync(file);
  const rt = await openRuntime();
  // With --json, stdout is the result alone: no progress lines before it.
  const bar = options.json
    ? { update: () => {}, stop: () => {} }
    : progress(`导入${IMPORT_KIND_LABELS[k]}`, process.stdout.isTTY);
  try {
    const regionCode = await resolveRegion(rt, options.region);
    const table = await readTable({ bytes, fileName: basename(file) }, IMPORT_SPECS[k]);
    const actor = { ...systemActor(regionCode), username: "cli", displayName: "命令行导入" };
    const input = {
      kind: k,
      fileName: basename(file),
      sha256: createHash("sha256").update(bytes).digest("hex"),
      rows: table.rows,
      onProgress: (phase: string, share: number) => bar.update(share, phase),
    };
    const preview = await runImport(rt.deps, actor, { ...input, mode: "preview" });
    const result =
      options.dryRun || preview.counts.errors > 0
        ? preview
        : await runImport(rt.deps, actor, { ...input, mode: "commit" });
    bar.stop();
    if (options.json) {
      console.log(JSON.stringify(result, null, 2));
    } else {
      const c = result.counts;
      console.log(
        `${table.format.toUpperCase()} ${c.total} 行：新增 ${c.new}，变更 ${c.changed}，未变 ${c.unchanged}，错误 ${c.errors} 个（涉及 ${c.errorRows} 行）`,
      );
      if (c.examples > 0) console.log(`已跳过 ${c.examples} 行示例`);
      for (const i of result.issues.slice(0, 50)) console.log(`  第${i.row}行 ${i.column ?? ""}：${i.message}`);
      if (result.issues.length > 50) console.log(`  …… 另有 ${c.errors - 50} 处错误`);
      console.log(
        result.committed ? "已提交。" : c.errors > 0 ? "有错误，未写入任何数据。" : "预览（--dry-run），未写入。",
      );
    }
    if (preview.counts.errors > 0) process.exitCode = 1;
  } finally {
    bar.stop();
    await rt.close();
  }
}
