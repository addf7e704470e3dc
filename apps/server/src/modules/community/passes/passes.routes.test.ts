import { PNG } from 'pngjs';
import jsQR from 'jsqr';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildEnterprise, buildPark, buildUser, SYSTEM, TEST_PASSWORD } from '../../../testing/builders';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/test-app';
import { signPass } from './pass-codec';
import { loadPassSigner } from './pass-keys';

type Built = Awaited<ReturnType<typeof buildPark>>;
let t: TestApp;
let parkA: Built;
let parkB: Built;
let e1: { id: string };
let e2: { id: string };
let member1: TestClient;
let member1b: TestClient;
let admin1: TestClient;
let admin2: TestClient;
let member2: TestClient;
let op: TestClient;
let opB: TestClient;
let gateA: { id: string; code: string; secret: string };
let gateA2: { id: string; code: string; secret: string };
let gateB: { id: string; code: string; secret: string };
let sensor: { id: string; code: string; secret: string };
let n = 0;

async function device(parkId: string, type: 'gate_camera' | 'environment_sensor', siteId?: string) {
  const code = `gate-${++n}-${Date.now() % 10000}`;
  const d = await t.services.iot.devices.createDevice(SYSTEM, { code, name: code, type, parkId, ...(siteId ? { siteId } : {}) });
  const { secret } = await t.services.iot.devices.rotateCredentials(SYSTEM, d.id);
  return { id: d.id, code, secret };
}

async function scan(gate: { code: string; secret: string }, payload: string, nonce = `n-${++n}`, scannedAt?: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/passes/scans',
    headers: { authorization: `Device ${gate.code}:${gate.secret}` },
    payload: { payload, nonce, ...(scannedAt ? { scannedAt } : {}) },
  });
  return res;
}

async function decision(gate: { code: string; secret: string }, payload: string, nonce?: string) {
  const res = await scan(gate, payload, nonce);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { result: string; reason: string; passId: string | null };
}

beforeAll(async () => {
  t = await createTestApp({ PASS_REPLAY_WINDOW_SECONDS: '60' });
  parkA = await buildPark(t.services);
  parkB = await buildPark(t.services);
  e1 = await buildEnterprise(t.services, parkA.park.id, parkA.site.id);
  e2 = await buildEnterprise(t.services, parkA.park.id, parkA.site.id);
  await buildUser(t.services, 'p.member1', [{ role: 'member', scopeType: 'enterprise', scopeId: e1.id }]);
  await buildUser(t.services, 'p.member1b', [{ role: 'member', scopeType: 'enterprise', scopeId: e1.id }]);
  await buildUser(t.services, 'p.admin1', [{ role: 'enterprise_admin', scopeType: 'enterprise', scopeId: e1.id }]);
  await buildUser(t.services, 'p.admin2', [{ role: 'enterprise_admin', scopeType: 'enterprise', scopeId: e2.id }]);
  await buildUser(t.services, 'p.member2', [{ role: 'member', scopeType: 'enterprise', scopeId: e2.id }]);
  await buildUser(t.services, 'p.op', [{ role: 'operator', scopeType: 'park', scopeId: parkA.park.id }]);
  await buildUser(t.services, 'p.opB', [{ role: 'operator', scopeType: 'park', scopeId: parkB.park.id }]);
  [member1, member1b, admin1, admin2, member2, op, opB] = await Promise.all(['p.member1', 'p.member1b', 'p.admin1', 'p.admin2', 'p.member2', 'p.op', 'p.opB'].map((u) => t.login(u, TEST_PASSWORD)));
  gateA = await device(parkA.park.id, 'gate_camera', parkA.site.id);
  gateA2 = await device(parkA.park.id, 'gate_camera', parkA.site.id);
  gateB = await device(parkB.park.id, 'gate_camera');
  sensor = await device(parkA.park.id, 'environment_sensor');
});
afterAll(async () => {
  await t?.services.passes.verifier.close();
  await t?.services.iot.pipeline.close();
  await t?.close();
});

