/** Colours of the goal pages: errors red, warnings orange, as antd's red-6 / orange-6 (bars) and -7 (text). */
export const ERROR_COLOR = "#f5222d";
export const WARNING_COLOR = "#fa8c16";
export const ERROR_TEXT = "#cf1322";
export const WARNING_TEXT = "#d46b08";

/** antd Tag colours by severity. */
export const SEVERITY_TAG: Record<string, string> = { error: "error", warning: "warning" };
