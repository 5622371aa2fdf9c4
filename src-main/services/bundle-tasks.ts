import { AppError, type EventPayload } from '@shared/contract';
import type { Locale } from '@shared/i18n';

/** What the core lends the bundle services once the database is open. */
export interface BundleHost {
  emit(event: 'task.progress', payload: EventPayload<'task.progress'>): void;
  /** The system folder dialog (desktop only). */
  pickFolder?: () => Promise<string | null>;
}

export interface RunningTask {
  readonly id: string;
  readonly signal: AbortSignal;
  /** Report progress in percent with a label. */
  progress(percent: number, label: string): void;
}

/**
 * Long bundle work (export, import) with progress on `task.progress` and cancellation by task
 * id. One task per id; the caller chooses the id so the page can listen before it starts.
 */
export function createBundleTasks(host: () => BundleHost | null) {
  const running = new Map<string, AbortController>();
  return {
    async run<T>(id: string, locale: Locale, work: (task: RunningTask) => Promise<T>): Promise<T> {
      if (running.has(id)) throw AppError.of('CONFLICT', locale, 'error.bundle.busy');
      const controller = new AbortController();
      running.set(id, controller);
      const task: RunningTask = {
        id,
        signal: controller.signal,
        progress(percent, label) {
          host()?.emit('task.progress', {
            taskId: id,
            done: Math.max(0, Math.min(100, Math.round(percent))),
            total: 100,
            label,
          });
        },
      };
      try {
        return await work(task);
      } finally {
        running.delete(id);
      }
    },
    cancel(id: string): boolean {
      const controller = running.get(id);
      if (!controller) return false;
      controller.abort();
      return true;
    },
    busy(): boolean {
      return running.size > 0;
    },
  };
}

export type BundleTasks = ReturnType<typeof createBundleTasks>;
