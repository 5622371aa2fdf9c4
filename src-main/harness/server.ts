import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { staticHeaders, resolveStaticFile, CONTENT_SECURITY_POLICY } from '../app/security';
import { createCore, type Core } from '../core';
import type { Logger } from '../log';
import type { MonthlyReportSource } from '../services/bundle-service';
import { BRIDGE_SCRIPT } from './bridge-script';
import { defaultReportWorkers } from '../reports/pool';

export interface HarnessOptions {
  dataDir: string;
  rendererDir: string;
  port?: number;
  now?: () => Date;
  log?: Logger;
  /** Tests only: the indicator report source for bundle exports (see CoreOptions). */
  reportSource?: MonthlyReportSource;
}

export interface Harness {
  /** The address to open, including the per-run token. */
  url: string;
  origin: string;
  token: string;
  core: Core;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 32 * 1024 * 1024;
const BRIDGE_PATH = '/__siklus/bridge.js';

function sameToken(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(request: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The browser harness: the built renderer served on 127.0.0.1, with `window.siklus` wired to
 * the same core (services + guarded handler registry) the Electron app uses, over a real SQLite
 * file in `dataDir`. Requests must carry the per-run token and come from the harness origin.
 */
export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const core = await createCore({
    dataDir: options.dataDir,
    runtime: 'harness',
    reportWorkers: defaultReportWorkers(),
    ...(options.now ? { now: options.now } : {}),
    ...(options.log ? { log: options.log } : {}),
    ...(options.reportSource ? { reportSource: options.reportSource } : {}),
  });
  const token = randomBytes(24).toString('base64url');
  let origin = '';
  let host = '';

  function fromOurPage(request: http.IncomingMessage): boolean {
    const requestOrigin = request.headers.origin;
    return (
      request.headers.host === host && (requestOrigin === undefined || requestOrigin === origin)
    );
  }

  async function serveStatic(pathname: string, response: http.ServerResponse): Promise<void> {
    const file = resolveStaticFile(options.rendererDir, pathname);
    let body: Buffer | string | null = null;
    if (file) {
      try {
        body = await fs.readFile(file);
      } catch {
        body = null;
      }
    }
    if (!file || body === null) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    if (file.endsWith('index.html')) {
      body = body
        .toString('utf8')
        .replace('<head>', `<head>\n    <script src="${BRIDGE_PATH}"></script>`);
    }
    response.writeHead(200, staticHeaders(file)).end(body);
  }

  async function invoke(request: http.IncomingMessage, response: http.ServerResponse) {
    let message: { channel?: unknown; input?: unknown } = {};
    try {
      message = JSON.parse(await readBody(request)) as typeof message;
    } catch {
      message = {};
    }
    const trusted =
      fromOurPage(request) && sameToken(request.headers['x-siklus-token'] as string, token);
    const result = await core.dispatch(message.channel, message.input, { trusted });
    response
      .writeHead(200, {
        'Content-Type': 'application/json; charset=utf-8',
        'Cache-Control': 'no-store',
      })
      .end(JSON.stringify(result));
  }

  function events(url: URL, request: http.IncomingMessage, response: http.ServerResponse) {
    if (!fromOurPage(request) || !sameToken(url.searchParams.get('token'), token)) {
      response.writeHead(403).end();
      return;
    }
    response.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    response.write(': siklus\n\n');
    const unsubscribe = core.subscribe((event, payload) => {
      response.write(`data: ${JSON.stringify({ event, payload })}\n\n`);
    });
    request.on('close', unsubscribe);
  }

  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', origin || 'http://127.0.0.1');
    const route = `${request.method} ${url.pathname}`;
    const done = (error: unknown) => {
      options.log?.error('harness: request failed', { route, error: String(error) });
      if (!response.headersSent) response.writeHead(500).end();
    };
    if (route === `GET ${BRIDGE_PATH}`) {
      response
        .writeHead(200, {
          'Content-Type': 'text/javascript; charset=utf-8',
          'Content-Security-Policy': CONTENT_SECURITY_POLICY,
          'Cache-Control': 'no-store',
        })
        .end(BRIDGE_SCRIPT);
    } else if (route === 'POST /__siklus/invoke') {
      invoke(request, response).catch(done);
    } else if (route === 'GET /__siklus/events') {
      events(url, request, response);
    } else if (request.method === 'GET') {
      serveStatic(url.pathname, response).catch(done);
    } else {
      response.writeHead(405).end();
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  host = `127.0.0.1:${port}`;
  origin = `http://${host}`;

  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    core,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await core.close();
    },
  };
}
