import { CHANNELS, EVENT_NAMES, type Result, type SiklusBridge } from '@shared/contract';
import { IPC_EVENT, IPC_INVOKE } from '../ipc/transport-names';

/** The part of `ipcRenderer` the bridge uses (so it can be tested without Electron). */
export interface IpcLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): void;
}

const allowedChannels = new Set<string>(CHANNELS);
const allowedEvents = new Set<string>(EVENT_NAMES);

/**
 * `window.siklus`: `invoke` for the listed channels only, and `on` for the listed events, whose
 * listeners receive the payload and never the Electron event object.
 */
export function createBridge(ipc: IpcLike): SiklusBridge {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  ipc.on(IPC_EVENT, (_event, name, payload) => {
    if (typeof name !== 'string') return;
    for (const listener of listeners.get(name) ?? []) listener(payload);
  });

  return {
    invoke(channel, input) {
      if (typeof channel !== 'string' || !allowedChannels.has(channel)) {
        const refused: Result<never> = {
          ok: false,
          error: { code: 'UNKNOWN_CHANNEL', message: 'Permintaan tidak dikenal.' },
        };
        return Promise.resolve(refused);
      }
      return ipc.invoke(IPC_INVOKE, channel, input);
    },
    on(event, listener) {
      if (!allowedEvents.has(event) || typeof listener !== 'function') return () => undefined;
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const wrapped = (payload: unknown) => listener(payload);
      set.add(wrapped);
      return () => {
        set.delete(wrapped);
      };
    },
  };
}
