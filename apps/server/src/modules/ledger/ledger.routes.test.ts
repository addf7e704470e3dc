import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildCreditCode, buildEnterprise, buildPark, buildUser, TEST_PASSWORD } from '../../testing/builders';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';
import { auditLedger } from './ledger-audit';
import { runVerifyBundleCommand, verifyBundle } from './ledger-bundle';
import { leafHash } from './merkle';
import { verifyConsistency, verifyInclusion } from './merkle-verify';
import { verifySthSignature } from './sth';

type Built = Awaited<ReturnType<typeof buildPark>>;

let t: TestApp;
let op: TestClient;
let entAdmin: TestClient;
let member: TestClient;
let parkA: Built;
let entA: { id: string };
let entB: { id: string };
let publishedSpki: Buffer;

const b = (text: string): Buffer => Buffer.from(text, 'base64');

function fieldsOf(res: LightMyRequestResponse): string[] {
  return ((res.json() as { details?: { fields?: { field: string }[] } }).details?.fields ?? []).map((f) => f.field);
}

async function auditIdOf(entityId: string, action: string): Promise<number> {
  const [row] = await t.database.query<{ id: number }>('select id::int as id from audit_log where entity_id = $1 and action = $2 order by id desc limit 1', [entityId, action]);
  expect(row, `${action} of ${entityId}`).toBeDefined();
  return row.id;
}

function headIsSigned(head: { treeSize: number; timestampMs: number; rootHash: string; signature: string }): boolean {
  return verifySthSignature({ treeSize: head.treeSize, timestampMs: head.timestampMs, rootHash: b(head.rootHash), signature: b(head.signature) }, publishedSpki);
}

beforeAll(async () => {
  t = await createTestApp();
  await buildUser(t.services, 'ledger.op', [{ role: 'operator', scopeType: 'all', scopeId: null }]);
  op = await t.login('ledger.op', TEST_PASSWORD);
  parkA = await buildPark(t.services);
  const parkB = await buildPark(t.services);
  entA = await buildEnterprise(t.services, parkA.park.id, parkA.site.id);
  entB = await buildEnterprise(t.services, parkB.park.id, parkB.site.id);
  await buildUser(t.services, 'ledger.entadmin', [{ role: 'enterprise_admin', scopeType: 'enterprise', scopeId: entA.id }]);
  entAdmin = await t.login('ledger.entadmin', TEST_PASSWORD);
  await buildUser(t.services, 'ledger.member', [{ role: 'member', scopeType: 'enterprise', scopeId: entA.id }]);
  member = await t.login('ledger.member', TEST_PASSWORD);
  const key = await t.app.inject({ method: 'GET', url: '/api/.well-known/parkos-ledger-key' });
  publishedSpki = b(key.json().publicKeySpki);
});

afterAll(async () => {
  await t?.close();
});

describe('published key and signed tree heads', () => {
  test('the well-known key is public, Ed25519, and its id is the SHA-256 of its SPKI', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/.well-known/parkos-ledger-key' });
    expect(res.statusCode, res.body).toBe(200);
    const key = res.json();
    expect(key.algorithm).toBe('Ed25519');
    expect(key.publicKeyPem).toContain('BEGIN PUBLIC KEY');
    const { createHash } = await import('node:crypto');
    expect(key.keyId).toBe(createHash('sha256').update(b(key.publicKeySpki)).digest('base64'));
  });

  test('every audited change is a leaf, and a head signed on demand covers them all and verifies with the published key', async () => {
    const [{ n }] = await t.database.query<{ n: number }>('select count(*)::int as n from audit_log');
    const res = await op.post('/api/ledger/heads');
    expect(res.statusCode, res.body).toBe(201);
    const head = res.json();
    expect(head.treeSize).toBe(n);
    expect(headIsSigned(head)).toBe(true);
    expect(headIsSigned({ ...head, treeSize: head.treeSize + 1 })).toBe(false);
    // Signing again without new entries returns the same head.
    expect((await op.post('/api/ledger/heads')).json()).toEqual(head);
    expect((await member.get('/api/ledger/heads/latest')).json()).toEqual(head);
    const list = await op.get(`/api/ledger/heads?minSize=${head.treeSize}`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items).toEqual([head]);
  });

  test('only operators sign heads on demand', async () => {
    expect((await entAdmin.post('/api/ledger/heads')).statusCode).toBe(403);
  });

  test('a consistency proof links two signed heads', async () => {
    const first = (await op.post('/api/ledger/heads')).json();
    await buildEnterprise(t.services, parkA.park.id, parkA.site.id);
    const second = (await op.post('/api/ledger/heads')).json();
    expect(second.treeSize).toBeGreaterThan(first.treeSize);
    expect(second.timestampMs).toBeGreaterThan(first.timestampMs);
    const res = await op.get(`/api/ledger/proofs/consistency?size1=${first.treeSize}&size2=${second.treeSize}`);
    expect(res.statusCode, res.body).toBe(200);
    const proof = res.json();
    expect(proof.root1).toBe(first.rootHash);
    expect(proof.root2).toBe(second.rootHash);
    expect(verifyConsistency({ size1: first.treeSize, size2: second.treeSize, root1: b(first.rootHash), root2: b(second.rootHash), proof: proof.proof.map(b) })).toEqual({ ok: true });
  });
});

