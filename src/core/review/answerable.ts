import type { RoundOutcome } from "./outcome";

/**
 * Whether the declarer may answer a comment now: only while the record is back in its hands (editable),
 * and only the comments of the round that sent it back (the latest round, returned). Answers of earlier
 * rounds went out with a resubmission and stay as the reviewer read them. Comments written before rounds
 * were recorded (roundId null) are answerable until the record's first round.
 */
export function isAnswerable(
  comment: { roundId: number | null },
  latest: { id: number; outcome: RoundOutcome } | null,
  editable: boolean,
): boolean {
  if (!editable) return false;
  if (comment.roundId === null) return latest === null;
  return latest !== null && latest.id === comment.roundId && latest.outcome === "returned";
}

/** Text with nothing a reader can see (spaces, zero-width and direction marks only) is no answer. */
export const isBlankText = (text: string): boolean => text.replace(/[\p{Cf}\p{Z}\s]/gu, "") === "";
