import type { Role } from "../../core/roles";
import type { UserListQuery } from "../../core/users";
import type { OrgRecord, OrgRef } from "../org/ports";
import type { Page } from "../ports";

/** Ports of user accounts. src/db implements them. */

export interface UserRecord {
  id: number;
  username: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  regionCode: string;
  orgId: number;
  active: boolean;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  version: number;
}

export interface UserWithOrg extends UserRecord {
  org: OrgRecord;
  regionName: string;
}

export interface UserRepo {
  byUsername(username: string): Promise<UserRecord | null>;
  byId(id: number): Promise<UserRecord | null>;
  withOrg(id: number): Promise<UserWithOrg | null>;
  list(
    regionCode: string,
    query: UserListQuery,
    page: number,
    pageSize: number,
  ): Promise<Page<UserRecord & { org: OrgRef }>>;
  insert(user: Omit<UserRecord, "id" | "version" | "lastLoginAt">): Promise<UserRecord>;
  update(
    id: number,
    version: number,
    /** Passwords are written by setPassword only. */
    patch: Partial<Pick<UserRecord, "displayName" | "role" | "orgId" | "active">>,
  ): Promise<UserRecord | null>;
  touchLogin(id: number, at: Date): Promise<void>;
  /**
   * Sets a password (bumping the version): unconditionally, or only over the hash that was verified
   * (`over`), so a change never undoes a reset made meanwhile. False when nothing was written.
   */
  setPassword(
    id: number,
    passwordHash: string,
    mustChangePassword: boolean,
    over?: string | undefined,
  ): Promise<boolean>;
}