describe('entries and inclusion proofs', () => {
  test('an entry’s proof, recomputed from its canonical bytes, reaches the root of a head signed with the published key', async () => {
    const auditId = await auditIdOf(entA.id, 'enterprise.created');
    const res = await op.get(`/api/ledger/entries/${auditId}`);
    expect(res.statusCode, res.body).toBe(200);
    const e = res.json();
    expect(e.entry.json).toMatchObject({ id: auditId, action: 'enterprise.created', entityId: entA.id });
    expect(e.entryMatchesLeaf).toBe(true);
    expect(leafHash(b(e.entry.canonical)).toString('base64')).toBe(e.leafHash);
    expect(verifyInclusion({ leafHash: b(e.leafHash), index: e.leafIndex, size: e.treeHead.treeSize, root: b(e.treeHead.rootHash), proof: e.inclusionProof.map(b) })).toEqual({ ok: true });
    expect(headIsSigned(e.treeHead)).toBe(true);
  });

  test('an entry newer than the latest head gets a fresh head that covers it', async () => {
    const ent = await buildEnterprise(t.services, parkA.park.id, parkA.site.id);
    const auditId = await auditIdOf(ent.id, 'enterprise.created');
    const e = (await op.get(`/api/ledger/entries/${auditId}`)).json();
    expect(e.treeHead.treeSize).toBeGreaterThan(e.leafIndex);
    expect(verifyInclusion({ leafHash: b(e.leafHash), index: e.leafIndex, size: e.treeHead.treeSize, root: b(e.treeHead.rootHash), proof: e.inclusionProof.map(b) })).toEqual({ ok: true });
  });

  test('the inclusion-proof endpoint agrees with the entry endpoint', async () => {
    const auditId = await auditIdOf(entA.id, 'enterprise.created');
    const e = (await op.get(`/api/ledger/entries/${auditId}`)).json();
    const res = await op.get(`/api/ledger/proofs/inclusion?index=${e.leafIndex}&size=${e.treeHead.treeSize}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ leafHash: e.leafHash, rootHash: e.treeHead.rootHash, proof: e.inclusionProof, treeHead: e.treeHead });
  });

  test('an enterprise admin reads their enterprise’s entries, not another’s; members and others are refused', async () => {
    const own = await auditIdOf(entA.id, 'enterprise.created');
    const other = await auditIdOf(entB.id, 'enterprise.created');
    expect((await entAdmin.get(`/api/ledger/entries/${own}`)).statusCode).toBe(200);
    expect((await entAdmin.get(`/api/ledger/entries/${other}`)).statusCode).toBe(404);
    expect((await entAdmin.get(`/api/ledger/entries/${other}/bundle`)).statusCode).toBe(404);
    expect((await member.get(`/api/ledger/entries/${own}`)).statusCode).toBe(403);
    expect((await entAdmin.get('/api/ledger/proofs/inclusion?index=0&size=1')).statusCode).toBe(403);
    expect((await op.get('/api/ledger/entries/999999999')).statusCode).toBe(404);
  });

  test('the proof bundle verifies offline, and any change to it is caught', async () => {
    const auditId = await auditIdOf(entA.id, 'enterprise.created');
    const res = await op.get(`/api/ledger/entries/${auditId}/bundle`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain(`parkos-ledger-entry-${auditId}.json`);
    const bundle = res.json();
    expect(verifyBundle(bundle, publishedSpki)).toEqual({ ok: true });

    const entry = JSON.parse(b(bundle.entry.canonical).toString('utf8'));
    const forged = { ...bundle, entry: { ...bundle.entry, canonical: Buffer.from(JSON.stringify({ ...entry, actorName: 'someone else' })).toString('base64') } };
    expect(verifyBundle(forged)).toMatchObject({ ok: false, reason: expect.stringContaining('leafHash') });
    expect(verifyBundle({ ...bundle, leafIndex: bundle.leafIndex + 1 })).toMatchObject({ ok: false });
    expect(verifyBundle({ ...bundle, treeHead: { ...bundle.treeHead, timestampMs: bundle.treeHead.timestampMs + 1 } })).toMatchObject({ ok: false, reason: expect.stringContaining('signature') });

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-bundle-'));
    const out = { text: '', write(s: string) { this.text += s; } };
    const err = { text: '', write(s: string) { this.text += s; } };
    fs.writeFileSync(path.join(dir, 'good.json'), JSON.stringify(bundle));
    fs.writeFileSync(path.join(dir, 'forged.json'), JSON.stringify(forged));
    expect(runVerifyBundleCommand([path.join(dir, 'good.json')], { stdout: out, stderr: err })).toBe(0);
    expect(out.text).toContain(`audit entry ${auditId}`);
    expect(runVerifyBundleCommand([path.join(dir, 'forged.json')], { stdout: out, stderr: err })).toBe(1);
    expect(runVerifyBundleCommand([path.join(dir, 'missing.json')], { stdout: out, stderr: err })).toBe(2);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('input and access', () => {
  test.each([
    ['/api/ledger/proofs/inclusion?index=5&size=3', 'querystring.index'],
    ['/api/ledger/proofs/inclusion?index=0&size=99999999', 'querystring.size'],
    ['/api/ledger/proofs/inclusion?index=0&size=abc', 'querystring.size'],
    ['/api/ledger/proofs/inclusion?index=-1&size=2', 'querystring.index'],
    ['/api/ledger/proofs/inclusion?size=2', 'querystring.index'],
    ['/api/ledger/proofs/consistency?size1=5&size2=3', 'querystring.size1'],
    ['/api/ledger/proofs/consistency?size1=1&size2=99999999', 'querystring.size2'],
    ['/api/ledger/proofs/consistency?size1=1.5&size2=3', 'querystring.size1'],
    ['/api/ledger/entries/abc', 'params.auditId'],
    ['/api/ledger/heads?minSize=-2', 'querystring.minSize'],
  ])('GET %s is 400 naming %s', async (url, field) => {
    const res = await op.get(url);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().code).toBe('VALIDATION');
    expect(fieldsOf(res)).toContain(field);
  });

  test.each([
    ['GET', '/api/ledger/heads/latest'],
    ['GET', '/api/ledger/heads'],
    ['POST', '/api/ledger/heads'],
    ['GET', '/api/ledger/entries/1'],
    ['GET', '/api/ledger/entries/1/bundle'],
    ['GET', '/api/ledger/proofs/inclusion?index=0&size=1'],
    ['GET', '/api/ledger/proofs/consistency?size1=0&size2=1'],
  ] as const)('%s %s without a session is 401', async (method, url) => {
    const res = await t.app.inject({ method, url });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('UNAUTHENTICATED');
  });
});

describe('concurrency and audit', () => {
  test('20 enterprises created in parallel through the API leave a gap-free log that the audit accepts', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        op.post('/api/enterprises', { parkId: parkA.park.id, legalName: `并发账本企业${i}有限公司`, creditCode: buildCreditCode(), industry: 'software', size: 'small', contactPhone: '13800138000' }),
      ),
    );
    for (const r of results) expect(r.statusCode, r.body).toBe(201);
    const [leaves] = await t.database.query<{ n: number; max: number; ids: number }>('select count(*)::int as n, max(leaf_index)::int as max, count(distinct audit_id)::int as ids from ledger_leaves');
    const [audit] = await t.database.query<{ n: number }>('select count(*)::int as n from audit_log');
    expect(leaves).toEqual({ n: audit.n, max: audit.n - 1, ids: audit.n });
    await op.post('/api/ledger/heads');
    expect(await auditLedger(t.database.db)).toMatchObject({ ok: true, leaves: audit.n });
  });

  test('the audit catches an audit row changed directly in the database', async () => {
    const auditId = await auditIdOf(entA.id, 'enterprise.created');
    const [original] = await t.database.query<{ after: unknown }>('select after from audit_log where id = $1', [auditId]);
    await t.database.query(`update audit_log set after = jsonb_set(after, '{legalName}', '"篡改后的名称"') where id = $1`, [auditId]);
    try {
      const result = await auditLedger(t.database.db);
      expect(result.ok).toBe(false);
      expect(result).toMatchObject({ divergence: expect.stringContaining(`audit entry ${auditId} does not hash to the logged leaf`) });
      // The entry endpoint shows it too: the row no longer matches its leaf.
      expect((await op.get(`/api/ledger/entries/${auditId}`)).json().entryMatchesLeaf).toBe(false);
    } finally {
      await t.database.query('update audit_log set after = $2 where id = $1', [auditId, JSON.stringify(original.after)]);
    }
    expect((await auditLedger(t.database.db)).ok).toBe(true);
  });

  test('the audit catches a deleted audit row', async () => {
    const auditId = await auditIdOf(entB.id, 'enterprise.created');
    const [row] = await t.database.query<Record<string, unknown>>('select * from audit_log where id = $1', [auditId]);
    await t.database.query('delete from audit_log where id = $1', [auditId]);
    try {
      expect(await auditLedger(t.database.db)).toMatchObject({ ok: false, divergence: expect.stringContaining(`audit entry ${auditId} no longer exists`) });
    } finally {
      await t.database.query(
        'insert into audit_log (id, at, actor_id, actor_name, action, entity_type, entity_id, before, after, park_id, enterprise_id, request_id) values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)',
        [row.id, row.at, row.actor_id, row.actor_name, row.action, row.entity_type, row.entity_id, row.before === null ? null : JSON.stringify(row.before), row.after === null ? null : JSON.stringify(row.after), row.park_id, row.enterprise_id, row.request_id],
      );
    }
    expect((await auditLedger(t.database.db)).ok).toBe(true);
  });

  test('the audit catches a tampered stored node', async () => {
    const [node] = await t.database.query<{ hash: Uint8Array }>('select hash from ledger_nodes where level = 2 and idx = 1');
    await t.database.query("update ledger_nodes set hash = decode(repeat('ab', 32), 'hex') where level = 2 and idx = 1");
    try {
      expect(await auditLedger(t.database.db)).toMatchObject({ ok: false, divergence: expect.stringContaining('node (level 2, index 1) differs') });
    } finally {
      await t.database.query('update ledger_nodes set hash = $1 where level = 2 and idx = 1', [node.hash]);
    }
    expect((await auditLedger(t.database.db)).ok).toBe(true);
  });

  test('the audit catches a signed head whose signature or root was altered', async () => {
    const head = (await op.get('/api/ledger/heads/latest')).json();
    await t.database.query('update ledger_heads set timestamp_ms = timestamp_ms + 1 where tree_size = $1', [head.treeSize]);
    try {
      expect(await auditLedger(t.database.db)).toMatchObject({ ok: false, divergence: expect.stringContaining(`signed head of size ${head.treeSize}: the signature does not verify`) });
    } finally {
      await t.database.query('update ledger_heads set timestamp_ms = timestamp_ms - 1 where tree_size = $1', [head.treeSize]);
    }
    expect((await auditLedger(t.database.db)).ok).toBe(true);
  });
});
