import { staleVersion } from "../core/errors";

/**
 * The state a write expects to find: the version (and status) the use case read and checked. A use case
 * reads a record, checks it (editable? allowed? sound?), then writes; the write must land on exactly
 * what was checked. So the client's version must be the one read (else the checks were made on another
 * state), and the repository's UPDATE repeats version and status in its WHERE, so a writer that got in
 * between makes it change nothing (null → 409 STALE_VERSION).
 */
export interface Expected<S extends string = string> {
  version: number;
  status: S;
}

/** The state read, once the client's version is confirmed to be it. */
export function expectState<S extends string>(
  read: { version: number; status: S },
  sent: number,
  what: string,
): Expected<S> {
  if (read.version !== sent) throw staleVersion(what);
  return { version: read.version, status: read.status };
}

/** For records without a status: the client's version must be the one read (and audited as "before"). */
export function expectVersion(read: { version: number }, sent: number, what: string): void {
  if (read.version !== sent) throw staleVersion(what);
}
