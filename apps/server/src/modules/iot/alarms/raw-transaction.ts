import type { Database } from '../../../db/client';

/** Raw SQL on the connection of an open transaction. */
export type RawQuery = <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;

/**
 * Runs `fn` in one transaction with raw SQL, on either driver. On PGlite it
 * goes through `pglite.transaction`, which holds the one connection for the
 * duration, so other callers wait instead of slipping into the transaction.
 */
export async function rawTransaction<T>(database: Database, fn: (query: RawQuery) => Promise<T>): Promise<T> {
  if (database.pglite) {
    return database.pglite.transaction(async (tx) => fn(async (text, params) => (await tx.query(text, params as unknown[])).rows as never[]));
  }
  if (!database.pool) throw new Error('rawTransaction needs PGlite or a PostgreSQL pool');
  const client = await database.pool.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(async (text, params) => (await client.query(text, params as unknown[])).rows);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
