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