describe('member pass', () => {
  test('the QR renders as a PNG, an independent decoder reads it, and a gate accepts it', async () => {
    const res = await member1.get('/api/passes/me');
    expect(res.statusCode, res.body).toBe(200);
    const { pass, qr } = res.json();
    expect(pass).toMatchObject({ kind: 'member', status: 'active', enterpriseId: e1.id, parkId: parkA.park.id });
    expect(qr.text).toMatch(/^PK1\./);
    // Short-lived: the member's code is valid for minutes, not the pass's year.
    expect(new Date(qr.validTo).getTime() - Date.now()).toBeLessThanOrEqual(15 * 60_000 + 1000);

    const png = PNG.sync.read(await QRCode.toBuffer(qr.text, { errorCorrectionLevel: 'M', margin: 4, scale: 4 }));
    const read = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(read?.data).toBe(qr.text);

    expect(await decision(gateA, read!.data)).toMatchObject({ result: 'accepted', reason: 'ok', passId: pass.id });
    // The pass is the same on the next visit; only the QR is fresh.
    expect((await member1.get('/api/passes/me')).json().pass.id).toBe(pass.id);
  });

  test('a gate refuses a replayed scan nonce and the same pass twice within the window, but another gate accepts it', async () => {
    const { qr } = (await member1b.get('/api/passes/me')).json();
    expect((await decision(gateA, qr.text, 'nonce-replay-1')).result).toBe('accepted');
    expect(await decision(gateA, qr.text, 'nonce-replay-1')).toMatchObject({ result: 'rejected', reason: 'duplicate_nonce' });
    expect(await decision(gateA, qr.text, 'nonce-replay-2')).toMatchObject({ result: 'rejected', reason: 'replay' });
    expect(await decision(gateA2, qr.text, 'nonce-replay-3')).toMatchObject({ result: 'accepted' });
  });

  test('tampered, foreign-park, expired, wrong-gate and unknown-key codes are refused with a reason', async () => {
    const { pass, qr } = (await member1.get('/api/passes/me')).json();
    const raw = Buffer.from(qr.text.slice(4), 'base64url');
    raw[40] ^= 1;
    expect((await decision(gateA, 'PK1.' + raw.toString('base64url'))).reason).toBe('bad_signature');
    expect((await decision(gateA, 'hello')).reason).toBe('bad_format');
    expect((await decision(gateB, qr.text)).reason).toBe('wrong_park');

    const signer = await loadPassSigner(t.database.db, { env: 'test' });
    const now = Math.floor(Date.now() / 1000);
    const claims = { keyId: signer.keyIdBytes, passId: pass.id, holderKind: 'member' as const, holderId: pass.holderUserId, parkId: parkA.park.id, scope: { kind: 'park' as const } };
    expect((await decision(gateA, signPass({ ...claims, notBefore: now - 7200, notAfter: now - 3600 }, signer.privateKey))).reason).toBe('expired');
    expect((await decision(gateA, signPass({ ...claims, notBefore: now + 3600, notAfter: now + 7200 }, signer.privateKey))).reason).toBe('not_yet_valid');
    expect((await decision(gateA, signPass({ ...claims, notBefore: now, notAfter: now + 600, scope: { kind: 'gates', gateIds: [gateA2.id] } }, signer.privateKey))).reason).toBe('wrong_gate');
    expect((await decision(gateA, signPass({ ...claims, notBefore: now, notAfter: now + 600, scope: { kind: 'site', siteId: parkB.site.id } }, signer.privateKey))).reason).toBe('wrong_site');
    const { privateKey } = await import('node:crypto').then((c) => c.generateKeyPairSync('ed25519'));
    expect((await decision(gateA, signPass({ ...claims, keyId: Buffer.from('00000000', 'hex'), notBefore: now, notAfter: now + 600 }, privateKey))).reason).toBe('unknown_key');
  });

  test('a gate refuses a code whose last character is respelled (same bytes, non-canonical) and accepts the canonical one', async () => {
    const { qr } = (await member1.get('/api/passes/me')).json();
    const bytes = Buffer.from(qr.text.slice(4), 'base64url');
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const respellings = [...alphabet].map((ch) => qr.text.slice(0, -1) + ch).filter((t) => t !== qr.text && Buffer.from(t.slice(4), 'base64url').equals(bytes));
    expect(respellings.length).toBe(15);
    for (const text of respellings) expect(await decision(gateA2, text)).toMatchObject({ result: 'rejected', reason: 'bad_format' });
    expect(await decision(gateA2, qr.text)).toMatchObject({ result: 'accepted', reason: 'ok' });
  });

  test('only gates with valid credentials may report scans', async () => {
    const { qr } = (await member1.get('/api/passes/me')).json();
    expect((await scan({ code: gateA.code, secret: 'wrong' }, qr.text)).statusCode).toBe(401);
    expect((await scan(sensor, qr.text)).statusCode).toBe(403);
    const bad = await t.app.inject({ method: 'POST', url: '/api/passes/scans', headers: { authorization: `Device ${gateA.code}:${gateA.secret}` }, payload: { payload: qr.text } });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().details)).toContain('nonce');
  });

  test('an offline gate uploads a batch; each scan gets its own decision, in order', async () => {
    const { qr } = (await member1.get('/api/passes/me')).json();
    const at = new Date(Date.now() - 1_000).toISOString();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/passes/scans/batch',
      headers: { authorization: `Device ${gateB.code}:${gateB.secret}` },
      payload: { scans: [{ payload: qr.text, nonce: 'b-1', scannedAt: at }, { payload: qr.text, nonce: 'b-1' }, { payload: 'junk', nonce: 'b-2' }] },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().decisions.map((d: { reason: string }) => d.reason)).toEqual(['wrong_park', 'duplicate_nonce', 'bad_format']);
    const empty = await t.app.inject({ method: 'POST', url: '/api/passes/scans/batch', headers: { authorization: `Device ${gateB.code}:${gateB.secret}` }, payload: { scans: [] } });
    expect(empty.statusCode).toBe(400);
  });

  test('the public key endpoint publishes the key that verifies the QR', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/.well-known/parkos-pass-keys' });
    expect(res.statusCode).toBe(200);
    const { keys } = res.json() as { keys: { keyId: string; publicKeyPem: string }[] };
    const { qr } = (await member1.get('/api/passes/me')).json();
    const { createPublicKey, verify } = await import('node:crypto');
    const raw = Buffer.from(qr.text.slice(4), 'base64url');
    const key = keys.find((k) => k.keyId === raw.toString('hex', 1, 5))!;
    expect(verify(null, raw.subarray(0, raw.length - 64), createPublicKey(key.publicKeyPem), raw.subarray(raw.length - 64))).toBe(true);
  });
});

