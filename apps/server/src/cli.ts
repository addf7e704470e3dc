import { Command, Option } from 'commander';
import { ConfigError, loadConfig, type AppConfig } from './config';
import { DataDirLockedError } from './db/data-dir-lock';
import { backupDatabase, restoreDatabase, type Progress } from './db/backup';
import { runMigrations } from './db/migrate';
import { SYSTEM_ACTOR } from './modules/identity/actor';
import { checkPasswordStrength } from './modules/identity/identity.service';
import { openAppDatabase } from './runtime/database';
import { seedDemoPark } from './seed/demo-park';
import { createServices } from './services';
import { AppError } from './lib/errors';

/** Prints `table  1200/3000` on one line (a TTY) or once per table (logs). */
function progressPrinter(): Progress {
  let last = '';
  return (table, done, total) => {
    const line = `  ${table.padEnd(28)} ${done}/${total}`;
    if (process.stdout.isTTY) {
      process.stdout.write(`\r${line}`.padEnd(60));
      if (done >= total) process.stdout.write('\n');
    } else if (done >= total && table !== last) {
      process.stdout.write(line + '\n');
      last = table;
    }
  };
}

async function withDatabase<T>(command: string, fn: (config: AppConfig, db: Awaited<ReturnType<typeof openAppDatabase>>) => Promise<T>, options: { migrate?: boolean } = {}): Promise<T> {
  const config = loadConfig();
  const database = await openAppDatabase(config, command, options);
  try {
    return await fn(config, database);
  } finally {
    await database.close();
  }
}

/** The `parkos` command line. */
export function buildCli(): Command {
  const program = new Command('parkos').description('ParkOS — operations platform for technology and software parks').showHelpAfterError();

  program
    .command('start')
    .description('start ParkOS (roles from ROLES, default api,ingest,worker)')
    .action(async () => {
      const { main } = await import('./main');
      await main();
    });

  program
    .command('migrate')
    .description('apply pending database migrations')
    .action(() =>
      withDatabase('parkos migrate', async (_config, database) => {
        await runMigrations(database);
        process.stdout.write(`migrations applied (${database.driver})\n`);
      }),
    );

  program
    .command('create-admin')
    .description('create a company-wide operator account')
    .requiredOption('--username <name>', 'login name')
    .requiredOption('--password <password>', 'at least 10 characters with letters and digits')
    .option('--display-name <name>', 'shown name', 'Administrator')
    .action((opts: { username: string; password: string; displayName: string }) =>
      withDatabase('parkos create-admin', async (config, database) => {
        checkPasswordStrength(opts.password, '--password');
        const services = createServices(database, config);
        const user = await services.identity.createUserAsSystem(
          { actor: SYSTEM_ACTOR },
          { username: opts.username, displayName: opts.displayName, password: opts.password, grants: [{ role: 'operator', scopeType: 'all', scopeId: null }] },
        );
        process.stdout.write(`created operator ${user.username} (${user.id})\n`);
      }),
    );

  program
    .command('seed-demo')
    .description('seed the demo park into an empty database')
    .action(() =>
      withDatabase('parkos seed-demo', async (config, database) => {
        const services = createServices(database, config);
        if ((await services.identity.countUsers()) > 0) throw new Error('The database already has users; seed the demo only into an empty database.');
        const summary = await seedDemoPark(database.db, services, (step) => process.stdout.write(`  seeding ${step}…\n`));
        process.stdout.write(`seeded ${summary.enterprises} enterprises in ${summary.buildings} buildings\n`);
      }),
    );

  program
    .command('backup')
    .description('write a logical dump (restores into an empty database, embedded or PostgreSQL)')
    .argument('<file>', 'output file, e.g. parkos-2026-11-27.parkos.gz')
    .action((file: string) =>
      withDatabase('parkos backup', async (_config, database) => {
        const r = await backupDatabase(database, file, progressPrinter());
        process.stdout.write(`backup written to ${file}: ${r.rows} rows in ${r.tables} tables\n`);
      }),
    );

  program
    .command('restore')
    .description('restore a dump into an empty database')
    .argument('<file>', 'a file written by parkos backup')
    .action((file: string) =>
      withDatabase('parkos restore', async (_config, database) => {
        const r = await restoreDatabase(database, file, progressPrinter());
        process.stdout.write(`restored ${r.rows} rows in ${r.tables} tables from ${file}\n`);
      }),
    );

  program.addOption(new Option('--no-color').hideHelp());
  return program;
}

/** Runs the CLI; known errors print one clear line and exit 1. */
export async function runCli(argv: string[]): Promise<void> {
  try {
    await buildCli().parseAsync(argv);
  } catch (err) {
    if (err instanceof ConfigError || err instanceof DataDirLockedError || err instanceof AppError || err instanceof Error) {
      process.stderr.write(`parkos: ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
}
