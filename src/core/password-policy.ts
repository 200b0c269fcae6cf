/** Password rules for accounts: the UI, the API and the CLI all call this one function. */
export function passwordProblem(password: string): string | null {
  if (password.length < 8) return "密码至少 8 位";
  if (password.length > 128) return "密码不能超过 128 位";
  const classes = [/[A-Za-z]/, /\d/, /[^A-Za-z\d]/].filter((re) => re.test(password)).length;
  if (classes < 2) return "密码须包含字母、数字、符号中的至少两类";
  return null;
}

export const USERNAME_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{2,31}$/;
export const USERNAME_RULE = "用户名为 3–32 位字母、数字或 . _ -，以字母或数字开头";
