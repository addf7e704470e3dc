/**
 * Ledger benchmark: appends a million leaves to the in-memory Merkle tree, then times inclusion
 * and consistency proofs (and their verification) at that size.
 *
 *   npx tsx apps/server/src/modules/ledger/ledger.bench.ts [leaves] [samples]
 *
 * Defaults: 1,000,000 leaves, 1,000 samples per proof kind. The database-backed store will
 * reuse the same proof code through `TreeReader`, so these numbers are the hashing floor that
 * storage latency adds to.
 */
import { canonicalAuditEntry } from './canonical';
import { MemoryTree, consistencyProof, inclusionProof, leafHash } from './merkle';
import { verifyConsistency, verifyInclusion } from './merkle-verify';
import { positiveArg, nowMs } from '../../testing/bench-args';

const leafCount = positiveArg(2, 1_000_000);
const samples = positiveArg(3, 1_000);


function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const fmtUs = (ms: number): string => `${fmt(ms * 1000, 1)} µs`;

// Deterministic sampling, so two runs time the same proofs.
let seed = 6962;
function randomBelow(n: number): number {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return Math.floor((seed / 2 ** 31) * n);
}

async function main(): Promise<void> {
  console.log(`ledger benchmark — node ${process.version}, ${fmt(leafCount)} leaves, ${fmt(samples)} samples per proof kind\n`);

  // Leaf hashes are computed up front so the append figure isolates the tree update; the
  // end-to-end figure below adds canonical serialisation and leaf hashing.
  const leafHashes = new Uint8Array(leafCount * 32);
  for (let i = 0; i < leafCount; i += 1) {
    const entry = Buffer.allocUnsafe(8);
    entry.writeDoubleBE(i);
    leafHashes.set(leafHash(entry), i * 32);
  }

  const tree = new MemoryTree();
  const appendStart = nowMs();
  for (let i = 0; i < leafCount; i += 1) tree.append(leafHashes.subarray(i * 32, i * 32 + 32));
  const appendMs = nowMs() - appendStart;
  const root = tree.root();
  console.log(`append (tree update only):          ${fmt(leafCount / (appendMs / 1000))} appends/s  (${fmt(appendMs)} ms total)`);

  const e2eCount = Math.min(leafCount, 100_000);
  const e2eTree = new MemoryTree();
  const at = new Date('2025-01-01T00:00:00Z');
  const e2eStart = nowMs();
  for (let i = 0; i < e2eCount; i += 1) {
    const bytes = canonicalAuditEntry({
      id: i + 1,
      at,
      actorId: null,
      actorName: 'bench',
      action: 'workorder.update',
      entityType: 'work_order',
      entityId: `wo-${i}`,
      before: { status: 'open' },
      after: { status: 'closed', note: '维修完成' },
      parkId: null,
      enterpriseId: null,
    });
    e2eTree.append(leafHash(bytes));
  }
  const e2eMs = nowMs() - e2eStart;
  console.log(`append (canonical + leaf hash + tree): ${fmt(e2eCount / (e2eMs / 1000))} appends/s  (${fmt(e2eCount)} entries)`);
  console.log(`root at ${fmt(leafCount)}: ${root.toString('hex')}\n`);

  const size = tree.size;
  const inclusionTimes: number[] = [];
  const inclusionVerifyTimes: number[] = [];
  let failures = 0;
  for (let s = 0; s < samples; s += 1) {
    const index = randomBelow(size);
    const start = nowMs();
    const proof = await inclusionProof(index, size, tree);
    inclusionTimes.push(nowMs() - start);
    const verifyStart = nowMs();
    const result = verifyInclusion({ leafHash: leafHashes.subarray(index * 32, index * 32 + 32), index, size, root, proof });
    inclusionVerifyTimes.push(nowMs() - verifyStart);
    if (!result.ok) failures += 1;
  }

  const consistencyTimes: number[] = [];
  const consistencyVerifyTimes: number[] = [];
  for (let s = 0; s < samples; s += 1) {
    const size1 = 1 + randomBelow(size - 1);
    // The old root is part of the claim, not of the proof's cost, so it is computed untimed.
    const root1 = await tree.rootAt(size1);
    const start = nowMs();
    const proof = await consistencyProof(size1, size, tree);
    consistencyTimes.push(nowMs() - start);
    const verifyStart = nowMs();
    const result = verifyConsistency({ size1, size2: size, root1, root2: root, proof });
    consistencyVerifyTimes.push(nowMs() - verifyStart);
    if (!result.ok) failures += 1;
  }

  console.log(`at ${fmt(size)} leaves            median      p99`);
  console.log(`inclusion proof           ${fmtUs(median(inclusionTimes)).padStart(10)} ${fmtUs(percentile(inclusionTimes, 99)).padStart(10)}`);
  console.log(`inclusion verification    ${fmtUs(median(inclusionVerifyTimes)).padStart(10)} ${fmtUs(percentile(inclusionVerifyTimes, 99)).padStart(10)}`);
  console.log(`consistency proof         ${fmtUs(median(consistencyTimes)).padStart(10)} ${fmtUs(percentile(consistencyTimes, 99)).padStart(10)}`);
  console.log(`consistency verification  ${fmtUs(median(consistencyVerifyTimes)).padStart(10)} ${fmtUs(percentile(consistencyVerifyTimes, 99)).padStart(10)}`);
  console.log(`\nproofs that failed to verify: ${failures}`);
  console.log(`resident memory: ${fmt(process.memoryUsage().rss / 2 ** 20)} MiB`);
  if (failures > 0) process.exitCode = 1;
}

await main();
