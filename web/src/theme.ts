import type { ThemeConfig } from "antd";

export const PRIMARY = "#1f5fae";
export const FONT_FAMILY =
  '-apple-system, "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC", "Helvetica Neue", Arial, sans-serif';

/** A calm government-office look: antd's default algorithm, a sober blue, compact radii. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: PRIMARY,
    colorInfo: PRIMARY,
    colorLink: PRIMARY,
    fontFamily: FONT_FAMILY,
    borderRadius: 4,
    colorBgLayout: "#f3f5f8",
  },
  components: {
    Layout: { headerBg: "#17467f", siderBg: "#ffffff", headerHeight: 56, headerPadding: "0 20px" },
    Menu: { itemSelectedBg: "#e8f0fb", itemSelectedColor: PRIMARY },
    Table: { headerBg: "#f5f7fa" },
    Statistic: { contentFontSize: 24 },
  },
};
