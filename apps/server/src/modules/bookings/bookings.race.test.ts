import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RequestContext } from '../../lib/context';
import { buildEnterprise, buildPark, SYSTEM, type BuiltPark } from '../../testing/builders';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { buildActor } from '../approvals/approvals.testing';
import { meetingRoomBody, shanghaiAt } from './bookings.testing';
import type { CreateResourceBody } from './bookings.schema';

/**
 * Many enterprises booking the same slot at the same moment (TEST_DB=postgres runs them on
 * separate connections): the resource row lock lets exactly one win; the rest get 409.
 */
let t: TestApp;
let park: BuiltPark;
const bookers: RequestContext[] = [];
const N = 12;

beforeAll(async () => {
  t = await createTestApp();
  park = await buildPark(t.services);
  for (let i = 0; i < N; i++) {
    const e = await buildEnterprise(t.services, park.park.id, park.site.id);
    bookers.push((await buildActor(t.services, `race.booker${i}`, [{ role: 'enterprise_admin', scopeType: 'enterprise', scopeId: e.id }])).ctx);
  }
});
afterAll(async () => {
  await t?.services.passes.verifier.close();
  await t?.services.iot.pipeline.close();
  await t?.close();
});

async function allAtOnce(resourceId: string, range: (i: number) => [number, number]) {
  const results = await Promise.allSettled(bookers.map((ctx, i) => t.services.bookings.createBooking(ctx, { resourceId, title: `并发预约 ${i}`, startsAt: shanghaiAt(2, range(i)[0]), endsAt: shanghaiAt(2, range(i)[1]) })));
  return results.map((r) => (r.status === 'fulfilled' ? 201 : ((r.reason as { status?: number }).status ?? 500)));
}

describe('concurrent bookings', () => {
  test('many attempts at the same slot: exactly one booking and one bill; the rest get 409', async () => {
    const r = await t.services.bookings.createResource(SYSTEM, meetingRoomBody(park.park.id) as CreateResourceBody);
    const statuses = await allAtOnce(r.id, () => [10, 11]);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(N - 1);
    const rows = await t.database.query<{ n: number }>(`select count(*)::int as n from bookings where resource_id = $1 and status in ('pending', 'confirmed')`, [r.id]);
    expect(rows[0].n).toBe(1);
    const billRows = await t.database.query<{ n: number }>(`select count(*)::int as n from bills where kind = 'booking' and details->>'resourceId' = $1`, [r.id]);
    expect(billRows[0].n).toBe(1);
  });

  test('overlapping but different ranges at once: no two accepted bookings overlap', async () => {
    const r = await t.services.bookings.createResource(SYSTEM, meetingRoomBody(park.park.id) as CreateResourceBody);
    // Booker i asks for [9 + i/2, 10 + i/2): each overlaps its neighbours.
    const statuses = await allAtOnce(r.id, (i) => [9 + i / 2, 10 + i / 2]);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    const rows = await t.database.query<{ starts_at: Date; ends_at: Date }>(`select starts_at, ends_at from bookings where resource_id = $1 and status = 'confirmed' order by starts_at`, [r.id]);
    expect(rows.length).toBeGreaterThan(0);
    for (let i = 1; i < rows.length; i++) expect(new Date(rows[i].starts_at).getTime()).toBeGreaterThanOrEqual(new Date(rows[i - 1].ends_at).getTime());
  });
});
