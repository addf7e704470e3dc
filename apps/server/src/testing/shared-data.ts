import fs from 'node:fs';
import path from 'node:path';

/** The repository's root (this file is apps/server/src/testing/shared-data.ts). */
const ROOT = path.resolve(import.meta.dirname, '../../../..');

/**
 * The public datasets (`../shared/data` beside the repository, see its README).
 * A clean clone has no such folder; PARKOS_SHARED_DATA_DIR points elsewhere.
 */
export const SHARED_DATA_DIR = path.resolve(ROOT, process.env.PARKOS_SHARED_DATA_DIR ?? '../shared/data');

/** Set by `.ci/run`: a missing dataset then fails the test file instead of skipping it. */
export const REQUIRE_SHARED_DATA_VARIABLE = 'PARKOS_REQUIRE_SHARED_DATA';

/**
 * The absolute path of a file or folder of the public datasets, or undefined
 * when it is absent: the caller skips its tests (`describe.skipIf(!file)`), and
 * this prints the one-line reason. With PARKOS_REQUIRE_SHARED_DATA=1 (CI) an
 * absent dataset throws instead, so the file fails rather than quietly skipping.
 */
export function sharedDataPath(relative: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const full = path.join(SHARED_DATA_DIR, relative);
  if (fs.existsSync(full)) return full;
  const reason = `${relative} of the public datasets is not at ${SHARED_DATA_DIR}`;
  if (env[REQUIRE_SHARED_DATA_VARIABLE] === '1') throw new Error(`${reason}, and ${REQUIRE_SHARED_DATA_VARIABLE}=1 requires it`);
  console.warn(`skipped: ${reason} (put the shared folder beside the repository to run these tests)`);
  return undefined;
}
