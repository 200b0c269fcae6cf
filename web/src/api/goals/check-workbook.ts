import type { ReplyOf } from "../../../../src/contracts/common";
import type * as checkFile from "../../../../src/contracts/goals-check-file";
import { apiUrl, errorFromResponse, request } from "../client";

export type GoalWorkbookCheck = ReplyOf<typeof checkFile.checkGoalWorkbook>;
export type CheckedGoalTable = GoalWorkbookCheck["sheets"][number]["tables"][number];
export type CheckedFinding = CheckedGoalTable["findings"][number];

const form = (file: File) => {
  const body = new FormData();
  body.append("file", file, file.name);
  return body;
};

/** 检查外来目标表: the server reads and checks the workbook; nothing is stored. */
export function checkGoalWorkbookFile(file: File, year: number | undefined): Promise<GoalWorkbookCheck> {
  return request<GoalWorkbookCheck>("/goals/check-workbook", { method: "POST", query: { year }, body: form(file) });
}

/** The same check as an Excel list of findings (the file is sent again: nothing was kept). */
export async function checkGoalWorkbookXlsx(file: File, year: number | undefined): Promise<Blob> {
  const res = await fetch(apiUrl("/goals/check-workbook/findings.xlsx", { year }), {
    method: "POST",
    headers: { "X-Requested-With": "jixiao" },
    body: form(file),
    credentials: "same-origin",
  });
  if (!res.ok) throw await errorFromResponse(res);
  return res.blob();
}
