import { describe, expect, it, vi } from 'vitest';
import { IPC_EVENT, IPC_INVOKE } from '../../../src-main/ipc/transport-names';
import { createBridge, type IpcLike } from '../../../src-main/preload/bridge';

function fakeIpc() {
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => void>();
  const ipc: IpcLike & { emit(...args: unknown[]): void } = {
    invoke: vi.fn(async () => ({ ok: true, value: 'from main' })),
    on: (channel, listener) => handlers.set(channel, listener),
    emit: (...args) => handlers.get(IPC_EVENT)?.({ sender: 'electron-event-object' }, ...args),
  };
  return ipc;
}

describe('preload bridge', () => {
  it('forwards listed channels to the one IPC handler', async () => {
    const ipc = fakeIpc();
    const bridge = createBridge(ipc);
    await expect(bridge.invoke('app.info', {})).resolves.toEqual({ ok: true, value: 'from main' });
    expect(ipc.invoke).toHaveBeenCalledWith(IPC_INVOKE, 'app.info', {});
  });

  it('refuses unlisted channels without calling the main process', async () => {
    const ipc = fakeIpc();
    const bridge = createBridge(ipc);
    for (const channel of ['shell.exec', 'app.info ', 'constructor', 42]) {
      await expect(bridge.invoke(channel as string, {})).resolves.toMatchObject({
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL' },
      });
    }
    expect(ipc.invoke).not.toHaveBeenCalled();
  });

  it('gives listeners the payload only, never the Electron event', () => {
    const ipc = fakeIpc();
    const bridge = createBridge(ipc);
    const listener = vi.fn();
    const off = bridge.on('task.progress', listener);
    const payload = { taskId: 't', done: 1, total: 2, label: 'x' };
    ipc.emit('task.progress', payload);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([payload]);
    off();
    ipc.emit('task.progress', payload);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('ignores unlisted events', () => {
    const ipc = fakeIpc();
    const bridge = createBridge(ipc);
    const listener = vi.fn();
    bridge.on('secret.event', listener);
    ipc.emit('secret.event', 1);
    expect(listener).not.toHaveBeenCalled();
  });
});
