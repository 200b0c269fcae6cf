import { Command } from "commander";
import { AppError } from "../core/errors";
import { IMPORT_KIND_LABELS, IMPORT_KINDS } from "../core/imports/spec";
import { demo } from "./commands/demo";
import { evaluationSummaryCommand } from "./commands/evaluations";
import { exportCommand } from "./commands/export";
import { goalsLint } from "./commands/goals";
import { goalsCheck } from "./commands/goals-check";
import { goalsExport, goalsImport } from "./commands/goals-excel";
import { importFile } from "./commands/import";
import { migrate } from "./commands/migrate";
import { monitoringExportList, monitoringSummary } from "./commands/monitoring";
import { planOpen, planShow, tasksSummary } from "./commands/plan";
import { reportAnnualCommand, reportCheckCommand } from "./commands/report";
import { resultsSummaryCommand } from "./commands/results";
import { reviewStatsCommand } from "./commands/review";
import { selfevalCheck } from "./commands/selfeval";
import { selfevalExport, selfevalImport } from "./commands/selfeval-excel";
import { serve } from "./commands/serve";
import { userActive, userCreate, userList, userPassword, userToken } from "./commands/user";

// A reader that leaves early (`| head`, `| grep -q`) closes the pipe; the command still finishes
// its work (an import commits) and its remaining output is simply dropped.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code !== "EPIPE") throw err;
  });
}

const program = new Command()
  .name("jixiao")
  .description("jixiao 预算绩效管理平台。数据库：DATABASE_URL（PostgreSQL）或 JIXIAO_DATA_DIR（内嵌，默认 ./data）")
  .showHelpAfterError();

program
  .command("serve")
  .description(
    "启动网页与 API（PORT 默认 3000，HOST 默认 127.0.0.1）；新的内嵌数据目录会载入演示区县（JIXIAO_DEMO=0 关闭）",
  )
  .option("--build-web", "网页前端缺失或过期时先构建")
  .action(serve);
program.command("migrate").description("把数据库结构升级到最新").action(migrate);
program
  .command("demo")
  .description("载入演示区县（2024 年度，重构的模拟数据）")
  .option("--reset", "先清空数据库中的全部业务数据")
  .action(demo);
program
  .command("import")
  .description(`导入一体化系统文件：${IMPORT_KINDS.join(" | ")}（.xlsx/.csv/.json）`)
  .argument("<kind>", `导入类型：${IMPORT_KINDS.map((k) => `${k} ${IMPORT_KIND_LABELS[k]}`).join("，")}`)
  .argument("<file>", "文件路径")
  .option("--dry-run", "只预览，不写入")
  .option("--region <code>", "区划代码（库中只有一个区划时可省略）")
  .option("--json", "以 JSON 输出结果")
  .action(importFile);
program
  .command("export")
  .description("导出数据：projects（.xlsx 或 .json）")
  .argument("<what>", "导出内容")
  .requiredOption("--year <year>", "预算年度")
  .requiredOption("--out <file>", "输出文件")
  .option("--region <code>", "区划代码")
  .action(exportCommand);

const goals = program.command("goals").description("绩效目标");
goals
  .command("lint")
  .description("全区绩效目标表智能审核，按规则、按部门汇总")
  .requiredOption("--year <year>", "预算年度")
  .option("--region <code>", "区划代码")
  .option("--top <n>", "列出问题最多的部门数", "10")
  .option("--json", "以 JSON 输出")
  .action(goalsLint);
goals
  .command("export")
  .description("导出绩效目标表 Excel（财预〔2020〕10号 格式）：一个主管部门的全部表（含目录），或 --id 一张表")
  .option("--year <year>", "预算年度")
  .option("--department <code>", "主管部门编码")
  .option("--id <id>", "目标表编号（导出一张表）")
  .requiredOption("--out <file>", "输出文件 .xlsx")
  .option("--region <code>", "区划代码")
  .action(goalsExport);
goals
  .command("import")
  .description("导入绩效目标表 Excel：全部工作表无误才写入；只改动草稿或被退回的表")
  .argument("<file>", "导出后填好的 .xlsx 文件")
  .option("--dry-run", "只预览，不写入")
  .option("--region <code>", "区划代码")
  .option("--json", "以 JSON 输出结果")
  .action(goalsImport);
