/**
 * Database-backed ledger benchmark on embedded PGlite (in memory): fills the log through the
 * batch append path, then times single appends (the audit hook's path: one transaction each,
 * row lock included), inclusion and consistency proofs, and a tree-head root, at that size.
 *
 *   npx tsx apps/server/src/modules/ledger/ledger-db.bench.ts [leaves] [samples]
 *
 * Defaults: 1,000,000 leaves, 200 samples. Set DATABASE_URL to run it on PostgreSQL instead
 * (it writes ledger tables: use an empty, migrated scratch database).
 */
import { openDatabase } from '../../db/client';
import { runMigrations } from '../../db/migrate';
import { MemoryTree, consistencyProof, inclusionProof, leafHash, rangeHash } from './merkle';
import { verifyConsistency, verifyInclusion } from './merkle-verify';
import { appendLeaves, createDbTreeReader, readTreeSize, type LeafInput } from './ledger.repository';
import { positiveArg, nowMs } from '../../testing/bench-args';

const leafCount = positiveArg(2, 1_000_000);
const samples = positiveArg(3, 200);
const BATCH = 20_000;

const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const median = (values: number[]) => sorted(values)[Math.floor(values.length / 2)];
const p99 = (values: number[]) => sorted(values)[Math.min(values.length - 1, Math.floor(values.length * 0.99))];
const ms = (v: number) => `${fmt(v, 2)} ms`;

let seed = 6962;
function randomBelow(n: number): number {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return Math.floor((seed / 2 ** 31) * n);
}

const leafOf = (i: number): LeafInput => ({ auditId: i + 1, leafHash: leafHash(Buffer.from(`bench entry ${i}`)) });

async function main(): Promise<void> {
  const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: 'memory://' });
  await runMigrations(database);
  const { db } = database;
  if ((await readTreeSize(db)) !== 0) throw new Error('the ledger is not empty: use a fresh database');
  console.log(`ledger DB benchmark — ${database.driver}, node ${process.version}, ${fmt(leafCount)} leaves, ${fmt(samples)} samples\n`);
  const memory = new MemoryTree();

  // Single appends on a small log: the per-entry cost the audit hook adds to a transaction.
  const smallSingles = Math.min(2000, leafCount);
  let start = nowMs();
  for (let i = 0; i < smallSingles; i += 1) {
    const leaf = leafOf(memory.size);
    await db.transaction((tx) => appendLeaves(tx, [leaf]));
    memory.append(leaf.leafHash);
  }
  let elapsed = nowMs() - start;
  console.log(`single appends (own transaction each), small log: ${fmt(smallSingles / (elapsed / 1000))} appends/s  (${fmt(elapsed / smallSingles, 2)} ms each)`);

  // Batch path up to the target size.
  start = nowMs();
  const batchStartSize = memory.size;
  let lastReport = start;
  while (memory.size < leafCount) {
    const n = Math.min(BATCH, leafCount - memory.size);
    const leaves = Array.from({ length: n }, (_, k) => leafOf(memory.size + k));
    await db.transaction((tx) => appendLeaves(tx, leaves));
    for (const leaf of leaves) memory.append(leaf.leafHash);
    if (nowMs() - lastReport > 10_000) {
      lastReport = nowMs();
      console.log(`  … ${fmt(memory.size)} leaves`);
    }
  }
  elapsed = nowMs() - start;
  console.log(`batch appends (${fmt(BATCH)} per transaction):           ${fmt((memory.size - batchStartSize) / (elapsed / 1000))} appends/s  (${fmt(elapsed / 1000, 1)} s to ${fmt(memory.size)})`);

  const reader = createDbTreeReader(db);
  const size = memory.size;
  start = nowMs();
  const root = await rangeHash(reader, 0, size);
  console.log(`tree-head root at ${fmt(size)} from stored nodes: ${ms(nowMs() - start)}  (${root.equals(memory.root()) ? 'equals' : 'DIFFERS FROM'} the in-memory root)`);

  // Single appends at full size.
  const bigSingles = 500;
  start = nowMs();
  for (let i = 0; i < bigSingles; i += 1) {
    const leaf = leafOf(memory.size);
    await db.transaction((tx) => appendLeaves(tx, [leaf]));
    memory.append(leaf.leafHash);
  }
  elapsed = nowMs() - start;
  console.log(`single appends at ${fmt(size)} leaves:                  ${fmt(bigSingles / (elapsed / 1000))} appends/s  (${fmt(elapsed / bigSingles, 2)} ms each)`);

  const finalSize = memory.size;
  const finalRoot = memory.root();
  const inclusionTimes: number[] = [];
  const consistencyTimes: number[] = [];
  let failures = 0;
  for (let s = 0; s < samples; s += 1) {
    const index = randomBelow(finalSize);
    let t0 = nowMs();
    const proof = await inclusionProof(index, finalSize, reader);
    inclusionTimes.push(nowMs() - t0);
    if (!verifyInclusion({ leafHash: await memory.perfectNode(0, index), index, size: finalSize, root: finalRoot, proof }).ok) failures += 1;

    const size1 = 1 + randomBelow(finalSize - 1);
    const root1 = await memory.rootAt(size1);
    t0 = nowMs();
    const cproof = await consistencyProof(size1, finalSize, reader);
    consistencyTimes.push(nowMs() - t0);
    if (!verifyConsistency({ size1, size2: finalSize, root1, root2: finalRoot, proof: cproof }).ok) failures += 1;
  }
  console.log(`\nat ${fmt(finalSize)} leaves (one query per proof)   median       p99`);
  console.log(`inclusion proof from the DB        ${ms(median(inclusionTimes)).padStart(10)} ${ms(p99(inclusionTimes)).padStart(10)}`);
  console.log(`consistency proof from the DB      ${ms(median(consistencyTimes)).padStart(10)} ${ms(p99(consistencyTimes)).padStart(10)}`);
  const [rows] = await database.query<{ leaves: number; nodes: number }>('select (select count(*) from ledger_leaves)::int as leaves, (select count(*) from ledger_nodes)::int as nodes');
  console.log(`\nstored: ${fmt(rows.leaves)} leaves, ${fmt(rows.nodes)} nodes; proofs that failed to verify: ${failures}`);
  console.log(`resident memory: ${fmt(process.memoryUsage().rss / 2 ** 20)} MiB`);
  await database.close();
  if (failures > 0) process.exitCode = 1;
}

await main();
