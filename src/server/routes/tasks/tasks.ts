import { getInbox, getTask, getTaskProgress, listTasks } from "../../../app/tasks/list-tasks";
import { listNotifications, readNotifications } from "../../../app/tasks/notifications";
import { remindTask } from "../../../app/tasks/remind-task";
import * as tasks from "../../../contracts/tasks";
import { type Api, actorOf, type ServerContext } from "../../context";

/** Tasks, the inbox, progress, reminders and the caller's notifications. */
export default function taskRoutes(app: Api, ctx: ServerContext) {
  app.get(
    "/api/v1/tasks",
    { config: { access: tasks.listTasks.access }, schema: tasks.listTasks.schema },
    async (req) => {
      const { year, page, pageSize, q, ...rest } = req.query;
      const found = await listTasks(
        ctx.deps,
        actorOf(req),
        { fiscalYear: year, q: q || undefined, ...rest },
        page,
        pageSize,
      );
      return { ...found, page, pageSize };
    },
  );
  app.get(
    "/api/v1/tasks/inbox",
    { config: { access: tasks.getInbox.access }, schema: tasks.getInbox.schema },
    async (req) => getInbox(ctx.deps, actorOf(req)),
  );
  app.get(
    "/api/v1/tasks/progress",
    { config: { access: tasks.getTaskProgress.access }, schema: tasks.getTaskProgress.schema },
    async (req) => getTaskProgress(ctx.deps, actorOf(req), req.query.year, req.query.kind),
  );
  app.get(
    "/api/v1/tasks/:id",
    { config: { access: tasks.getTask.access }, schema: tasks.getTask.schema },
    async (req) => getTask(ctx.deps, actorOf(req), req.params.id),
  );
  app.post(
    "/api/v1/tasks/:id/remind",
    { config: { access: tasks.remindTask.access }, schema: tasks.remindTask.schema },
    async (req) => remindTask(ctx.deps, actorOf(req), req.params.id, req.body),
  );
  app.get(
    "/api/v1/notifications",
    { config: { access: tasks.listNotifications.access }, schema: tasks.listNotifications.schema },
    async (req) => {
      const { unread, page, pageSize } = req.query;
      return { ...(await listNotifications(ctx.deps, actorOf(req), unread ?? false, page, pageSize)), page, pageSize };
    },
  );
  app.post(
    "/api/v1/notifications/read",
    { config: { access: tasks.readNotifications.access }, schema: tasks.readNotifications.schema },
    async (req, reply) => {
      await readNotifications(ctx.deps, actorOf(req), req.body);
      return reply.status(204).send();
    },
  );
}
