import type { PublicationKind } from "../../core/disclosure/types";
import { DEFAULT_TEMPLATE } from "../../core/report/default-template";
import type { Deps } from "../context";
import { approvePublication } from "../disclosure/approve";
import { editPublicationDraft } from "../disclosure/edit-draft";
import { preparePublication } from "../disclosure/prepare";
import { startCorrection } from "../disclosure/start-correction";
import { submitPublication } from "../disclosure/submit";
import { demoActor, type SetDay } from "./replay-declaration";

/** The demo's 信息员 drafts and its 审核员 approves, as the seed signs its report. */
const DRAFTER = "staff";
const APPROVER = "finance";

/** What the demo's correction of its 2024 report changed: the opening names the district's own plan. */
export const DEMO_REPORT_CORRECTION =
  "开篇补充所依据的《柳州市城中区关于全面实施预算绩效管理的实施方案》名称，其余内容不变";

/**
 * One publication through the use cases the 信息员 and the 审核员 call: prepared from the data of its day,
 * submitted, checked and approved (a finding would stop the demo: its figures are the data's).
 */
async function publish(deps: Deps, setDay: SetDay, days: [string, string], kind: PublicationKind, year: number) {
  const drafter = await demoActor(deps, DRAFTER);
  const approver = await demoActor(deps, APPROVER);
  setDay(days[0]);
  const p = await preparePublication(deps, drafter, { kind, fiscalYear: year });
  const submitted = await submitPublication(deps, drafter, p.id, {
    version: p.versions[0]!.version,
    approverId: approver.userId!,
  });
  setDay(days[1]);
  return approvePublication(deps, approver, p.id, { version: submitted.versions[0]!.version });
}

/** 信息公开 of the demo year's goal tables of key projects, once approved (the seed: 2024年重点项目绩效目标申报表). */
export const publishDemoGoalTables = (deps: Deps, setDay: SetDay, year: number) =>
  publish(deps, setDay, [`${year}-03-25`, `${year}-03-27`], "goal_tables", year);

/**
 * After the year's results are applied: the key evaluation results, then the year's work report, then its
 * correction (version 2 says what changed; version 1 stays readable on the portal).
 */
export async function replayDisclosure(deps: Deps, setDay: SetDay, year: number) {
  await publish(deps, setDay, [`${year + 1}-11-20`, `${year + 1}-11-24`], "evaluation_results", year);
  const report = await publish(deps, setDay, [`${year + 1}-12-08`, `${year + 1}-12-10`], "annual_report", year);
  const drafter = await demoActor(deps, DRAFTER);
  const approver = await demoActor(deps, APPROVER);
  setDay(`${year + 1}-12-15`);
  const opened = await startCorrection(deps, drafter, report.id, { version: report.versions[0]!.version });
  const template = {
    ...DEFAULT_TEMPLATE,
    intro: DEFAULT_TEMPLATE.intro.replace(
      "全面实施预算绩效管理的要求",
      "《柳州市城中区关于全面实施预算绩效管理的实施方案》要求",
    ),
  };
  const edited = await editPublicationDraft(deps, drafter, report.id, {
    version: opened.versions[0]!.version,
    template,
    changeNote: DEMO_REPORT_CORRECTION,
  });
  const submitted = await submitPublication(deps, drafter, report.id, {
    version: edited.versions[0]!.version,
    approverId: approver.userId!,
  });
  setDay(`${year + 1}-12-16`);
  await approvePublication(deps, approver, report.id, { version: submitted.versions[0]!.version });
}
