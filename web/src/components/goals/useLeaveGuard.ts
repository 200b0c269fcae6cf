/** Moved to components/unsaved: the guard is shared by every form (goal tables, configuration pages). */
export { useLeaveGuard } from "../unsaved/useLeaveGuard";
