/** Electron IPC channel names shared by the main process and the preload (no imports here). */
export const IPC_INVOKE = 'siklus:invoke';
export const IPC_EVENT = 'siklus:event';
