import fs from 'node:fs';
import path from 'node:path';

/** What a lock file records about the process that owns a data folder. */
export interface LockOwner {
  pid: number;
  command: string;
  startedAt: string;
  hostname?: string;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: LockOwner,
  ) {
    super(
      `The data folder ${dataDir} is in use by ParkOS process ${owner.pid} ("${owner.command}", started ${owner.startedAt}). ` +
        `PGlite takes no lock of its own and two processes on one folder lose data, so this one refuses to open it. ` +
        `Stop process ${owner.pid} first, or point DATA_DIR at another folder.`,
    );
    this.name = 'DataDirLockedError';
  }
}

const LOCK_FILE = 'parkos.lock';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The live owner of a data folder, or null when it is free (a stale lock of a dead process counts as free). */
export function readLockOwner(dataDir: string): LockOwner | null {
  try {
    const owner = JSON.parse(fs.readFileSync(path.join(dataDir, LOCK_FILE), 'utf8')) as LockOwner;
    return owner.pid !== process.pid && isAlive(owner.pid) ? owner : null;
  } catch {
    return null;
  }
}

/**
 * Makes this process the single owner of `dataDir` (PGlite has no lock of its
 * own, see MEASURED.md). The file is created with O_EXCL so two starts racing
 * cannot both win; a lock left by a dead process is replaced.
 * Returns a release function; the lock is also removed on normal exit.
 */
export function acquireDataDirLock(dataDir: string, command: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  const me: LockOwner = { pid: process.pid, command, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(me), { flag: 'wx' });
      const release = () => {
        try {
          const current = JSON.parse(fs.readFileSync(file, 'utf8')) as LockOwner;
          if (current.pid === process.pid) fs.unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = readLockOwner(dataDir);
      if (owner) throw new DataDirLockedError(dataDir, owner);
      // Stale lock of a dead process (e.g. after SIGKILL): remove and retry.
      try {
        fs.unlinkSync(file);
      } catch {
        /* someone else removed it */
      }
    }
  }
  const owner = readLockOwner(dataDir);
  if (owner) throw new DataDirLockedError(dataDir, owner);
  throw new Error(`could not lock ${dataDir}`);
}
