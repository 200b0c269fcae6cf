import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";

/** The caller's notifications, newest first, with the unread count. */
export async function listNotifications(deps: Deps, actor: Actor, unreadOnly: boolean, page: number, pageSize: number) {
  authorize(actor, "profile.write");
  if (actor.userId === null) return { total: 0, rows: [], unread: 0 };
  const [found, unread] = await Promise.all([
    deps.uow.read.notifications.list(actor.userId, unreadOnly, page, pageSize),
    deps.uow.read.notifications.unreadCount(actor.userId),
  ]);
  return { ...found, unread };
}

/** Marks the caller's own notifications read: these ids, or all of them. */
export async function readNotifications(
  deps: Deps,
  actor: Actor,
  input: { ids?: number[] | undefined; all?: boolean | undefined },
) {
  authorize(actor, "profile.write");
  if (actor.userId === null) return 0;
  const userId = actor.userId;
  return deps.uow.transaction((repos) =>
    repos.notifications.markRead(userId, input.all ? "all" : (input.ids ?? []), deps.clock.now()),
  );
}
