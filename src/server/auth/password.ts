import { hash, verify } from "@node-rs/argon2";
import type { PasswordHasher } from "../../app/context";

/** argon2id with the library's defaults (OWASP-level memory and time cost). */
export const argon2Hasher: PasswordHasher = {
  hash: (password) => hash(password),
  verify: async (stored, password) => {
    try {
      return await verify(stored, password);
    } catch {
      return false;
    }
  },
};
