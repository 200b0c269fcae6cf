/**
 * Which mounted pages hold unsaved edits, for the parts of the app shell that would lose them without
 * leaving the page: the header's year selector. Every form registers through useLeaveGuard while it is
 * dirty, so a new form is covered by using that hook.
 */

export interface UnsavedEntry {
  /**
   * Drops the page's edits in place (a configuration page goes back to reading). Without it, the page
   * cannot follow a switch of year and is left for its list (see useSwitchYear).
   */
  discard?: () => void;
}

const entries = new Set<UnsavedEntry>();

/** Registers a page's unsaved edits; returns the function that withdraws them. */
export function registerUnsaved(entry: UnsavedEntry): () => void {
  entries.add(entry);
  return () => {
    entries.delete(entry);
  };
}

export const hasUnsaved = (): boolean => entries.size > 0;

/** Discards every registered edit that can be discarded in place; false if a page could not. */
export function discardUnsaved(): boolean {
  let all = true;
  for (const e of [...entries]) {
    if (e.discard) {
      e.discard();
      entries.delete(e);
    } else all = false;
  }
  return all;
}