describe('visitor invitations', () => {
  const window = () => ({ validFrom: new Date(Date.now() - 60_000).toISOString(), validTo: new Date(Date.now() + 3 * 3600_000).toISOString() });

  test('a member invites a visitor; the link shows the pass without an account; a gate accepts it', async () => {
    const res = await member1.post('/api/passes/invitations', { visitorName: '访客 王五', purpose: '商务洽谈', ...window() });
    expect(res.statusCode, res.body).toBe(201);
    const inv = res.json();
    expect(inv.linkPath).toBe(`/visit/${inv.linkToken}`);
    expect(inv.linkToken.length).toBeGreaterThanOrEqual(32);
    const pub = await t.app.inject({ method: 'GET', url: `/api/visitor-passes/${inv.linkToken}` });
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({ visitorName: '访客 王五', status: 'active' });
    expect(JSON.stringify(pub.json())).not.toContain('p.member1');
    expect((await decision(gateA, pub.json().qr.text)).result).toBe('accepted');
    expect((await t.app.inject({ method: 'GET', url: `/api/visitor-passes/${'x'.repeat(32)}` })).statusCode).toBe(404);
  });

  test('a visitor pass limited to one gate is refused at another', async () => {
    const inv = (await admin1.post('/api/passes/invitations', { visitorName: '快递 赵六', gateIds: [gateA2.id], ...window() })).json();
    expect((await decision(gateA, inv.qr.text)).reason).toBe('wrong_gate');
    expect((await decision(gateA2, inv.qr.text)).result).toBe('accepted');
  });

  test.each([
    ['validTo before validFrom', { visitorName: 'x', validFrom: '2030-01-02T00:00:00Z', validTo: '2030-01-01T00:00:00Z' }, 'body.validTo'],
    ['longer than 7 days', { visitorName: 'x', validFrom: '2030-01-01T00:00:00Z', validTo: '2030-01-09T00:00:00Z' }, 'body.validTo'],
    ['no name', { visitorName: '', validFrom: '2030-01-01T00:00:00Z', validTo: '2030-01-02T00:00:00Z' }, 'body.visitorName'],
  ])('an invitation with %s is a 400 naming the field', async (_n, body, field) => {
    const res = await member1.post('/api/passes/invitations', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().details.fields.map((f: { field: string }) => f.field)).toContain(field);
  });

  test('a revoked invitation is refused at the gate at once, and the revocation is audited', async () => {
    const inv = (await member1.post('/api/passes/invitations', { visitorName: '访客 钱七', ...window() })).json();
    const revoked = await op.post(`/api/passes/${inv.pass.id}/revoke`, { reason: '访问取消' });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json().status).toBe('revoked');
    expect((await decision(gateA, inv.qr.text)).reason).toBe('revoked');
    expect((await op.post(`/api/passes/${inv.pass.id}/revoke`, { reason: 'again' })).statusCode).toBe(409);
    const pub = await t.app.inject({ method: 'GET', url: `/api/visitor-passes/${inv.linkToken}` });
    expect(pub.json()).toMatchObject({ status: 'revoked', qr: null });
    const audit = (await op.get(`/api/audit-log?entityId=${inv.pass.id}`)).json().items.map((e: { action: string }) => e.action);
    expect(audit).toEqual(['pass.revoked', 'pass.invited']);
  });

  test('another instance picks up a revocation from the database', async () => {
    const { createScanVerifier } = await import('./scan-verifier');
    const other = createScanVerifier({ database: t.database, replayWindowMs: 1000, revocationRefreshMs: 0 });
    const inv = (await member1.post('/api/passes/invitations', { visitorName: '访客 孙八', ...window() })).json();
    const gate = { id: gateA.id, code: gateA.code, parkId: parkA.park.id, siteId: parkA.site.id };
    expect((await other.verify({ gate, payload: inv.qr.text, nonce: 'o-1', via: 'http' })).result).toBe('accepted');
    await t.services.passes.passes.revokePass({ actor: SYSTEM.actor }, inv.pass.id, 'test');
    // The first scan after the refresh interval triggers the reload; the next one sees it.
    await other.verify({ gate, payload: 'x', nonce: 'o-2', via: 'http' });
    await new Promise((r) => setTimeout(r, 50));
    expect((await other.verify({ gate: { ...gate, id: gateA2.id }, payload: inv.qr.text, nonce: 'o-3', via: 'http' })).reason).toBe('revoked');
    await other.close();
  });
});

