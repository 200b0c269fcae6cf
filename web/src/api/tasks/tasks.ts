/** 任务 and 待办: the inbox, task lists, progress, reminders and notifications. */

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ReplyOf } from "../../../../src/contracts/common";
import type * as tasks from "../../../../src/contracts/tasks";
import { request } from "../client";

export type Inbox = ReplyOf<typeof tasks.getInbox>;
export type Task = ReplyOf<typeof tasks.getTask>;
export type TaskPage = ReplyOf<typeof tasks.listTasks>;
export type TaskProgress = ReplyOf<typeof tasks.getTaskProgress>;
export type NotificationPage = ReplyOf<typeof tasks.listNotifications>;

/** The task list's filters as the page keeps them. */
export interface TaskFilters {
  kind?: string | undefined;
  status?: string | undefined;
  departmentId?: number | undefined;
  overdue?: boolean | undefined;
  q?: string | undefined;
}

export const taskKeys = {
  all: ["tasks"] as const,
  inbox: ["tasks", "inbox"] as const,
  list: (year: number, f: TaskFilters, page: number, pageSize: number) =>
    ["tasks", "list", year, f, page, pageSize] as const,
  progress: (year: number) => ["tasks", "progress", year] as const,
  task: (id: number) => ["tasks", "one", id] as const,
  notifications: ["notifications"] as const,
};

export const fetchInbox = () => request<Inbox>("/tasks/inbox");
export const fetchTasks = (year: number, f: TaskFilters, page: number, pageSize: number) =>
  request<TaskPage>("/tasks", { query: { year, ...f, page, pageSize } });
export const fetchTask = (id: number) => request<Task>(`/tasks/${id}`);
export const fetchProgress = (year: number) => request<TaskProgress>("/tasks/progress", { query: { year } });
export const remindTask = (id: number, version: number) =>
  request<Task>(`/tasks/${id}/remind`, { method: "POST", body: { version } });
export const fetchNotifications = () => request<NotificationPage>("/notifications", { query: { pageSize: 20 } });
export const readNotifications = (body: { ids?: number[]; all?: boolean }) =>
  request<void>("/notifications/read", { method: "POST", body });

export const useInbox = () => useQuery({ queryKey: taskKeys.inbox, queryFn: fetchInbox, refetchInterval: 60_000 });
export const useTasks = (year: number, f: TaskFilters, page: number, pageSize: number) =>
  useQuery({
    queryKey: taskKeys.list(year, f, page, pageSize),
    queryFn: () => fetchTasks(year, f, page, pageSize),
    placeholderData: keepPreviousData,
  });
export const useTask = (id: number) => useQuery({ queryKey: taskKeys.task(id), queryFn: () => fetchTask(id) });
export const useProgress = (year: number) =>
  useQuery({ queryKey: taskKeys.progress(year), queryFn: () => fetchProgress(year) });
export const useNotifications = () =>
  useQuery({ queryKey: taskKeys.notifications, queryFn: fetchNotifications, refetchInterval: 60_000 });
