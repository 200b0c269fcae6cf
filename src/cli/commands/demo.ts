import { DEMO_PASSWORD, loadDemo } from "../../app/demo/load-demo";
import { resetDatabase } from "../../db/reset";
import { generateDemoDistrict } from "../../demo/generate";
import type { Runtime } from "../runtime";
import { openRuntime } from "../runtime";

/** The accounts worth trying first; every department also has dept<code>. */
const SHOWN = ["finance", "staff", "auditor", "dept", "unit", "firm", "expert"];

export function printDemoAccounts(users: { username: string; displayName: string; role: string }[]) {
  console.log(`演示账号（密码均为 ${DEMO_PASSWORD}）：`);
  for (const u of users.filter((x) => SHOWN.includes(x.username))) {
    console.log(`  ${u.username.padEnd(10)} ${u.displayName}`);
  }
  console.log("  dept101 … dept154  各主管部门账号；unit120001 等  各预算单位账号（unit + 单位编码）");
}

async function load(rt: Runtime) {
  const started = Date.now();
  const data = generateDemoDistrict();
  await loadDemo(rt.deps, data, (step) => console.log(`  载入${step}`));
  console.log(
    `演示区县“${data.region.name}”已载入（${((Date.now() - started) / 1000).toFixed(1)} 秒）。数据为重构的模拟数据。`,
  );
  printDemoAccounts(data.users);
}

/** First start of an empty embedded database: load the demo district. */
export async function loadDemoIfEmpty(rt: Runtime) {
  if ((await rt.deps.uow.read.orgs.listRegions()).length > 0) return;
  console.log("新的数据目录：正在载入演示区县…");
  await load(rt);
}

export async function demo(options: { reset?: boolean }) {
  const rt = await openRuntime();
  try {
    if (options.reset) {
      await resetDatabase(rt.db);
      console.log("已清空数据库。");
    }
    await load(rt);
  } finally {
    await rt.close();
  }
}
