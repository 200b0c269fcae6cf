/**
 * The phone rules every page gets from the shell (AppLayout inlines them): below 768 px side drawers
 * take the whole screen, filter bars stack their fields at full width, and wide tables that stay
 * tables scroll inside their card rather than widening the page, and a card's head wraps its buttons
 * under its title. antd's own Modal already narrows to the screen less 16 px there.
 */
export const PHONE_CSS = `
@media (max-width: 767px) {
  .ant-drawer-right > .ant-drawer-content-wrapper { width: 100% !important; }
  .jx-filter-bar > .ant-card-body > .ant-space { display: flex; }
  .jx-filter-bar > .ant-card-body > .ant-space > .ant-space-item { max-width: 100%; }
  .jx-filter-bar .ant-space-item:has(.ant-input-search) { flex: 1 0 100%; }
  .jx-filter-bar .ant-input-search { width: 100% !important; }
  .ant-card-head-wrapper { flex-wrap: wrap; gap: 0 8px; }
  .ant-card-head-title { flex: 1 1 auto; min-width: 0; }
  .ant-card-extra { padding-block: 4px; }
  .ant-table-wrapper { max-width: 100%; }
  .ant-table-content { overflow-x: auto; }
  .jx-inbox-list .ant-list-item { flex-wrap: wrap; padding-inline: 0; }
  .jx-inbox-list .ant-list-item-action { margin-inline-start: auto; }
  .ant-modal-footer { display: flex; flex-wrap: wrap; justify-content: flex-end; gap: 8px; }
  .ant-modal-footer > .ant-btn + .ant-btn { margin-inline-start: 0; }
}
`;
