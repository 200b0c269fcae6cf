/** Styles of the goal-table pages (the app has no CSS files: each page inlines its own). */
export const GOAL_TABLE_CSS = `
.jx-gt-count { display: inline-block; padding: 0 6px; border-radius: 10px; font-size: 12px; line-height: 18px; font-variant-numeric: tabular-nums; white-space: nowrap; }
.jx-gt-count-error { background: #fff1f0; color: #cf1322; border: 1px solid #ffa39e; }
.jx-gt-count-warning { background: #fff7e6; color: #d46b08; border: 1px solid #ffd591; }
.jx-gt-group > td { background: #f0f5ff !important; font-weight: 600; }
.jx-gt-group-other > td { background: #fff1f0 !important; }
.jx-gt-table .ant-table-tbody > tr.jx-gt-row > td { vertical-align: top; }
.jx-gt-table .ant-table-tbody > tr.ant-table-expanded-row > td { padding: 2px 8px 8px 56px; background: #fff; border-top: 0; }
.jx-gt-table .ant-table-tbody > tr.jx-gt-has-notes > td { border-bottom: 0; }
.jx-gt-flash > td { animation: jx-gt-flash 1.6s ease-out; }
@keyframes jx-gt-flash { from { background: #ffe58f; } to { background: transparent; } }
.jx-gt-notes { display: flex; flex-direction: column; gap: 2px; font-size: 12px; line-height: 18px; }
.jx-gt-note-error { color: #cf1322; }
.jx-gt-note-warning { color: #d46b08; }
.jx-gt-note-comment { color: #0958d9; }
.jx-gt-draft { display: flex; flex-direction: column; align-items: flex-start; gap: 2px; padding: 4px 0; max-width: 720px; }
.jx-gt-draft textarea { background: #f0f5ff; }
.jx-gt-change { margin-left: 4px; font-size: 11px; line-height: 16px; padding: 0 4px; }
.jx-gt-note .jx-gt-sugg { color: rgba(0,0,0,0.55); }
.jx-gt-finding { display: flex; gap: 8px; width: 100%; padding: 6px 8px; border: 0; border-radius: 4px; background: none; font: inherit; color: inherit; text-align: left; cursor: pointer; }
.jx-gt-finding:hover { background: #fafafa; }
.jx-gt-finding + .jx-gt-finding { border-top: 1px dashed #f0f0f0; }
.jx-gt-bar { position: sticky; bottom: 0; z-index: 5; margin: 16px -20px 0; padding: 10px 20px; background: #fff;
  border-top: 1px solid #e5e8ed; box-shadow: 0 -2px 8px rgba(0,0,0,0.06); display: flex; align-items: center; gap: 16px; flex-wrap: wrap; }
.jx-gt-linkish { background: none; border: 0; padding: 0; cursor: pointer; font: inherit; color: inherit; }
.jx-gt-bar-alert { flex: 0 0 100%; max-height: 40vh; overflow-y: auto; }
.jx-gt-bar-alert .ant-alert { margin-bottom: 0 !important; }
.jx-gt-weight-ok { color: #389e0d; }
.jx-gt-weight-bad { color: #cf1322; font-weight: 600; }
.jx-gt-suggestion { padding: 10px 0; border-bottom: 1px solid #f0f0f0; display: flex; gap: 12px; align-items: flex-start; }
.jx-gt-suggestion:last-child { border-bottom: 0; }
/* A phone: the action bar spans the narrower content padding, its buttons on a line of their own; the
   sticky app header and card heads and the bar are kept clear when a field scrolls into view. */
@media (max-width: 767px) {
  html { scroll-padding-top: 104px; scroll-padding-bottom: 120px; }
  .jx-gt-bar { margin: 12px -10px 0; padding: 8px 10px calc(8px + env(safe-area-inset-bottom)); gap: 4px 12px; font-size: 13px; }
  .jx-gt-bar-gap, .jx-gt-bar-quiet { display: none; }
  .jx-gt-bar-buttons { flex: 1 0 100%; justify-content: flex-end; }
  .jx-gt-bar-alert { max-height: 30vh; }
}
`;