goals
  .command("check")
  .description(
    "检查外来的绩效目标表 Excel（财政部格式或各地自制格式，每个工作表一张表）：按本区划该年度的指标体系与审核规则逐表审核，列出问题及所在单元格；不写入任何数据。退出码：0 无错误，1 有错误，2 文件无法读取",
  )
  .argument("<file>", ".xlsx 文件")
  .option("--year <year>", "按此年度的规则检查（默认取表中的年度）")
  .option("--region <code>", "区划代码（库中有多个区划时）")
  .option("--json", "以 JSON 输出")
  .action(goalsCheck);

const plan = program.command("plan").description("年度工作安排");
plan
  .command("show")
  .description("各阶段日期、状态与任务进度")
  .requiredOption("--year <year>", "预算年度")
  .option("--region <code>", "区划代码")
  .option("--json", "以 JSON 输出")
  .action(planShow);
plan
  .command("open")
  .description("下达一个阶段：goals = 目标申报（为每个项目和部门生成目标表草稿与申报任务；可重复执行，只补缺）")
  .argument("<phase>", "阶段：goals")
  .requiredOption("--year <year>", "预算年度")
  .option("--due <date>", "截止日期 YYYY-MM-DD，默认为本阶段的结束日期")
  .option("--region <code>", "区划代码")
  .action(planOpen);
program
  .command("tasks")
  .description("任务统计：按类型和状态计数，含逾期")
  .requiredOption("--year <year>", "预算年度")
  .option("--kind <kind>", "任务类型：goal-declaration")
  .option("--region <code>", "区划代码")
  .option("--json", "以 JSON 输出")
  .action(tasksSummary);

const monitoring = program.command("monitoring").description("绩效运行监控");
monitoring
  .command("summary")
  .description("年度监控汇总：部门监控与财政重点监控任务数及状态、红黄绿灯、整改措施")
  .requiredOption("--year <year>", "预算年度")
  .option("--region <code>", "区划代码")
  .option("--json", "以 JSON 输出")
  .action(monitoringSummary);
monitoring
  .command("export-list")
  .description(
    "导出一个监控轮次的监控表列表 Excel：部门、单位、对象、类型、状态、预算、执行、执行率、时间进度、预警及原因",
  )
  .requiredOption("--year <year>", "预算年度")
  .option("--month <n>", "截止月份（默认为该年度最近的轮次）")
  .option("--out <file>", "输出文件 .xlsx（默认按轮次命名）")
  .option("--region <code>", "区划代码")
  .action(monitoringExportList);

const selfeval = program.command("selfeval").description("绩效自评");
selfeval
  .command("check")
  .description(
    "核对项目支出绩效自评表 Excel（本系统的或区县自制的格式）：按表中分值重算每项得分与总分，列出与核算不符、自相矛盾和无法计分之处；不写入任何数据。退出码：0 无问题，1 有问题，2 文件无法读取",
  )
  .argument("<file>", ".xlsx 文件")
  .option("--year <year>", "按此年度的评分规则核对（默认取表中的年度）")
  .option("--region <code>", "区划代码（库中有多个区划时）")
  .option("--json", "以 JSON 输出")
  .action(selfevalCheck);
selfeval
  .command("export")
  .description(
    "导出项目支出绩效自评表工作簿（供单位离线填写后导入）：指定 --department 时导出该主管部门的一个文件，否则每个主管部门一个文件，放在 --out 目录中",
  )
  .requiredOption("--year <year>", "预算年度")
  .option("--department <code>", "主管部门编码")
  .option("--out <path>", "输出文件 .xlsx（指定部门时）或目录（未指定部门时），默认按工作簿命名、放在当前目录")
  .option("--region <code>", "区划代码")
  .action(selfevalExport);
