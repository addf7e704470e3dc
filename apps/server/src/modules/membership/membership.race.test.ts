import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SYSTEM, TEST_PASSWORD, buildEnterprise, buildPark } from '../../testing/builders';
import { createTestApp, type TestApp } from '../../testing/test-app';

/*
 * An invitation link works once, and a join request is decided once, even when two people (or two
 * admins) act at the same moment. On PostgreSQL (TEST_DB=postgres) the requests really run at once.
 */
let t: TestApp;
let entId: string;
let seq = 0;

beforeAll(async () => {
  t = await createTestApp();
  const p = await buildPark(t.services);
  entId = (await buildEnterprise(t.services, p.park.id, p.site.id, '并发邀请测试有限公司')).id;
});
afterAll(() => t.close());

describe('races', () => {
  test('of several registrations through one link at once, exactly one joins; the others create no user', async () => {
    for (let round = 0; round < 3; round++) {
      const { token } = await t.services.membership.createInvitation(SYSTEM, entId, {});
      const names = [0, 1, 2, 3].map(() => `racer.${round}.${++seq}`);
      const results = await Promise.all(
        names.map((username) => t.app.inject({ method: 'POST', url: '/api/auth/register', payload: { username, displayName: username, password: TEST_PASSWORD, invitationToken: token } })),
      );
      expect(results.map((r) => r.statusCode).sort()).toEqual([201, 400, 400, 400]);
      const [{ n }] = await t.database.query<{ n: number }>(`select count(*)::int as n from users where username = any($1)`, [names]);
      expect(n).toBe(1);
    }
  });

  test('two admins approving and rejecting one request at once: one decision stands', async () => {
    const e = await t.services.membership.register({ username: `racejoin.${++seq}`, displayName: 'x', password: TEST_PASSWORD, joinEnterpriseName: '并发邀请测试有限公司' });
    const settled = await Promise.allSettled([t.services.membership.decideJoinRequest(SYSTEM, entId, e.joinRequestId!, true), t.services.membership.decideJoinRequest(SYSTEM, entId, e.joinRequestId!, false)]);
    expect(settled.filter((s) => s.status === 'fulfilled')).toHaveLength(1);
    const [{ grants }] = await t.database.query<{ grants: number }>(`select count(*)::int as grants from role_grants where user_id = $1`, [e.userId]);
    const won = (settled.find((s) => s.status === 'fulfilled') as PromiseFulfilledResult<{ status: string }>).value.status;
    expect(grants).toBe(won === 'approved' ? 1 : 0);
  });
});
