/**
 * Gate-scan verification benchmark over real HTTP (run: `npm run bench:passes`).
 * A child process runs the API (buildApp, PGlite in memory, migrated; scan records
 * written in batches); this process drives `POST /api/passes/scans` with autocannon:
 * BENCH_GATES gates, BENCH_PASSES signed passes, a fresh nonce per request, so every
 * request is a full verification (Ed25519 signature, window, scope, revocation, replay
 * window) plus a logged scan. A code's signature is checked once and then cached (see the
 * verifier), so BENCH_PASSES (default 20,000) sets how often scans repeat a code. Prints scans/s, latency p50/p99 and the decision mix.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const GATES = Number(process.env.BENCH_GATES ?? 20);
const PASSES = Number(process.env.BENCH_PASSES ?? 20_000);
/** Scans per request in the second phase (`POST /api/passes/scans/batch`, as offline gates upload); 0 skips it. */
const BATCH = Number(process.env.BENCH_BATCH ?? 50);

interface Fixture {
  url: string;
  gates: { code: string; secret: string }[];
  passes: string[];
}

async function serve(): Promise<void> {
  const { openDatabase } = await import('../../../db/client');
  const { runMigrations } = await import('../../../db/migrate');
  const { buildApp } = await import('../../../app');
  const { testConfig } = await import('../../../testing/test-app');
  const { SYSTEM } = await import('../../../testing/builders');
  const { signPass } = await import('./pass-codec');
  const { loadPassSigner } = await import('./pass-keys');
  const database = await openDatabase({ dataDir: process.env.BENCH_DATA_DIR ?? 'memory://', databaseUrl: process.env.BENCH_DATABASE_URL });
  await runMigrations(database);
  const config = testConfig({ PASS_REPLAY_WINDOW_SECONDS: '5' });
  const { app, services } = await buildApp({ config, database, logger: false });
  const park = await services.parks.createPark(SYSTEM, { name: 'Bench park', code: `PB${Date.now() % 100000}` });
  const gates = [];
  for (let i = 0; i < GATES; i++) {
    const d = await services.iot.devices.createDevice(SYSTEM, { code: `bench-gate-${i}`, name: `闸机 ${i}`, type: 'gate_camera', parkId: park.id });
    const { secret } = await services.iot.devices.rotateCredentials(SYSTEM, d.id);
    gates.push({ code: d.code, secret });
  }
  const signer = await loadPassSigner(database.db, { env: 'test' });
  const now = Math.floor(Date.now() / 1000);
  const passes = Array.from({ length: PASSES }, () =>
    signPass({ keyId: signer.keyIdBytes, passId: crypto.randomUUID(), holderKind: 'member', holderId: crypto.randomUUID(), notBefore: now - 60, notAfter: now + 3600, parkId: park.id, scope: { kind: 'park' } }, signer.privateKey),
  );
  await app.listen({ host: '127.0.0.1', port: 0 });
  // BENCH_CPU_PROF=file.cpuprofile: profile the server during the load only.
  const profile = process.env.BENCH_CPU_PROF;
  const inspector = profile ? new (await import('node:inspector')).Session() : undefined;
  if (inspector) {
    inspector.connect();
    await new Promise((r) => inspector.post('Profiler.enable', () => inspector.post('Profiler.start', r)));
  }
  const address = app.server.address() as { port: number };
  process.stdout.write(JSON.stringify({ url: `http://127.0.0.1:${address.port}`, gates, passes } satisfies Fixture) + '\n');
  let cpuAtMark = process.cpuUsage();
  let statsAtMark = { accepted: 0, rejected: 0 };
  process.on('message', (m) => {
    if (m === 'mark') {
      cpuAtMark = process.cpuUsage();
      statsAtMark = { accepted: services.passes.verifier.stats.accepted, rejected: services.passes.verifier.stats.rejected };
      process.send!('marked');
      return;
    }
    if (m !== 'stop') return;
    const cpu = process.cpuUsage(cpuAtMark);
    const scans = services.passes.verifier.stats.accepted + services.passes.verifier.stats.rejected - statsAtMark.accepted - statsAtMark.rejected;
    void (async () => {
      if (inspector) {
        const fs = await import('node:fs');
        await new Promise<void>((r) => inspector.post('Profiler.stop', (_e, res) => (fs.writeFileSync(profile!, JSON.stringify(res.profile)), r())));
      }
      await services.passes.verifier.close();
      const [row] = await database.query<{ n: number }>('select count(*)::int as n from pass_scans');
      const v = services.passes.verifier.stats;
      const { ed25519Backend } = await import('./pass-codec');
      process.send!({ ...v, backend: ed25519Backend, logged: row.n, cpuMicrosPerScan: (cpu.user + cpu.system) / Math.max(1, scans) });
      await app.close();
      await database.close();
      process.exit(0);
    })();
  });
}

