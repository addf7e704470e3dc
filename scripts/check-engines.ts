/**
 * Checks that every package in package-lock.json supports the Node versions
 * package.json states (`engines.node`) and the Node running this check, so the
 * README's promise and `npm install`'s EBADENGINE warnings cannot drift apart.
 * Run: `npx tsx scripts/check-engines.ts` (exit 1 listing the offenders).
 */
import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';

/** A locked package whose `engines.node` leaves out part of what the project promises. */
export interface EngineConflict {
  name: string;
  version: string;
  engines: string;
  /** What it leaves out: the stated range, the running Node, or both. */
  excludes: string[];
}

interface LockFile {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[]; optional?: boolean; os?: string[]; cpu?: string[] }>;
}

/** Whether an os/cpu list (npm's syntax, `!x` excludes) admits `value`; no list admits all. */
function admits(list: string[] | undefined, value: string): boolean {
  if (!list || list.length === 0) return true;
  if (list.includes(`!${value}`)) return false;
  return list.includes(value) || list.every((v) => v.startsWith('!'));
}

/** The conflicts between a lockfile's packages and a stated Node range and a running Node version. */
export function findEngineConflicts(lock: LockFile, stated: string, running: string, { platform = process.platform as string, arch = process.arch as string } = {}): EngineConflict[] {
  const conflicts: EngineConflict[] = [];
  for (const [location, pkg] of Object.entries(lock.packages)) {
    if (!location) continue;
    // An optional build for another platform (sharp's Windows 32-bit binary, say) is never installed
    // here; npm skips it on platforms it does not name, whatever its engines say.
    if (pkg.optional && !(admits(pkg.os, platform) && admits(pkg.cpu, arch))) continue;
    const range = Array.isArray(pkg.engines) ? undefined : pkg.engines?.node;
    if (!range) continue;
    const excludes: string[] = [];
    if (!semver.subset(stated, range, { includePrerelease: false })) excludes.push(`the stated ${stated}`);
    if (!semver.satisfies(running, range)) excludes.push(`the running ${running}`);
    if (excludes.length > 0) conflicts.push({ name: location.replace(/^.*node_modules\//, ''), version: pkg.version ?? '?', engines: range, excludes });
  }
  return conflicts;
}

/** Reads the project's package.json and package-lock.json from `root`. */
export function checkProject(root: string, running = process.version): { stated: string; conflicts: EngineConflict[] } {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { engines?: { node?: string } };
  const stated = manifest.engines?.node;
  if (!stated || !semver.validRange(stated)) throw new Error('package.json states no valid engines.node');
  const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as LockFile;
  return { stated, conflicts: findEngineConflicts(lock, stated, running) };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const { stated, conflicts } = checkProject(path.resolve(import.meta.dirname, '..'));
  for (const c of conflicts) process.stderr.write(`${c.name}@${c.version} needs node ${c.engines}, which excludes ${c.excludes.join(' and ')}\n`);
  process.stdout.write(conflicts.length === 0 ? `engines: every locked package supports node ${stated} and ${process.version}\n` : '');
  process.exit(conflicts.length === 0 ? 0 : 1);
}
