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

/** What every use case receives: repositories (read outside, write inside a transaction), clock, hasher. */
export interface Deps {
  uow: UnitOfWork;
  clock: Clock;
  hasher: PasswordHasher;
}

export type { Repos };
