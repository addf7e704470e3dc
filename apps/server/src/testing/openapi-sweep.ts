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
  additionalProperties?: unknown;
};

/** One path or query parameter of an operation. */
export interface Parameter {
  in: 'path' | 'query';
  name: string;
  required?: boolean;
  schema?: Schema;
}

export interface Operation {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  queryParams: string[];
  /** Path and query parameters with their schemas. */
  parameters: Parameter[];
  bodySchema?: Schema;
  /** Called by devices (`Authorization: Device …`), not by users. */
  isDeviceAuth: boolean;
}

/** Every operation of the served OpenAPI document. */
export async function openApiOperations(t: TestApp): Promise<Operation[]> {
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<string, Record<string, { parameters?: { in: string; name: string; required?: boolean; schema?: Schema }[]; requestBody?: { content?: Record<string, { schema?: Schema }> }; security?: Record<string, unknown>[] }>>;
  };
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [m, op] of Object.entries(methods)) {
      ops.push({
        method: m.toUpperCase() as Operation['method'],
        path,
        queryParams: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        parameters: (op.parameters ?? []).filter((p): p is Parameter => p.in === 'path' || p.in === 'query'),
        bodySchema: op.requestBody?.content?.['application/json']?.schema,
        isDeviceAuth: (op.security ?? []).some((x) => 'device' in x),
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

/** The schema `sampleBody` fills a field from: the first non-null alternative. */
function chosen(schema: Schema): Schema {
  const alt = schema.anyOf ?? schema.oneOf;
  return alt?.length ? chosen(alt.find((s) => s.type !== 'null') ?? alt[0]) : schema;
}

/**
 * Every leaf of the body `sampleBody` builds, with its schema: the fields a
 * sweep replaces one at a time (array items by their first element).
 */
export function bodyLeaves(schema: Schema | undefined, path: (string | number)[] = []): { path: (string | number)[]; schema: Schema }[] {
  if (!schema) return [];
  if (schema.allOf?.length) return schema.allOf.flatMap((s) => bodyLeaves(s, path));
  const s = chosen(schema);
  if (s.const === undefined && !s.enum && s.properties && Object.keys(s.properties).length) {
    return Object.entries(s.properties).flatMap(([k, child]) => bodyLeaves(child, [...path, k]));
  }
  if (s.items && (Array.isArray(s.type) ? s.type.includes('array') : s.type === 'array')) return bodyLeaves(s.items, [...path, 0]);
  return path.length ? [{ path, schema: s }] : [];
}

/** A copy of `body` with the value at `path` replaced. */
export function withValueAt(body: unknown, path: readonly (string | number)[], value: unknown): unknown {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[path[path.length - 1]] = value;
  return copy;
}

/**
 * Out-of-range values for a field that holds a date, by its schema; none for
 * other fields. A `z.coerce.date()` has the empty schema `{}` in OpenAPI.
 */
export function outOfRangeDates(schema: Schema | undefined): string[] {
  if (!schema) return [];
  const s = chosen(schema);
  if (s.format === 'date-time' || Object.keys(s).length === 0) return ['-000001-01-01T00:00:00Z', '+010000-01-01T00:00:00Z'];
  if (s.format === 'date' || s.pattern?.startsWith('^\\d{4}-\\d{2}-\\d{2}')) return ['0000-01-01'];
  if (s.pattern?.startsWith('^\\d{4}-(0[1-9]')) return ['0000-01'];
  return [];
}
