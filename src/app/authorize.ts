import { forbidden } from "../core/errors";
import { type Action, can } from "../core/permissions";
import { type Scope, scopeOf } from "../core/scope";
import type { Actor } from "./context";

/** Refuses an action the actor's role may not take; use cases call it first, whatever shell calls them. */
export function authorize(actor: Actor, action: Action): Scope {
  if (!can(actor.role, action)) throw forbidden();
  return scopeOf(actor);
}
