import { z } from 'zod';

/** Events pushed from the main process to the page (`window.siklus.on`). */
export const events = {
  /** Progress of a long task (export, import, backup, report over years). */
  'task.progress': z.object({
    taskId: z.string(),
    done: z.number(),
    total: z.number(),
    label: z.string(),
  }),
};
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
export const EVENT_NAMES = Object.keys(events) as EventName[];