describe('isolation', () => {
  test('another enterprise cannot see or revoke someone’s pass or invitations', async () => {
    const mine = (await member1.get('/api/passes/me')).json().pass;
    const inv = (await member1.post('/api/passes/invitations', { visitorName: '访客 机密', validFrom: new Date().toISOString(), validTo: new Date(Date.now() + 3600_000).toISOString() })).json();
    for (const other of [admin2, member2, opB]) {
      for (const id of [mine.id, inv.pass.id]) {
        expect((await other.get(`/api/passes/${id}`)).statusCode).toBe(404);
        expect((await other.post(`/api/passes/${id}/revoke`, { reason: 'x' })).statusCode).toBe(404);
      }
      const list = (await other.get('/api/passes?pageSize=200')).json();
      expect(JSON.stringify(list)).not.toContain('访客 机密');
      expect(list.items.map((p: { id: string }) => p.id)).not.toContain(mine.id);
    }
    // A colleague sees neither; the enterprise admin sees and may cancel the invitation, not the member pass.
    expect((await member1b.get(`/api/passes/${inv.pass.id}`)).statusCode).toBe(404);
    expect((await admin1.get(`/api/passes/${inv.pass.id}`)).statusCode).toBe(200);
    expect((await admin1.post(`/api/passes/${mine.id}/revoke`, { reason: 'x' })).statusCode).toBe(403);
    expect((await member1.post(`/api/passes/${mine.id}/revoke`, { reason: 'x' })).statusCode).toBe(403);
    expect((await admin1.post(`/api/passes/${inv.pass.id}/revoke`, { reason: '取消' })).statusCode).toBe(200);
    // Operators of park A list both; park B's operator neither; only operators read the scan log.
    const opList = (await op.get('/api/passes?pageSize=200')).json().items.map((p: { id: string }) => p.id);
    expect(opList).toEqual(expect.arrayContaining([mine.id, inv.pass.id]));
    expect((await member1.get('/api/passes/scans')).statusCode).toBe(403);
    expect((await opB.get(`/api/passes/scan-stats?parkId=${parkA.park.id}`)).statusCode).toBe(404);
  });
});