selfeval
  .command("import")
  .description(
    "导入填好的项目支出绩效自评表工作簿：逐表核对并列出改动及导入前后的总分；加 --commit 才写入（全部无误才写入，否则一处不写）。以财政系统账号代填报单位导入，只能修改填报中或被退回的自评表",
  )
  .argument("<file>", ".xlsx 文件")
  .option("--commit", "写入（默认只预览）")
  .option("--year <year>", "预算年度（默认取文件中的年度）")
  .option("--region <code>", "区划代码")
  .option("--json", "以 JSON 输出")
  .action(selfevalImport);

const review = program.command("review").description("自评抽查复核");
review
  .command("stats")
  .description("复核结果统计：部门整体与项目自评的复核等级分布（个数、百分比）、各部门自评与复核得分对比、自评偏高的")
  .requiredOption("--year <year>", "预算年度")
  .option("--region <code>", "区划代码")
  .option("--json", "以 JSON 输出")
  .action(reviewStatsCommand);

const evaluations = program.command("evaluations").description("部门评价与财政重点评价");
evaluations
  .command("summary")
  .description(
    "年度绩效评价汇总：部门评价数与覆盖率、重点评价数、金额（万元）与平均分、等级分布、整改情况（只计已定稿的评价）",
  )
  .requiredOption("--year <year>", "预算年度")
  .option("--region <code>", "区划代码")
  .option("--json", "以 JSON 输出")
  .action(evaluationSummaryCommand);

const results = program.command("results").description("评价结果应用");
results
  .command("summary")
  .description("结果应用情况：现行采纳的规则集、调整项目数、核减合计（万元，两位小数）与分部门表（来自冻结的调整清单）")
  .requiredOption("--year <year>", "评价结果所属年度（调整其下一年度的预算申请）")
  .option("--region <code>", "区划代码")
  .option("--json", "以 JSON 输出")
  .action(resultsSummaryCommand);

const report = program.command("report").description("年度预算绩效管理工作报告");
report
  .command("annual")
  .description("按数据起草年度工作开展情况（默认模板；每个数字由数据计算）")
  .requiredOption("--year <year>", "预算年度")
  .option("--format <format>", "md、docx、html 或 txt", "md")
  .option("--out <file>", "输出文件（docx 必填）")
  .option("--region <code>", "区划代码")
  .action(reportAnnualCommand);
report
  .command("check")
  .description("核对报告中的数字：占比、合计、前后一致；指定 --year 时再与该年度数据核对。发现错误时退出码为 1")
  .argument("<file>", ".docx、.md 或 .txt 文件")
  .option("--year <year>", "与该年度的数据核对")
  .option("--region <code>", "区划代码")
  .option("--json", "以 JSON 输出")
  .action(reportCheckCommand);

const user = program.command("user").description("账号管理");
user
  .command("create")
  .argument("<username>")
  .requiredOption("--role <role>", "finance_admin | finance_staff | department | unit | firm | expert | auditor")
  .option("--name <displayName>", "姓名")
  .option("--org <code>", "所属单位编码（财政角色可省略，默认财政局）")
  .option("--password <password>", "密码（也可用环境变量 JIXIAO_PASSWORD）")
  .option("--region <code>", "区划代码；首个管理员用它创建区划")
  .option("--region-name <name>", "新区划的名称，如 柳州市城中区")
  .option("--bureau-name <name>", "新区划财政局的名称")
  .action(userCreate);
user.command("list").option("--region <code>").option("--json").action(userList);
user.command("password").argument("<username>").option("--password <password>").action(userPassword);
user
  .command("disable")
  .argument("<username>")
  .action((u: string) => userActive(u, false));
user
  .command("enable")
  .argument("<username>")
  .action((u: string) => userActive(u, true));
user
  .command("token")
  .description("为系统对接签发 Bearer 令牌；--list 列出，--revoke 吊销")
  .argument("[username]")
  .option("--name <name>", "令牌用途，如 一体化系统")
  .option("--expires <days>", "有效天数（1–3650），不填为长期有效")
  .option("--list", "列出令牌（可只列某账号的）")
  .option("--revoke <id>", "吊销编号为 id 的令牌")
  .option("--region <code>", "行政区划代码（库中有多个区划时）")
  .option("--json", "以 JSON 输出")
  .action(userToken);

try {
  await program.parseAsync();
} catch (err) {
  console.error(`错误：${err instanceof AppError || err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
}
