import path from 'node:path';
import { parseArgs } from 'node:util';
import { consoleLogger } from '../log';
import { startHarness } from './server';

/** `npm run preview:web -- --data-dir DIR [--port N] [--renderer DIR]` */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string', default: '5799' },
      renderer: { type: 'string', default: path.resolve('out/renderer') },
    },
  });
  const dataDir = values['data-dir'];
  if (!dataDir) {
    console.error('Pakai: npm run preview:web -- --data-dir FOLDER [--port N]');
    process.exit(2);
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port tidak valid: ${values.port}`);
    process.exit(2);
  }
  const harness = await startHarness({
    dataDir,
    rendererDir: values.renderer,
    port,
    log: consoleLogger,
  });
  console.log(`Siklus (mode peramban) siap: ${harness.url}`);
  console.log(`Data: ${harness.core.paths.database}`);
  const stop = () => {
    void harness.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
