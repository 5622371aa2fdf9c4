import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell } from 'electron';
import type { OpenDialogOptions } from 'electron';
import { createCore, type Core } from '../core';
import { IPC_EVENT, IPC_INVOKE } from '../ipc/transport-names';
import { consoleLogger } from '../log';
import { resolveDataDir } from '../paths';
import { defaultReportWorkers } from '../reports/pool';
import {
  APP_HOST,
  APP_INDEX_URL,
  APP_SCHEME,
  isAllowedExternalUrl,
  isNavigationAllowed,
  isTrustedSenderUrl,
  resolveStaticFile,
  secureWebPreferences,
  staticHeaders,
} from './security';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '../renderer');
const preloadFile = path.join(here, '../preload/index.cjs');
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;
  let core: Core | null = null;

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isNavigationAllowed(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isNavigationAllowed(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isAllowedExternalUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });

  async function serveAppFile(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const file = url.host === APP_HOST ? resolveStaticFile(rendererDir, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404 });
    try {
      return new Response(await fs.readFile(file), { headers: staticHeaders(file) });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  }

  function createWindow(): BrowserWindow {
    const window = new BrowserWindow({
      width: 1366,
      height: 768,
      minWidth: 1024,
      minHeight: 640,
      show: false,
      title: 'Siklus',
      autoHideMenuBar: true,
      webPreferences: secureWebPreferences(preloadFile),
    });
    window.once('ready-to-show', () => window.show());
    void window.loadURL(devServerUrl ?? APP_INDEX_URL);
    return window;
  }

  app.on('window-all-closed', () => {
    void core?.close().finally(() => app.quit());
    if (!core) app.quit();
  });

  void app.whenReady().then(async () => {
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) =>
      callback(false),
    );
    protocol.handle(APP_SCHEME, serveAppFile);

    try {
      // A damaged or too-new database does not throw here: the core starts in recovery mode
      // (only `recovery.*` answers) and the page shows the recovery screen.
      core = await createCore({
        dataDir: resolveDataDir(process.env, app.getPath('userData')),
        runtime: 'electron',
        appVersion: app.getVersion(),
        reportWorkers: defaultReportWorkers(),
        log: consoleLogger,
        onRestored: () => {
          // Let the reply reach the page, then start afresh on the restored data.
          setTimeout(() => {
            void (core?.close() ?? Promise.resolve()).finally(() => {
              app.relaunch();
              app.exit(0);
            });
          }, 500);
        },
        pickFolder: async () => {
          const options: OpenDialogOptions = { properties: ['openDirectory', 'createDirectory'] };
          const picked = mainWindow
            ? await dialog.showOpenDialog(mainWindow, options)
            : await dialog.showOpenDialog(options);
          return picked.canceled ? null : (picked.filePaths[0] ?? null);
        },
      });
    } catch (error) {
      // Only what recovery mode cannot cover (e.g. no data folder can be created at all).
      dialog.showErrorBox(
        'Siklus tidak dapat dibuka',
        error instanceof Error ? error.message : String(error),
      );
      app.exit(1);
      return;
    }
    if (core.mode === 'recovery') {
      consoleLogger.error('Siklus started in recovery mode', { reason: core.recovery?.reason });
    }
    const opened = core;

    ipcMain.handle(IPC_INVOKE, (event, channel: unknown, input: unknown) =>
      opened.dispatch(channel, input, {
        trusted:
          event.sender === mainWindow?.webContents &&
          isTrustedSenderUrl(event.senderFrame?.url, devServerUrl),
      }),
    );
    opened.subscribe((name, payload) => mainWindow?.webContents.send(IPC_EVENT, name, payload));

    mainWindow = createWindow();
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  });
}
