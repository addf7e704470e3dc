import fs from 'node:fs';
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
import { auditLedger, installRestoredLedgerKey, ledgerKeyForBackup, runLedgerVerifyCommand, runVerifyBundleCommand, type LedgerKeyOptions } from './modules/ledger';
import { createFolderStore } from './modules/files';

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

/** Progress of `parkos ledger audit`: one rewritten line on a TTY, a line per 10 % otherwise. */
function ledgerProgressPrinter(): (phase: string, done: number, total: number) => void {
  let lastDecile = -1;
  return (phase, done, total) => {
    const line = `  ${phase.padEnd(8)} ${done}/${total}`;
    if (process.stderr.isTTY) {
      process.stderr.write(`\r${line}`.padEnd(50));
      if (done >= total) process.stderr.write('\n');
      return;
    }
    const decile = total ? Math.floor((done / total) * 10) : 10;
    if (decile !== lastDecile) process.stderr.write(`${line}\n`);
    lastDecile = done >= total ? -1 : decile;
  };
}

/** Where this instance's ledger key comes from, as the ledger service sees it. */
function ledgerKeyOptions(config: AppConfig, database: { driver: 'pglite' | 'postgres' }): LedgerKeyOptions {
  return { configuredKey: config.ledgerSigningKey, env: config.env, driver: database.driver, dataDir: config.dataDir };
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
      withDatabase('parkos migrate', async (config, database) => {
        await runMigrations(database);
        const moved = await createServices(database, config).workorders.moveLegacyPhotos();
        process.stdout.write(`migrations applied (${database.driver})${moved ? `; ${moved} work-order photo(s) moved into ${config.filesDir}` : ''}\n`);
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
    .description('write a logical dump with the uploaded files (restores into an empty database, embedded or PostgreSQL)')
    .argument('<file>', 'output file, e.g. parkos-2026-11-27.parkos.gz')
    .action((file: string) =>
      withDatabase('parkos backup', async (config, database) => {
        // Only the embedded development key goes in; a LEDGER_SIGNING_KEY never does.
        const ledgerSigningKeyPem = ledgerKeyForBackup(ledgerKeyOptions(config, database)) ?? undefined;
        const r = await backupDatabase(database, file, progressPrinter(), { store: createFolderStore(config.filesDir), secrets: { ledgerSigningKeyPem } });
        process.stdout.write(`backup written to ${file}: ${r.rows} rows in ${r.tables} tables, ${r.files} stored files\n`);
        if (r.hasSecrets) {
          process.stderr.write(
            `WARNING: ${file} contains the ledger signing key of this development instance (DATA_DIR/ledger-key.pem), so that a restore signs with the same key id. Anyone holding the file can sign tree heads as this park: keep it as secret as the key.\n`,
          );
        }
      }),
    );

  program
    .command('restore')
    .description('restore a dump into an empty database')
    .argument('<file>', 'a file written by parkos backup')
    .action((file: string) =>
      withDatabase('parkos restore', async (config, database) => {
        const r = await restoreDatabase(database, file, progressPrinter(), { store: createFolderStore(config.filesDir) });
        process.stdout.write(`restored ${r.rows} rows in ${r.tables} tables and ${r.files} stored files from ${file}\n`);
        if (r.secrets.ledgerSigningKeyPem) {
          const key = await installRestoredLedgerKey(database.db, ledgerKeyOptions(config, database), r.secrets.ledgerSigningKeyPem);
          if (key.installed) process.stderr.write(`WARNING: ${file} carried a ledger signing key (secret); installed it in ${key.where}, so this instance signs with key id ${key.keyId} as the original did.\n`);
          else process.stderr.write(`WARNING: ${file} carried a development ledger signing key (key id ${key.keyId}); not installed because ${key.reason === 'configured_key' ? 'LEDGER_SIGNING_KEY is set' : 'NODE_ENV is production'}.\n`);
        }
      }),
    );

  program
    .command('ledger')
    .description('tamper-evident ledger: verify-inclusion | verify-consistency | verify-bundle FILE (offline); audit | sign-head (database)')
    .argument('[args...]', 'subcommand and its options (parkos ledger help)')
    // The verifiers parse their own flags, so commander passes everything through untouched.
    .allowUnknownOption()
    .helpOption(false)
    .action(async (args: string[]) => {
      const [sub, ...rest] = args;
      const io = { stdout: process.stdout, stderr: process.stderr };
      if (sub === 'verify-bundle') {
        process.exitCode = runVerifyBundleCommand(rest, io);
      } else if (sub === 'audit') {
        process.exitCode = await withDatabase('parkos ledger audit', async (_config, database) => {
          const started = Date.now();
          const result = await auditLedger(database.db, ledgerProgressPrinter());
          const summary = `${result.leaves} leaves, ${result.nodes} nodes, ${result.heads} signed heads checked in ${((Date.now() - started) / 1000).toFixed(1)} s`;
          if (result.ok) {
            process.stdout.write(`ledger intact: ${summary}\n`);
            return 0;
          }
          process.stderr.write(`ledger DIVERGES: ${result.divergence}\n(${summary} before the divergence)\n`);
          return 1;
        });
      } else if (sub === 'sign-head') {
        await withDatabase('parkos ledger sign-head', async (config, database) => {
          const head = await createServices(database, config).ledger.createHead();
          process.stdout.write(`${JSON.stringify(head, null, 2)}\n`);
        });
      } else {
        process.exitCode = runLedgerVerifyCommand(args, io);
        if (sub === undefined || sub === 'help' || sub === '--help' || sub === '-h') {
          process.stdout.write('  parkos ledger verify-bundle FILE [--key PUBLIC_KEY_PEM_FILE]   offline check of a downloaded proof bundle\n  parkos ledger audit        re-derive the whole log from the audit log and check every leaf, node and signed head, and that the heads grow in size and time with a verifying consistency proof between each and the next\n  parkos ledger sign-head    sign a tree head for the current size now\n');
        }
      }
    });

  program
    .command('dispatch')
    .description('smart dispatch: eval --train TRAIN.csv (--test TEST.csv | --folds K) --text COLS --label COL [--json]')
    .argument('[args...]', 'subcommand and its options')
    // The evaluation command parses its own flags.
    .allowUnknownOption()
    .helpOption(false)
    .action(async (args: string[]) => {
      const { runDispatchEval } = await import('./modules/workorders/classifier/eval-command');
      process.exitCode = await runDispatchEval(args, { stdout: process.stdout, stderr: process.stderr });
    });

  program
    .command('simulate')
    .description('publish realistic telemetry over MQTT for the demo devices (sim-*), with silences, spikes and bad payloads')
    .option('--url <url>', 'MQTT broker (default mqtt://127.0.0.1:$MQTT_PORT, or MQTT_URL)')
    .option('--devices <n>', 'number of devices', '30')
    .option('--rate <n>', 'messages per second over all devices', '10')
    .option('--duration <seconds>', 'stop after this many seconds (0: until Ctrl-C)', '0')
    .option('--bad-rate <p>', 'probability of a bad payload per message', '0.002')
    .option('--spike-rate <p>', 'probability of a spike per message', '0.003')
    .option('--silence-rate <p>', 'probability per message that the device goes quiet for 30–180 s', '0.002')
    .option('--replay <dir>', 'replay UCI occupancy-detection office readings for environment sensors')
    .option('--seed <n>', 'random seed', '2026')
    .option('--credentials <file>', 'JSON [{code, secret, type}] instead of issuing new secrets')
    .option('--api <url>', 'issue new secrets through this running ParkOS (e.g. http://127.0.0.1:3000) instead of opening the database')
    .option('--user <name>', 'operator login for --api', 'operator')
    .option('--password <password>', 'password for --api', 'Demo2026park')
    .option('--prefix <prefix>', 'simulate the devices whose code starts with this', 'sim-')
    .option('--save-credentials <file>', 'write the issued credentials to this file (for --credentials later)')
    .action(async (opts: Record<string, string | undefined>) => {
      const sim = await import('./modules/iot/simulator');
      const config = loadConfig();
      const num = (name: string) => {
        const v = Number(opts[name]);
        if (!Number.isFinite(v) || v < 0) throw new Error(`--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} must be a non-negative number`);
        return v;
      };
      const limit = num('devices');
      const devices = opts.credentials
        ? sim.readCredentialsFile(opts.credentials).slice(0, limit)
        : opts.api
          ? await sim.credentialsFromApi({ api: opts.api, username: opts.user!, password: opts.password!, prefix: opts.prefix!, limit })
          : await withDatabase('parkos simulate', (cfg, database) => sim.prepareSimulatedDevices({ db: database.db, devices: createServices(database, cfg).iot.devices }, { limit, prefix: opts.prefix }));
      if (opts.saveCredentials) fs.writeFileSync(opts.saveCredentials, JSON.stringify(devices, null, 2), { mode: 0o600 });
      const interrupted = new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
      await sim.runSimulateCommand({
        url: opts.url ?? config.mqttUrl ?? `mqtt://127.0.0.1:${config.mqttPort}`,
        devices,
        rate: num('rate'),
        duration: num('duration'),
        badRate: num('badRate'),
        spikeRate: num('spikeRate'),
        silenceRate: num('silenceRate'),
        replay: opts.replay,
        seed: num('seed'),
        out: process.stdout,
        interrupted,
      });
    });

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
