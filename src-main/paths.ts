import path from 'node:path';

/** Where everything of one Siklus installation lives inside its data folder. */
export interface DataPaths {
  dir: string;
  database: string;
  backups: string;
  logs: string;
}

export function dataPaths(dataDir: string): DataPaths {
  const dir = path.resolve(dataDir);
  return {
    dir,
    database: path.join(dir, 'siklus.sqlite3'),
    backups: path.join(dir, 'backup'),
    logs: path.join(dir, 'log'),
  };
}

/**
 * The data folder: `SIKLUS_DATA_DIR` when set (tests, portable installs), otherwise `data`
 * under Electron's userData folder.
 */
export function resolveDataDir(env: NodeJS.ProcessEnv, userDataDir: string): string {
  const override = env.SIKLUS_DATA_DIR?.trim();
  return override ? path.resolve(override) : path.join(userDataDir, 'data');
}