describe('scan log', () => {
  test('every scan is logged with its result; counts per gate and hour add up', async () => {
    await t.services.passes.verifier.flush();
    const scans = await op.get(`/api/passes/scans?parkId=${parkA.park.id}&pageSize=200`);
    expect(scans.statusCode).toBe(200);
    const items = scans.json().items as { result: string; reason: string; gateId: string }[];
    const stats = await op.get(`/api/passes/scan-stats?parkId=${parkA.park.id}`);
    expect(stats.statusCode, stats.body).toBe(200);
    const body = stats.json() as { buckets: { gateId: string; accepted: number; rejected: number }[]; byReason: { reason: string; count: number }[] };
    const sum = (f: (b: { accepted: number; rejected: number }) => number) => body.buckets.reduce((a, b) => a + f(b), 0);
    expect(sum((b) => b.accepted)).toBe(items.filter((i) => i.result === 'accepted').length);
    expect(sum((b) => b.rejected)).toBe(items.filter((i) => i.result === 'rejected').length);
    expect(body.byReason.map((r) => r.reason)).toEqual(expect.arrayContaining(['duplicate_nonce', 'replay', 'revoked', 'bad_signature', 'wrong_gate']));
    expect(new Set(body.buckets.map((b) => b.gateId))).toEqual(new Set([gateA.id, gateA2.id]));
  });

  test('an accepted (gate, nonce) is unique in the database, so a second instance logs it as a duplicate', async () => {
    const { createScanVerifier } = await import('./scan-verifier');
    const { qr } = (await member1.get('/api/passes/me')).json();
    const gate = { id: gateA.id, code: gateA.code, parkId: parkA.park.id, siteId: parkA.site.id };
    const v1 = createScanVerifier({ database: t.database, replayWindowMs: 1000 });
    const v2 = createScanVerifier({ database: t.database, replayWindowMs: 1000 });
    expect((await v1.verify({ gate, payload: qr.text, nonce: 'cross-1', via: 'http' })).result).toBe('accepted');
    await v1.close();
    expect((await v2.verify({ gate, payload: qr.text, nonce: 'cross-1', via: 'http' })).result).toBe('accepted');
    await v2.close();
    expect(v2.stats.lateDuplicates).toBe(1);
    const rows = await t.database.query<{ result: string; reason: string }>("select result, reason from pass_scans where nonce = 'cross-1' order by id");
    expect(rows).toEqual([
      { result: 'accepted', reason: 'ok' },
      { result: 'rejected', reason: 'duplicate_nonce' },
    ]);
  });

  test('a gate reports scans on its MQTT events channel (single and offline batch)', async () => {
    const { qr } = (await member1b.get('/api/passes/me')).json();
    const identity = { id: gateA2.id, code: gateA2.code, type: 'gate_camera' as const };
    const handler = t.services.passes.gateEvents;
    const one = await handler.handle(identity, Buffer.from(JSON.stringify({ type: 'pass_scan', payload: qr.text, nonce: 'mq-1' })));
    expect(one).toMatchObject([{ result: 'rejected', reason: 'replay' }]);
    const batch = await handler.handle(identity, Buffer.from(JSON.stringify({ type: 'pass_scans', scans: [{ payload: qr.text, nonce: 'mq-1' }, { payload: 'junk', nonce: 'mq-2', scannedAt: Date.now() - 1000 }] })));
    expect(batch.map((d) => d.reason)).toEqual(['duplicate_nonce', 'bad_format']);
    expect(await handler.handle(identity, Buffer.from('{"type":"door_open"}'))).toEqual([]);
    expect(await handler.handle(identity, Buffer.from('not json'))).toEqual([]);
    // Through the ingest service's hook: a publish on parkos/{code}/events reaches the handler.
    const before = handler.stats.scans;
    await t.services.iot.ingest.handleDevicePublish(identity, `parkos/${gateA2.code}/events`, Buffer.from(JSON.stringify({ type: 'pass_scan', payload: qr.text, nonce: 'mq-3' })), 1);
    await new Promise((r) => setTimeout(r, 50));
    expect(handler.stats.scans).toBe(before + 1);
    await t.services.passes.verifier.flush();
    const rows = await t.database.query<{ via: string }>("select via from pass_scans where nonce like 'mq-%'");
    expect(rows.every((r) => r.via === 'mqtt')).toBe(true);
    expect(rows.length).toBe(4);
  });
});