async function drive(): Promise<void> {
  const self = fileURLToPath(import.meta.url);
  const child = spawn(process.execPath, ['--import', 'tsx', self, '--serve'], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  const fixture = await new Promise<Fixture>((resolve, reject) => {
    let buf = '';
    child.stdout!.on('data', (d: Buffer) => {
      buf += d.toString();
      const nl = buf.indexOf('\n');
      if (nl >= 0) resolve(JSON.parse(buf.slice(0, nl)) as Fixture);
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  let seq = 0;
  const counts: Record<string, number> = {};
  const scanOf = () => {
    const i = seq++;
    return { payload: fixture.passes[(i * 7919) % fixture.passes.length], nonce: `b${i}` };
  };
  const count = (reason: string) => (counts[reason] = (counts[reason] ?? 0) + 1);
  const run = (duration: number, batch = 0) =>
    autocannon({
      url: fixture.url,
      connections: batch ? Math.max(4, Math.round(CONNECTIONS / 5)) : CONNECTIONS,
      duration,
      requests: [
        {
          method: 'POST',
          path: batch ? '/api/passes/scans/batch' : '/api/passes/scans',
          setupRequest: (req: autocannon.Request) => {
            const gate = fixture.gates[seq % fixture.gates.length];
            return {
              ...req,
              headers: { 'content-type': 'application/json', authorization: `Device ${gate.code}:${gate.secret}` },
              body: JSON.stringify(batch ? { scans: Array.from({ length: batch }, scanOf) } : scanOf()),
            };
          },
          onResponse: (status: number, body: string) => {
            if (status !== 200) count(`http_${status}`);
            else if (batch) for (const d of (JSON.parse(body) as { decisions: { reason: string }[] }).decisions) count(d.reason);
            else count((JSON.parse(body) as { reason: string }).reason);
          },
        },
      ],
    });
  await run(2); // warm-up: JIT, caches
  for (const k of Object.keys(counts)) delete counts[k];
  child.send('mark');
  await new Promise((resolve) => child.once('message', resolve));
  const clientCpu0 = process.cpuUsage();
  const result = await run(SECONDS);
  const clientCpu = process.cpuUsage(clientCpu0);
  const single = { ...counts };
  for (const k of Object.keys(counts)) delete counts[k];
  const batched = BATCH ? await run(SECONDS, BATCH) : undefined;
  child.send('stop');
  const server = await new Promise<Record<string, number> & { backend: string }>((resolve) => child.once('message', (m) => resolve(m as Record<string, number> & { backend: string })));
  const scansPerSecond = result.requests.average;
  console.log(`passes bench: ${CONNECTIONS} connections, ${GATES} gates, ${PASSES} passes, ${SECONDS} s over HTTP (PGlite in memory)`);
  console.log(`  scans/s            ${Math.round(scansPerSecond)}   (goal ≥ 5,000: ${scansPerSecond >= 5000 ? 'met' : 'NOT met'})`);
  console.log(`  load generator CPU ${Math.round((clientCpu.user + clientCpu.system) / Math.max(1, result.requests.total))} µs per request (autocannon in this process, sharing the machine's cores with the server)`);
  console.log(`  latency p50 / p99  ${result.latency.p50} ms / ${result.latency.p99} ms`);
  console.log(`  responses          ${result.requests.total} (errors ${result.errors}, non-2xx ${result.non2xx})`);
  console.log(`  decisions          ${Object.entries(single).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  if (batched) {
    const scans = Object.values(counts).reduce((a, b) => a + b, 0);
    console.log(`  batched uploads    ${Math.round(scans / SECONDS)} scans/s in requests of ${BATCH} (POST /api/passes/scans/batch), request p50/p99 ${batched.latency.p50}/${batched.latency.p99} ms`);
  }
  console.log(`  scan records       ${server.logged} written (failed flushes ${server.failedFlushes}, dropped ${server.droppedRows})`);
  console.log(`  server CPU per scan ${Math.round(server.cpuMicrosPerScan)} µs over both phases (all work incl. HTTP, batched log writes) ≈ ${Math.round(1e6 / server.cpuMicrosPerScan)} scans/s per fully available core`);
  console.log(`  Ed25519 checks     ${server.signatureChecks} (${server.backend}); verified-code cache hits ${server.verifiedCacheHits} (codes repeat after ${PASSES} scans)`);
}

if (process.argv.includes('--serve')) await serve();
else await drive();
