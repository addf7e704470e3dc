import { ConfigError, loadConfig } from './config';
import { DataDirLockedError } from './db/data-dir-lock';
import { PortInUseError, startServer } from './runtime/server';

/** `parkos start`: runs until SIGINT/SIGTERM, then shuts down in order. */
export async function main(): Promise<void> {
  try {
    const config = loadConfig();
    const server = await startServer(config);
    let stopping = false;
    const shutdown = (signal: string) => {
      if (stopping) return;
      stopping = true;
      process.stdout.write(`\n${signal}: stopping ParkOS…\n`);
      server.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.on('SIGINT', () => shutdown('SIGINT'));
    process.on('SIGTERM', () => shutdown('SIGTERM'));
  } catch (err) {
    if (err instanceof ConfigError || err instanceof DataDirLockedError || err instanceof PortInUseError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
}
