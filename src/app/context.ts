import { randomBytes } from "node:crypto";
import type { Role } from "../core/roles";
import type { Repos, UnitOfWork } from "./ports";

/** Who acts: a signed-in person, an API token's owner, or the system itself (CLI, demo loader). */
export interface Actor {
  userId: number | null;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  orgId: number;
  orgPath: string;
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * Where sample seeds come from. A seed is made by the system when the sample is drawn, after the
 * population is fixed, so nobody can try seeds until one gives the sample they want; it is recorded
 * with how it was made, and the draw replays from the record.
 */
export interface Entropy {
  drawSeed(): { seed: string; method: string };
}

export const cryptoEntropy: Entropy = {
  drawSeed: () => ({ seed: randomBytes(16).toString("hex"), method: "server-random-128" }),
};

/** What every use case receives: repositories (read outside, write inside a transaction), clock, hasher. */
export interface Deps {
  uow: UnitOfWork;
  clock: Clock;
  hasher: PasswordHasher;
  /** Sample seeds; the system's random source unless a caller (the demo loader) supplies its own. */
  entropy?: Entropy;
}

export type { Repos };
