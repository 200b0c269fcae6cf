import type { FormInstance, FormRule } from "antd";
import { passwordProblem } from "../../../src/core/password-policy";

/** The account password policy of the core, as antd form rules. */
export const passwordRules = (label = "密码"): FormRule[] => [
  { required: true, message: `${label}必填` },
  {
    validator: (_r, v: string | undefined) => {
      const problem = v ? passwordProblem(v) : null;
      return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
    },
  },
];

/** "确认密码" must equal the field `other`. */
export const confirmRules = (other: string): FormRule[] => [
  { required: true, message: "请再次输入密码" },
  ({ getFieldValue }: Pick<FormInstance, "getFieldValue">) => ({
    validator: (_r, v: string | undefined) =>
      !v || getFieldValue(other) === v ? Promise.resolve() : Promise.reject(new Error("两次输入的密码不一致")),
  }),
];

export const PASSWORD_HINT = "至少 8 位，须包含字母、数字、符号中的至少两类";
