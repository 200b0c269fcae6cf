/**
 * Dates as the finance bureau lives them: China Standard Time (Asia/Shanghai, UTC+8, no daylight saving),
 * whatever time zone the server runs in. At 00:30 on 1 January in Beijing a UTC server still says 31
 * December: the new fiscal year must already be the default.
 */
const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The calendar year in China at this instant. */
export const yearInChina = (at: Date): number => new Date(at.getTime() + CST_OFFSET_MS).getUTCFullYear();

/** The date in China at this instant, as YYYY-MM-DD. */
export const dateInChina = (at: Date): string => new Date(at.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
/** Date and minute in China (YYYY-MM-DD HH:mm), for files people read. */
export const minuteInChina = (at: Date): string =>
  new Date(at.getTime() + CST_OFFSET_MS).toISOString().slice(0, 16).replace("T", " ");

/** Whether `s` is a date that exists, written YYYY-MM-DD ("2024-02-29" yes, "2023-02-29" and "2024-13-45" no). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}
