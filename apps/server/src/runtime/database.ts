import type { AppConfig } from '../config';
import { openDatabase, type Database } from '../db/client';
import { acquireDataDirLock } from '../db/data-dir-lock';
import { runMigrations } from '../db/migrate';

/**
 * Opens the configured database for a process: in embedded mode it first
 * takes the data folder's lock (refusing, with the owner's pid, if another
 * ParkOS process holds it), then runs pending migrations.
 */
export async function openAppDatabase(config: AppConfig, command: string, options: { migrate?: boolean } = {}): Promise<Database> {
  let release: (() => void) | undefined;
  if (!config.databaseUrl) release = acquireDataDirLock(config.dataDir, command);
  try {
    const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: `${config.dataDir}/pglite`, poolSize: config.dbPoolSize });
    if (options.migrate !== false) await runMigrations(database);
    const close = database.close;
    database.close = async () => {
      await close();
      release?.();
    };
    return database;
  } catch (err) {
    release?.();
    throw err;
  }
}
