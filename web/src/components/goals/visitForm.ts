/** What the on-site review's record forms share: the server's text rules, and its errors placed on fields. */
import { markupReason } from "../../../../src/core/imports/cells";
import { errorMessage, isApiError } from "../../api/client";

/** The server's rules for findings, guidance and notes (app/goals/review-visits.ts), checked before sending. */
export const visitTextRules = (label: string, max: number) => [
  {
    validator: (_r: unknown, v: string | null | undefined) => {
      const text = (v ?? "").trim();
      if (text.length > max) return Promise.reject(new Error(`${label}不能超过 ${max} 字（现 ${text.length} 字）`));
      const reason = text ? markupReason(text.replace(/\n/g, " ")) : null;
      return reason ? Promise.reject(new Error(`${label}含有${reason}，请删除后再保存`)) : Promise.resolve();
    },
  },
];

/**
 * A refused save as messages per field (the server names it: `details.field`, or `details.issues` of a
 * request the contract refused) and the rest, which the form shows above its fields.
 */
export function serverFieldErrors<F extends string>(
  e: unknown,
  fields: readonly F[],
): { byField: Map<F, string[]>; general: string[] } {
  const byField = new Map<F, string[]>();
  const general: string[] = [];
  const add = (field: string | undefined, message: string) => {
    const name = (field ?? "").replace(/^(body|params)\./, "").split(".")[0] ?? "";
    if ((fields as readonly string[]).includes(name))
      byField.set(name as F, [...(byField.get(name as F) ?? []), message]);
    else general.push(message);
  };
  if (!isApiError(e)) return { byField, general: [errorMessage(e)] };
  const details = e.details as { field?: string; issues?: { field: string; message: string }[] } | undefined;
  if (details?.issues?.length) for (const i of details.issues) add(i.field, i.message);
  else add(details?.field, e.message);
  return { byField, general };
}
