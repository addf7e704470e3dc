/**
 * The audit entry as it enters the ledger: exactly the fields that are committed to.
 * `requestId` of the audit row is deliberately absent: it is operational tracing, not part of
 * the record, and leaving it out keeps the leaf independent of how a change was requested.
 * An audit-log row (`AuditRow`) fits this type as it is.
 */
export interface LedgerAuditEntry {
  /** Audit-log id: a non-negative integer (number, bigint, or a string of decimal digits). */
  id: number | bigint | string;
  /** When the change happened; a Date or any string `Date` parses. */
  at: Date | string;
  actorId: string | null | undefined;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string;
  /** JSON value before the change (already masked by the audit service); absent means null. */
  before: unknown;
  /** JSON value after the change; absent means null. */
  after: unknown;
  parkId: string | null | undefined;
  enterpriseId: string | null | undefined;
}

/**
 * Serialises an audit entry to the bytes that become its Merkle leaf (the leaf hash is
 * `SHA-256(0x00 ‖ these bytes)`). The format is fixed: changing it would change every leaf and
 * break every signed tree head, so a new format must be a new, separately named function.
 *
 * Format, version 1 ("parkos-audit-v1"):
 * - A single JSON object, UTF-8 encoded, with no whitespace outside strings and no BOM.
 * - Exactly these eleven members, always present, keys in sorted order:
 *   `action, actorId, actorName, after, at, before, enterpriseId, entityId, entityType, id, parkId`.
 * - `id`: the audit-log id as a JSON integer without sign, exponent or leading zeros.
 * - `at`: a JSON string, ISO-8601 UTC with milliseconds, `YYYY-MM-DDTHH:mm:ss.sssZ`
 *   (`Date.prototype.toISOString`). PostgreSQL keeps microseconds, but the driver hands out
 *   milliseconds, so the value read back from the database is the value committed to.
 * - `actorId`, `parkId`, `enterpriseId`: JSON string, or `null` when absent.
 * - `actorName`, `action`, `entityType`, `entityId`: JSON strings.
 * - `before`, `after`: the JSON value, or `null` when absent, serialised canonically (below).
 *
 * Canonical JSON (the rules of RFC 8785, JCS): object members sorted by key, comparing UTF-16
 * code units, at every depth; strings, numbers and literals exactly as ECMAScript
 * `JSON.stringify` writes them (shortest round-trip numbers, `-0` as `0`, lone surrogates
 * escaped as `\uXXXX`). Values are first normalised the way `JSON.stringify` stores them in a
 * jsonb column (`toJSON` applied, `undefined` members dropped, `undefined` in arrays and
 * non-finite numbers as `null`), so an entry hashes the same before and after a database
 * round trip.
 *
 * Example:
 * `{"action":"park.update","actorId":null,"actorName":"system","after":{"a":1,"b":[true,null]},"at":"2025-01-02T03:04:05.678Z","before":null,"enterpriseId":null,"entityId":"p1","entityType":"park","id":42,"parkId":"…"}`
 *
 * Throws a TypeError for a value that has no JSON form (a bigint inside `before`/`after`, a
 * circular structure), an id that is not a non-negative integer, or an invalid date.
 */
export function canonicalAuditEntry(entry: LedgerAuditEntry): Buffer {
  for (const field of ['actorName', 'action', 'entityType', 'entityId'] as const) {
    if (typeof entry[field] !== 'string') throw new TypeError(`audit entry ${field} must be a string`);
  }
  // Written member by member, already in key order, because the id may exceed what a JSON
  // number in JavaScript can carry; every other member goes through the canonical writer.
  const members: Array<[key: string, json: string]> = [
    ['action', canonicalJson(entry.action)],
    ['actorId', canonicalJson(optionalString(entry.actorId, 'actorId'))],
    ['actorName', canonicalJson(entry.actorName)],
    ['after', canonicalJson(entry.after ?? null)],
    ['at', canonicalJson(canonicalTimestamp(entry.at))],
    ['before', canonicalJson(entry.before ?? null)],
    ['enterpriseId', canonicalJson(optionalString(entry.enterpriseId, 'enterpriseId'))],
    ['entityId', canonicalJson(entry.entityId)],
    ['entityType', canonicalJson(entry.entityType)],
    ['id', canonicalId(entry.id)],
    ['parkId', canonicalJson(optionalString(entry.parkId, 'parkId'))],
  ];
  return Buffer.from(`{${members.map(([key, json]) => `"${key}":${json}`).join(',')}}`, 'utf8');
}

/**
 * Canonical JSON text of a value (RFC 8785 rules, see {@link canonicalAuditEntry}): sorted
 * keys at every depth, no whitespace, `JSON.stringify` formatting of scalars, after the same
 * normalisation `JSON.stringify` applies. Throws a TypeError for a value without a JSON form.
 */
export function canonicalJson(value: unknown): string {
  // A round trip through JSON.stringify applies exactly the normalisation a jsonb column
  // would (toJSON, dropped undefined members, NaN as null); `undefined` itself becomes null.
  const text = JSON.stringify(value);
  return write(text === undefined ? null : JSON.parse(text));
}

function write(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(write).join(',')}]`;
  const record = value as Record<string, unknown>;
  // Default sort compares UTF-16 code units, which is the order RFC 8785 prescribes.
  const keys = Object.keys(record).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${write(record[key])}`).join(',')}}`;
}

/** The id as the digits of a JSON integer. */
function canonicalId(id: number | bigint | string): string {
  if (typeof id === 'number' && Number.isSafeInteger(id) && id >= 0) return String(id);
  if (typeof id === 'bigint' && id >= 0n) return id.toString();
  if (typeof id === 'string' && /^(0|[1-9][0-9]*)$/.test(id)) return id;
  throw new TypeError(`audit entry id must be a non-negative integer, got ${String(id)}`);
}

function canonicalTimestamp(at: Date | string): string {
  const date = at instanceof Date ? at : typeof at === 'string' ? new Date(at) : undefined;
  if (!date || Number.isNaN(date.getTime())) throw new TypeError(`audit entry at must be a valid date, got ${String(at)}`);
  return date.toISOString();
}

function optionalString(value: string | null | undefined, field: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw new TypeError(`audit entry ${field} must be a string or null`);
  return value;
}
