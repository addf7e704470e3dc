import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SYSTEM, TEST_PASSWORD, buildEnterprise, buildPark, buildUser } from '../../testing/builders';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';

let t: TestApp;
let admin: TestClient;
let member: TestClient;
let entId: string;
let entName: string;
let memberId: string;
let counter = 0;
const uname = (p: string) => `${p}.${++counter}`;

async function register(body: Record<string, unknown>) {
  return t.app.inject({ method: 'POST', url: '/api/auth/register', payload: { displayName: '新同事', password: TEST_PASSWORD, ...body } });
}

beforeAll(async () => {
  t = await createTestApp();
  const p = await buildPark(t.services);
  const e = await buildEnterprise(t.services, p.park.id, p.site.id, '人员管理测试科技有限公司');
  entId = e.id;
  entName = e.legalName;
  await buildUser(t.services, 'people.admin', [{ role: 'enterprise_admin', scopeType: 'enterprise', scopeId: entId }]);
  memberId = (await buildUser(t.services, 'people.member', [{ role: 'member', scopeType: 'enterprise', scopeId: entId }])).id;
  admin = await t.login('people.admin', TEST_PASSWORD);
  member = await t.login('people.member', TEST_PASSWORD);
});
afterAll(() => t.close());

describe('invitations', () => {
  test('a link invitation makes the person a member on registration, once; a second use is refused and creates no user', async () => {
    const inv = await admin.post(`/api/enterprises/${entId}/invitations`, { expiresInDays: 3 });
    expect(inv.statusCode, inv.body).toBe(201);
    const { token, id } = inv.json() as { token: string; id: string };
    expect((await t.app.inject({ method: 'GET', url: `/api/invitations/${token}` })).json()).toMatchObject({ enterpriseName: entName, role: 'member' });
    const name = uname('invited');
    const res = await register({ username: name, invitationToken: token });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ enterpriseId: entId, role: 'member' });
    const joined = await t.login(name, TEST_PASSWORD);
    expect((await joined.get('/api/auth/me')).json().user.grants).toEqual([{ role: 'member', scopeType: 'enterprise', scopeId: entId }]);
    const again = await register({ username: uname('second'), invitationToken: token });
    expect(again.statusCode).toBe(400);
    expect(again.json().details.fields[0].field).toBe('body.invitationToken');
    expect((await t.app.inject({ method: 'GET', url: `/api/invitations/${token}` })).statusCode).toBe(404);
    const listed = (await admin.get(`/api/enterprises/${entId}/invitations`)).json() as { id: string; status: string }[];
    expect(listed.find((i) => i.id === id)?.status).toBe('used');
  });

  test('a phone invitation is claimed by registering with that phone', async () => {
    const phone = '13700001111';
    expect((await admin.post(`/api/enterprises/${entId}/invitations`, { phone, role: 'finance_contact' })).statusCode).toBe(201);
    const res = await register({ username: uname('byphone'), phone });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ enterpriseId: entId, role: 'finance_contact' });
  });

  test('a revoked invitation no longer works', async () => {
    const { token, id } = (await admin.post(`/api/enterprises/${entId}/invitations`, {})).json() as { token: string; id: string };
    expect((await admin.delete(`/api/enterprises/${entId}/invitations/${id}`)).statusCode).toBe(204);
    expect((await register({ username: uname('late'), invitationToken: token })).statusCode).toBe(400);
  });

  test('members may not invite (403); a bad phone is a 400 naming the field', async () => {
    expect((await member.post(`/api/enterprises/${entId}/invitations`, {})).statusCode).toBe(403);
    const bad = await admin.post(`/api/enterprises/${entId}/invitations`, { phone: 'abc' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('phone');
  });

  test('registering without invitation or enterprise is a 400 and creates nobody', async () => {
    const name = uname('nobody');
    const res = await register({ username: name });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.fields[0].field).toBe('body.joinEnterpriseName');
    expect((await t.database.query<{ n: number }>(`select count(*)::int as n from users where username = $1`, [name]))[0].n).toBe(0);
  });
});

describe('join requests', () => {
  test('a join request is approved by the admin, who is notified; the person becomes a member; deciding twice is 409', async () => {
    const name = uname('joiner');
    const res = await register({ username: name, joinEnterpriseName: entName });
    expect(res.statusCode, res.body).toBe(201);
    const reqId = res.json().joinRequestId as string;
    const joiner = await t.login(name, TEST_PASSWORD);
    expect((await joiner.get('/api/auth/me')).json().user.grants).toEqual([]);
    const notes = (await admin.get('/api/notifications')).json() as { items: { kind: string }[] };
    expect(notes.items.some((n) => n.kind === 'enterprise.join_requested')).toBe(true);
    const pending = (await admin.get(`/api/enterprises/${entId}/join-requests?status=pending`)).json() as { id: string; username: string }[];
    expect(pending.map((r) => r.username)).toContain(name);
    expect((await member.post(`/api/enterprises/${entId}/join-requests/${reqId}/approve`)).statusCode).toBe(403);
    expect((await admin.post(`/api/enterprises/${entId}/join-requests/${reqId}/approve`)).statusCode).toBe(200);
    expect((await joiner.get('/api/auth/me')).json().user.grants).toEqual([{ role: 'member', scopeType: 'enterprise', scopeId: entId }]);
    expect((await admin.post(`/api/enterprises/${entId}/join-requests/${reqId}/reject`)).statusCode).toBe(409);
  });
});

