import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedDemoPark } from '../seed/demo-park';
import { createServices } from '../services';
import { testConfig } from '../testing/test-app';
import { createTestDatabase } from '../testing/test-db';
import type { Database } from './client';
import { MIGRATIONS_FOLDER } from './migrate';

/** PostgreSQL's SQLSTATE for a row that fails a CHECK constraint. */
const CHECK_VIOLATION = '23514';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  // The demo park is written with every constraint in place: a seed that broke one would fail here.
  await seedDemoPark(database.db, createServices(database, testConfig()));
});
afterAll(() => database.close());

/** Runs `statement` and returns the SQLSTATE and constraint it failed with (or null if it passed). */
async function failureOf(statement: string): Promise<{ code: string; constraint?: string } | null> {
  try {
    await database.query(statement);
    return null;
  } catch (e) {
    const err = e as { code?: string; constraint?: string };
    return { code: err.code ?? 'none', constraint: err.constraint };
  }
}

/** The first row's key of a seeded table (fails the test if the demo park left it empty). */
async function anyRow(table: string, key = 'id'): Promise<string> {
  const [row] = await database.query<{ k: string }>(`select ${key}::text as k from ${table} limit 1`);
  expect(row, `demo park has a row in ${table}`).toBeDefined();
  return row.k;
}

describe('CHECK constraints', () => {
  test.each([
    ['enterprises', 'status', "'bankrupt'"],
    ['enterprises', 'size', "'huge'"],
    ['leases', 'status', "'paused'"],
    ['units', 'status', "'demolished'"],
    ['bills', 'kind', "'bribe'"],
    ['bills', 'status', "'lost'"],
    ['work_orders', 'status', "'forgotten'"],
    ['work_orders', 'priority', "'whenever'"],
    ['alarms', 'state', "'asleep'"],
    ['devices', 'type', "'toaster'"],
    ['park_events', 'status', "'rumoured'"],
    ['role_grants', 'role', "'emperor'"],
    ['leads', 'stage', "'dreaming'"],
  ])('%s.%s refuses a value outside the code’s set', async (table, column, value) => {
    const id = await anyRow(table);
    expect(await failureOf(`update ${table} set ${column} = ${value} where id = '${id}'`)).toEqual({ code: CHECK_VIOLATION, constraint: `${table}_${column}_check` });
  });

  test.each([
    ['leases', 'monthly_rent_fen'],
    ['bills', 'amount_fen'],
    ['enterprises', 'employee_count'],
    ['units', 'area'],
    ['property_contracts', 'annual_fee_fen'],
    ['parking_lots', 'capacity'],
    ['parking_lots', 'hourly_fen'],
    ['park_events', 'capacity'],
    ['alarms', 'count'],
  ])('%s.%s refuses a negative number', async (table, column) => {
    const id = await anyRow(table);
    expect(await failureOf(`update ${table} set ${column} = -5000 where id = '${id}'`)).toEqual({ code: CHECK_VIOLATION, constraint: `${table}_${column}_check` });
  });

  test('a new row with a bad status is refused too, and nothing is written', async () => {
    const enterpriseId = await anyRow('enterprises');
    const unitId = await anyRow('units');
    const [{ n: before }] = await database.query<{ n: number }>('select count(*)::int as n from leases');
    const failure = await failureOf(`insert into leases (enterprise_id, unit_id, start_date, end_date, monthly_rent_fen, status) values ('${enterpriseId}', '${unitId}', '2026-01-01', '2026-12-31', 100, 'nonsense')`);
    expect(failure?.code).toBe(CHECK_VIOLATION);
    const [{ n: after }] = await database.query<{ n: number }>('select count(*)::int as n from leases');
    expect(after).toBe(before);
  });

  test('valid values and null in an optional column still pass', async () => {
    const id = await anyRow('enterprises');
    expect(await failureOf(`update enterprises set status = 'moved_out', employee_count = null where id = '${id}'`)).toBeNull();
    expect(await failureOf(`update enterprises set status = 'active', employee_count = 0 where id = '${id}'`)).toBeNull();
  });

  test('the migrations add every CHECK constraint to a database that already holds the demo park', async () => {
    // Replays the migrations' ADD CONSTRAINT … CHECK statements against the seeded data, as an
    // upgrade of an existing installation would (PostgreSQL validates existing rows when adding).
    const all = fs
      .readdirSync(MIGRATIONS_FOLDER)
      .filter((f) => f.endsWith('.sql'))
      .sort()
      .flatMap((f) => fs.readFileSync(path.join(MIGRATIONS_FOLDER, f), 'utf8').split('--> statement-breakpoint'))
      .map((s) => s.trim())
      .filter((s) => /ADD CONSTRAINT "[^"]+" CHECK/.test(s));
    // A CHECK a later migration redefines (dropped and added again with more allowed values, e.g. a new bill kind) counts once, as last defined.
    const statements = [...new Map(all.map((s) => [/ADD CONSTRAINT "([^"]+)" CHECK/.exec(s)![1], s])).values()];
    expect(statements.length).toBeGreaterThan(100);
    // Tables created with their CHECKs inline (CREATE TABLE … CONSTRAINT … CHECK) were checked at
    // creation; this replays the constraints that migrations added to tables that already held rows.
    const names = statements.map((s) => /ADD CONSTRAINT "([^"]+)" CHECK/.exec(s)![1]);
    const existing = await database.query<{ table: string; name: string }>(`select conrelid::regclass::text as table, conname as name from pg_constraint where contype = 'c' and connamespace = 'public'::regnamespace`);
    const added = existing.filter((c) => names.includes(c.name));
    expect(added.length).toBe(statements.length);
    for (const c of added) await database.query(`alter table ${c.table} drop constraint "${c.name}"`);
    for (const s of statements) await database.query(s);
    const [{ n }] = await database.query<{ n: number }>(`select count(*)::int as n from pg_constraint where contype = 'c' and connamespace = 'public'::regnamespace`);
    expect(n).toBe(existing.length);
  });
});
