import { writeFileSync } from "node:fs";
import { systemActor } from "../../app/auth/actor";
import { exportProjects } from "../../app/projects/list-projects";
import { projectsWorkbook } from "../../io/project-export";
import { openRuntime, resolveRegion } from "../runtime";

/** `jixiao export projects --year 2024 --out file.xlsx|.json`: the project library with execution. */
export async function exportCommand(what: string, options: { year: string; out: string; region?: string }) {
  if (what !== "projects") throw new Error(`未知的导出内容“${what}”，目前可导出：projects`);
  const year = Number(options.year);
  if (!Number.isInteger(year)) throw new Error(`年度无效：${options.year}`);
  const rt = await openRuntime();
  try {
    const regionCode = await resolveRegion(rt, options.region);
    const rows = await exportProjects(rt.deps, systemActor(regionCode), { fiscalYear: year }, "code", "asc");
    if (options.out.endsWith(".json")) {
      // JSON keeps exact integer fen, for system-to-system use.
      writeFileSync(options.out, JSON.stringify({ fiscalYear: year, moneyUnit: "fen", rows }, null, 2));
    } else {
      writeFileSync(options.out, await projectsWorkbook(rows, year));
    }
    console.log(`已导出 ${rows.length} 个项目到 ${options.out}`);
  } finally {
    await rt.close();
  }
}
