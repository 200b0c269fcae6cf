/**
 * `npm run bench [-- --only import|list|goals]`: runs the benchmarks of design.md §5 and prints one
 * Markdown table. Benchmarks are not tests: a missed target is printed as MISSED and the exit code
 * stays 0. A benchmark that cannot run at all is reported as FAILED (the others still run) and the exit
 * code is then 1.
 */
import { cpus, totalmem } from "node:os";
import { annualReportBench } from "./annual-report";
import { cachedReadsBench } from "./cached-reads";
import { evaluationReportBench } from "./evaluation-report";
import { evaluationSummaryBench } from "./evaluation-summary";
import { goalImportBench } from "./goal-import";
import { goalsLintBench } from "./goals-lint";
import { importBench } from "./import";
import { listBench } from "./list";
import { monitoringBench } from "./monitoring";
import { openDeclarationBench } from "./open-declaration";
import { publicPortalBench } from "./public-portal";
import { resultsSimulationBench } from "./results-simulation";
import { selfEvalBench } from "./selfeval";
import { type BenchRow, log, markdownTable } from "./stats";

const BENCHMARKS = {
  import: importBench,
  list: listBench,
  goals: goalsLintBench,
  "goal-import": goalImportBench,
  monitoring: monitoringBench,
  reads: cachedReadsBench,
  open: openDeclarationBench,
  selfeval: selfEvalBench,
  "evaluation-report": evaluationReportBench,
  "evaluation-summary": evaluationSummaryBench,
  "results-simulation": resultsSimulationBench,
  "annual-report": annualReportBench,
  "public-portal": publicPortalBench,
} as const satisfies Record<string, () => Promise<{ rows: BenchRow[]; notes: string[] }>>;
type Name = keyof typeof BENCHMARKS;

function selected(argv: readonly string[]): Name[] {
  const all = Object.keys(BENCHMARKS) as Name[];
  const i = argv.indexOf("--only");
  const inline = argv.find((a) => a.startsWith("--only="))?.slice("--only=".length);
  const wanted = inline ?? (i === -1 ? undefined : argv[i + 1]);
  if (wanted === undefined) return all;
  const names = wanted.split(",").map((s) => s.trim());
  const unknown = names.filter((n) => !(all as string[]).includes(n));
  if (unknown.length > 0) {
    console.error(`unknown benchmark ${unknown.join(", ")}; choose from ${all.join(", ")}`);
    process.exit(2);
  }
  return names as Name[];
}

async function main() {
  const names = selected(process.argv.slice(2));
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  log(
    `jixiao benchmarks: ${names.join(", ")} · Node ${process.version} · ${cpus().length} × ${cpu} · ` +
      `${(totalmem() / 1024 ** 3).toFixed(0)} GB`,
  );
  const rows: BenchRow[] = [];
  const notes: string[] = [];
  let failed = 0;
  for (const name of names) {
    const started = performance.now();
    log(`── ${name}`);
    try {
      const result = await BENCHMARKS[name]();
      rows.push(...result.rows);
      notes.push(...result.notes);
    } catch (e) {
      // One benchmark that cannot run does not throw away the figures of the others.
      failed++;
      console.error(e);
      const message = (e instanceof Error ? e.message : String(e)).split("\n")[0]?.replace(/\|/g, "/");
      rows.push({ benchmark: name, metric: "could not run", value: `FAILED: ${message}`, target: "", status: "" });
    }
    log(`── ${name} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  console.log("");
  console.log(markdownTable(rows));
  for (const note of notes) console.log(`\n${note}`);
  const missed = rows.filter((r) => r.status === "MISSED").length;
  console.log(`\n${missed === 0 ? "All targets met." : `${missed} target(s) MISSED.`}`);
  if (failed > 0) {
    console.log(`${failed} benchmark(s) FAILED to run.`);
    process.exitCode = 1;
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
