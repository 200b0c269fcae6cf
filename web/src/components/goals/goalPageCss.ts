/** Row styles shared by the goal pages' clickable tables. */
export const GOAL_PAGE_CSS = `
.jx-goal-clickable { cursor: pointer; }
.jx-goal-selected { cursor: pointer; }
.jx-goal-selected > td, .jx-goal-selected:hover > td { background: #e8f0fb !important; }
.jx-goal-selected > td:first-child { box-shadow: inset 3px 0 0 #1f5fae; }
.jx-rotation-mark { display: inline-block; width: 10px; height: 10px; border-radius: 50%; background: #1f5fae; }
`;
