import { describe, expect, test } from 'vitest';
import type { AuditRow } from '../identity/audit.service';
import { canonicalAuditEntry, canonicalJson, type LedgerAuditEntry } from './canonical';
import { leafHash } from './merkle';

function buildEntry(overrides: Partial<LedgerAuditEntry> = {}): LedgerAuditEntry {
  return {
    id: 42,
    at: new Date('2025-01-02T03:04:05.678Z'),
    actorId: '7d0f1c9e-2b1a-4a57-9a43-1f5e2b8c9d01',
    actorName: '张三',
    action: 'subsidy.approve',
    entityType: 'housing_subsidy',
    entityId: 'hs-17',
    before: { status: 'pending', amount: 1200 },
    after: { status: 'approved', amount: 1200, approvedBy: { name: '李四', roles: ['operator', 'finance'] } },
    parkId: '0b8f6a3e-4d2c-4e8b-8f1a-2c3d4e5f6a7b',
    enterpriseId: null,
    ...overrides,
  };
}

describe('canonicalAuditEntry', () => {
  test('writes the documented format byte for byte', () => {
    // Golden value (leaf hash cross-checked with Python's hashlib): if this changes, every leaf
    // of every existing log changes with it.
    const expected =
      '{"action":"subsidy.approve","actorId":"7d0f1c9e-2b1a-4a57-9a43-1f5e2b8c9d01","actorName":"张三",' +
      '"after":{"amount":1200,"approvedBy":{"name":"李四","roles":["operator","finance"]},"status":"approved"},' +
      '"at":"2025-01-02T03:04:05.678Z","before":{"amount":1200,"status":"pending"},"enterpriseId":null,' +
      '"entityId":"hs-17","entityType":"housing_subsidy","id":42,"parkId":"0b8f6a3e-4d2c-4e8b-8f1a-2c3d4e5f6a7b"}';
    const bytes = canonicalAuditEntry(buildEntry());
    expect(bytes.toString('utf8')).toBe(expected);
    expect(bytes.equals(Buffer.from(expected, 'utf8'))).toBe(true);
    expect(leafHash(bytes).toString('hex')).toBe('1963b8159930834af4dc9a3917bb4ac03e5b1260a5ee287d38d58327ec430ff1');
  });

  test('always has the eleven members, in sorted key order', () => {
    const keys = Object.keys(JSON.parse(canonicalAuditEntry(buildEntry()).toString('utf8')) as object);
    expect(keys).toEqual(['action', 'actorId', 'actorName', 'after', 'at', 'before', 'enterpriseId', 'entityId', 'entityType', 'id', 'parkId']);
    expect(keys).toEqual([...keys].sort());
  });

  test('does not depend on the order in which keys were written', () => {
    const shuffled = buildEntry({ after: { status: 'approved', approvedBy: { roles: ['operator', 'finance'], name: '李四' }, amount: 1200 } });
    expect(canonicalAuditEntry(shuffled)).toEqual(canonicalAuditEntry(buildEntry()));
  });

  test('hashes the same after a database round trip of the row', () => {
    // jsonb reorders keys and the driver returns a new Date: neither may change the leaf.
    const entry = buildEntry({ after: { list: [1, 2.5, -0, null, { z: true, a: false }], text: 'line\nbreak "quoted"' } });
    const roundTripped = { ...(JSON.parse(JSON.stringify(entry)) as LedgerAuditEntry), at: new Date(JSON.parse(JSON.stringify(entry.at)) as string) };
    expect(canonicalAuditEntry(roundTripped)).toEqual(canonicalAuditEntry(entry));
  });

  test('writes absent optional values as null', () => {
    const text = canonicalAuditEntry(buildEntry({ actorId: undefined, parkId: null, before: undefined, after: null })).toString('utf8');
    expect(text).toContain('"actorId":null');
    expect(text).toContain('"parkId":null');
    expect(text).toContain('"before":null');
    expect(text).toContain('"after":null');
  });

  test('normalises the timestamp to UTC with milliseconds', () => {
    const fromOffset = canonicalAuditEntry(buildEntry({ at: '2025-01-02T11:04:05.678+08:00' }));
    expect(fromOffset).toEqual(canonicalAuditEntry(buildEntry()));
    expect(canonicalAuditEntry(buildEntry({ at: new Date('2025-06-01T00:00:00Z') })).toString()).toContain('"at":"2025-06-01T00:00:00.000Z"');
  });

  test.each([{ id: 42 }, { id: 42n }, { id: '42' }])('writes the id $id as the JSON integer 42', ({ id }) => {
    expect(canonicalAuditEntry(buildEntry({ id })).toString()).toContain('"id":42,');
  });

  test('keeps ids beyond 2^53 exact', () => {
    expect(canonicalAuditEntry(buildEntry({ id: 2n ** 63n - 1n })).toString()).toContain('"id":9223372036854775807,');
    expect(canonicalAuditEntry(buildEntry({ id: '9223372036854775807' })).toString()).toContain('"id":9223372036854775807,');
  });

  test.each([{ id: -1 }, { id: 1.5 }, { id: '007' }, { id: '' }, { id: -3n }, { id: 2 ** 60 }])('refuses the id $id', ({ id }) => {
    expect(() => canonicalAuditEntry(buildEntry({ id }))).toThrow(TypeError);
  });

  test('refuses an invalid date and a missing required string', () => {
    expect(() => canonicalAuditEntry(buildEntry({ at: 'yesterday' }))).toThrow(TypeError);
    expect(() => canonicalAuditEntry(buildEntry({ action: undefined as unknown as string }))).toThrow(TypeError);
  });

  test('accepts an audit-log row as it comes from the database', () => {
    const row: AuditRow = { ...buildEntry(), id: 42, at: new Date('2025-01-02T03:04:05.678Z'), actorId: null, parkId: null, enterpriseId: null, requestId: 'req-1' };
    const withoutRequestId = canonicalAuditEntry({ ...row, requestId: 'another' } as AuditRow);
    // requestId is tracing, not record: it must not reach the leaf.
    expect(canonicalAuditEntry(row)).toEqual(withoutRequestId);
    expect(canonicalAuditEntry(row).toString()).not.toContain('req-1');
  });
});

describe('canonicalJson', () => {
  test.each([
    { value: { b: 1, a: { d: [3, { f: 1, e: 2 }], c: null } }, json: '{"a":{"c":null,"d":[3,{"e":2,"f":1}]},"b":1}' },
    { value: [1.0, -0, 1e21, 0.1, Number.NaN, Infinity], json: '[1,0,1e+21,0.1,null,null]' },
    { value: { keep: 1, drop: undefined }, json: '{"keep":1}' },
    { value: [undefined], json: '[null]' },
    { value: undefined, json: 'null' },
    { value: new Date('2025-01-02T03:04:05.678Z'), json: '"2025-01-02T03:04:05.678Z"' },
    { value: '园区 \u2028 \ud800', json: '"园区 \u2028 \\ud800"' },
    { value: { é: 1, z: 2, Z: 3, '10': 4, '9': 5 }, json: '{"10":4,"9":5,"Z":3,"z":2,"é":1}' },
  ])('writes $json', ({ value, json }) => {
    expect(canonicalJson(value)).toBe(json);
  });

  test('refuses values without a JSON form', () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(() => canonicalJson({ amount: 1n })).toThrow(TypeError);
    expect(() => canonicalJson(circular)).toThrow(TypeError);
  });
});
