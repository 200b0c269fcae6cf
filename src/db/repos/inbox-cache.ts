import type { NotificationRepo, TaskRepo } from "../../app/tasks/ports";

/**
 * Every home page starts with the inbox: an organisation's open tasks and a user's unread count, two
 * queries that on the embedded database (one query at a time) queue behind each other when many
 * users open their home page at once. On PGlite they are memoised in process and dropped after every
 * committed transaction (every task and notification write is in one), like the session cache; entries
 * also expire after a minute. The day is part of the key: overdue and urgency change with it.
 */
export class InboxCache {
  private readonly open = new Map<string, { at: number; value: Awaited<ReturnType<TaskRepo["open"]>> }>();
  private readonly unread = new Map<number, { at: number; value: number }>();

  constructor(private readonly ttlMs = 60_000) {}

  invalidate(): void {
    this.open.clear();
    this.unread.clear();
  }

  private fresh(at: number): boolean {
    return Date.now() - at < this.ttlMs;
  }

  wrapTasks(inner: TaskRepo): TaskRepo {
    const self = this;
    return {
      ...inner,
      async open(regionCode, orgId, userId, today, limit) {
        const key = `${regionCode}|${orgId}|${userId}|${today}|${limit}`;
        const hit = self.open.get(key);
        if (hit && self.fresh(hit.at)) return hit.value;
        const value = await inner.open(regionCode, orgId, userId, today, limit);
        self.open.set(key, { at: Date.now(), value });
        return value;
      },
    };
  }

  wrapNotifications(inner: NotificationRepo): NotificationRepo {
    const self = this;
    return {
      ...inner,
      async unreadCount(userId) {
        const hit = self.unread.get(userId);
        if (hit && self.fresh(hit.at)) return hit.value;
        const value = await inner.unreadCount(userId);
        self.unread.set(userId, { at: Date.now(), value });
        return value;
      },
    };
  }
}
