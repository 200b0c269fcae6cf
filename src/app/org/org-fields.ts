import { AppError } from "../../core/errors";
import { markupReason } from "../../core/imports/cells";

/** The editable text fields of an organisation, checked the same way on create and update. */
export function checkOrgText(
  field: string,
  label: string,
  value: string | null | undefined,
  max: number,
  required = false,
) {
  const v = value?.trim() ?? "";
  if (required && !v) throw new AppError("validation", "ORG_FIELD_REQUIRED", `${label}必填`, { field });
  if (v.length > max) throw new AppError("validation", "ORG_FIELD_TOO_LONG", `${label}不能超过 ${max} 个字`, { field });
  const markup = markupReason(v);
  if (markup) throw new AppError("validation", "ORG_FIELD_MARKUP", `${label}不能含${markup}`, { field });
  return v || null;
}

export function checkPhone(value: string | null | undefined) {
  const v = value?.trim() ?? "";
  if (v && !/^[0-9+\-() ]{5,20}$/.test(v)) {
    throw new AppError("validation", "ORG_PHONE_INVALID", "联系电话只能包含数字、空格和 + - ( )，5–20 位", {
      field: "contactPhone",
    });
  }
  return v || null;
}
