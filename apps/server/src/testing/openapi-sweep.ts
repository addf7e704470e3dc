import type { Database } from '../db/client';
import type { TestApp } from './test-app';

/** Helpers for the isolation sweeps: every OpenAPI operation, called with another tenant's ids. */

type Schema = {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  minimum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  minItems?: number;
  pattern?: string;
};

export interface Operation {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  queryParams: string[];
  bodySchema?: Schema;
}

/** Every operation of the served OpenAPI document. */
export async function openApiOperations(t: TestApp): Promise<Operation[]> {
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<string, Record<string, { parameters?: { in: string; name: string }[]; requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
  };
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [m, op] of Object.entries(methods)) {
      ops.push({
        method: m.toUpperCase() as Operation['method'],
        path,
        queryParams: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        bodySchema: op.requestBody?.content?.['application/json']?.schema,
      });
    }
  }
  return ops;
}

/** Which of `secrets` occur in a response body. */
export function leaksIn(secrets: readonly string[], body: string): string[] {
  return secrets.filter((s) => body.includes(s));
}

/**
 * A body that passes validation where it can: required and optional fields
 * filled by type, and every field named in `ids` set to that value (the other
 * tenant's ids), so a route gets past its schema to its permission check.
 */
export function sampleBody(schema: Schema | undefined, ids: Record<string, unknown>, key = ''): unknown {
  if (!schema) return {};
  if (key && key in ids) return ids[key];
  if (schema.allOf?.length) return Object.assign({}, ...schema.allOf.map((s) => sampleBody(s, ids) as object));
  const alt = schema.anyOf ?? schema.oneOf;
  if (alt?.length) return sampleBody(alt.find((s) => s.type !== 'null') ?? alt[0], ids, key);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  const type: string = (Array.isArray(schema.type) ? schema.type.find((x) => x !== 'null') : schema.type) ?? 'unknown';
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, s] of Object.entries(schema.properties ?? {})) out[k] = sampleBody(s, ids, k);
      return out;
    }
    case 'array':
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => sampleBody(schema.items, ids, key.replace(/s$/, '')));
    case 'integer':
    case 'number':
      return Math.max(1, Math.ceil(schema.minimum ?? (schema.exclusiveMinimum ?? 0) + 1));
    case 'boolean':
      return true;
    case 'string':
      if (schema.format === 'date-time') return new Date(Date.now() + 3600_000).toISOString();
      if (schema.format === 'date') return '2026-12-01';
      if (schema.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
      if (schema.format === 'email') return 'probe@example.com';
      return 'probe'.padEnd(Math.max(5, schema.minLength ?? 0), 'x');
    default:
      return null;
  }
}

/**
 * Records every row a statement inserts, updates or deletes (row triggers on
 * every table but `ignore`), so a sweep can show a refused write changed
 * nothing without comparing whole tables after each call.
 */
export async function installChangeLog(database: Database, ignore: readonly string[] = []): Promise<{ changedSince(mark: number): Promise<string[]>; mark(): Promise<number> }> {
  await database.query(`create table sweep_changes (n bigserial primary key, tbl text not null, op text not null)`);
  await database.query(`create function sweep_record() returns trigger language plpgsql as $$ begin insert into sweep_changes (tbl, op) values (TG_TABLE_NAME, TG_OP); return null; end $$`);
  const tables = await database.query<{ relname: string }>(
    `select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition and c.relname <> 'sweep_changes'`,
  );
  for (const { relname } of tables) {
    if (ignore.includes(relname) || relname.startsWith('__')) continue;
    await database.query(`create trigger sweep_record after insert or update or delete on "${relname}" for each row execute function sweep_record()`);
  }
  return {
    async mark() {
      const r = await database.query<{ n: number }>(`select coalesce(max(n), 0)::int as n from sweep_changes`);
      return r[0].n;
    },
    async changedSince(mark) {
      const r = await database.query<{ t: string }>(`select distinct tbl || ' ' || op as t from sweep_changes where n > $1 order by 1`, [mark]);
      return r.map((x) => x.t);
    },
  };
}