describe('members', () => {
  test('the admin assigns the finance-contact role; members cannot', async () => {
    const res = await admin.patch(`/api/enterprises/${entId}/members/${memberId}`, { roles: ['member', 'finance_contact'] });
    expect(res.statusCode, res.body).toBe(200);
    const list = (await admin.get(`/api/enterprises/${entId}/members`)).json() as { userId: string; roles: string[] }[];
    expect(list.find((m) => m.userId === memberId)?.roles.sort()).toEqual(['finance_contact', 'member']);
    expect((await member.patch(`/api/enterprises/${entId}/members/${memberId}`, { roles: ['enterprise_admin'] })).statusCode).toBe(403);
    expect((await admin.patch(`/api/enterprises/${entId}/members/${memberId}`, { roles: ['finance_contact'] })).statusCode).toBe(400);
    const member2 = await t.login('people.member', TEST_PASSWORD);
    expect((await member2.get('/api/auth/me')).json().user.grants.map((g: { role: string }) => g.role).sort()).toEqual(['finance_contact', 'member']);
  });

  test('a disabled member cannot log in; their session ends and their pass is revoked', async () => {
    const name = uname('leaver');
    const { id } = await buildUser(t.services, name, [{ role: 'member', scopeType: 'enterprise', scopeId: entId }]);
    const leaver = await t.login(name, TEST_PASSWORD);
    const pass = await leaver.get('/api/passes/me');
    expect(pass.statusCode, pass.body).toBe(200);
    const members = (await admin.get(`/api/enterprises/${entId}/members`)).json() as { userId: string; passes: { id: string }[] }[];
    expect(members.find((m) => m.userId === id)?.passes).toHaveLength(1);
    const res = await admin.patch(`/api/enterprises/${entId}/members/${id}`, { isActive: false });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().effects.passesRevoked).toBe(1);
    expect((await leaver.get('/api/auth/me')).statusCode).toBe(401);
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: name, password: TEST_PASSWORD } });
    expect(login.statusCode).toBe(403);
    const [row] = await t.database.query<{ revoked: boolean }>(`select revoked_at is not null as revoked from passes where holder_user_id = $1`, [id]);
    expect(row.revoked).toBe(true);
  });

  test('an admin cannot disable themself', async () => {
    const me = (await admin.get('/api/auth/me')).json().user.id as string;
    expect((await admin.patch(`/api/enterprises/${entId}/members/${me}`, { isActive: false })).statusCode).toBe(400);
  });
});

describe('tenant boundaries', () => {
  test('members get 403 on the park tree, building grid and unit list; admins too', async () => {
    const p = (await admin.get('/api/parks')).json() as { id: string }[];
    const buildings = (await admin.get('/api/buildings')).json() as { id: string }[];
    for (const client of [member, admin]) {
      expect((await client.get(`/api/parks/${p[0].id}/tree`)).statusCode).toBe(403);
      expect((await client.get(`/api/buildings/${buildings[0].id}`)).statusCode).toBe(403);
      expect((await client.get('/api/units')).statusCode).toBe(403);
    }
  });

  test('members may not create API tokens; enterprise admins may', async () => {
    expect((await member.post('/api/api-tokens', { name: 'mine', access: 'read' })).statusCode).toBe(403);
    expect((await admin.post('/api/api-tokens', { name: 'erp', access: 'read' })).statusCode).toBe(201);
  });
});

describe('finance contact', () => {
  test('an enterprise bill notifies the enterprise’s finance contacts, not its other members', async () => {
    const name = uname('finance');
    await buildUser(t.services, name, [
      { role: 'member', scopeType: 'enterprise', scopeId: entId },
      { role: 'finance_contact', scopeType: 'enterprise', scopeId: entId },
    ]);
    const finance = await t.login(name, TEST_PASSWORD);
    const other = await t.login('people.admin', TEST_PASSWORD);
    const before = ((await other.get('/api/notifications')).json() as { items: { kind: string }[] }).items.filter((n) => n.kind === 'bill.issued').length;
    await t.services.billing.createBill(SYSTEM, { enterpriseId: entId, kind: 'other', period: '2026-12', title: '2026-12 会议室费用', amountFen: 12_300, dueDate: '2026-12-31' });
    const notes = (await finance.get('/api/notifications')).json() as { items: { kind: string; params: Record<string, unknown> }[] };
    expect(notes.items.find((n) => n.kind === 'bill.issued')?.params).toMatchObject({ title: '2026-12 会议室费用', amountFen: 12_300 });
    const after = ((await other.get('/api/notifications')).json() as { items: { kind: string }[] }).items.filter((n) => n.kind === 'bill.issued').length;
    expect(after).toBe(before);
  });
});
