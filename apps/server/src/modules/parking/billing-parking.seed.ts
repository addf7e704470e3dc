import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { RequestContext } from '../../lib/context';
import { SYSTEM_ACTOR } from '../identity/actor';
import { users } from '../identity/identity.table';
import { leases, units } from '../parks/parks.table';
import type { Services } from '../../services';
import { memberPlates } from './parking.table';

const PROVINCE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

/** Asia/Shanghai `YYYY-MM` of an instant. */
function localMonth(t: Date): string {
  return new Date(t.getTime() + 8 * 3600_000).toISOString().slice(0, 7);
}

/**
 * Demo bills and parking: rent and property bills of the first two enterprises, a lot with
 * spaces and a fee rule, the member's plate with two past stays (two parking bills to pay)
 * and a car parked now, other cars in the lot, a monthly pass.
 */
export async function seedDemoBillingParking(db: Db, services: Services, place: { parkId: string; siteId: string; enterpriseIds: string[] }): Promise<void> {
  const ctx: RequestContext = { actor: SYSTEM_ACTOR };
  const now = new Date();
  const period = localMonth(now);
  const dueDate = `${period}-28`;

  for (const enterpriseId of place.enterpriseIds) {
    const rows = await db.select({ l: leases, area: units.area, code: units.code }).from(leases).innerJoin(units, eq(units.id, leases.unitId)).where(and(eq(leases.enterpriseId, enterpriseId), eq(leases.status, 'active'))).limit(2);
    for (const r of rows) {
      await services.billing.createBill(ctx, { enterpriseId, kind: 'rent', period, title: `${period} 租金 ${r.code}`, amountFen: r.l.monthlyRentFen, dueDate, sourceRef: `lease:${r.l.id}` });
      await services.billing.createBill(ctx, { enterpriseId, kind: 'property', period, title: `${period} 物业费 ${r.code}`, amountFen: Math.round(r.area * 550), dueDate, sourceRef: `lease:${r.l.id}` });
    }
    await services.billing.createBill(ctx, { enterpriseId, kind: 'utilities', period, title: `${period} 水电费`, amountFen: 86_450, dueDate });
  }

  const lot = await services.parking.createLot(ctx, {
    parkId: place.parkId,
    siteId: place.siteId,
    name: 'P1 地下停车场',
    capacity: 120,
    freeMinutes: 30,
    hourlyFen: 500,
    dailyCapFen: 4000,
    nightStartMinute: 22 * 60,
    nightEndMinute: 7 * 60,
    nightHourlyFen: 100,
    monthlyPassFen: 30_000,
  });
  await services.parking.addSpaces(ctx, lot.id, { codes: Array.from({ length: 100 }, (_, i) => `B1-${String(i + 1).padStart(3, '0')}`) });
  await services.parking.addSpaces(ctx, lot.id, { codes: Array.from({ length: 20 }, (_, i) => `V-${String(i + 1).padStart(2, '0')}`) });
  const visitorLot = await services.parking.createLot(ctx, { parkId: place.parkId, siteId: place.siteId, name: 'P2 地面访客停车场', capacity: 40, freeMinutes: 15, hourlyFen: 600, dailyCapFen: 5000, nightStartMinute: null, nightEndMinute: null, nightHourlyFen: null });
  await services.parking.addSpaces(ctx, visitorLot.id, { codes: Array.from({ length: 40 }, (_, i) => `G-${String(i + 1).padStart(2, '0')}`) });

  const [member] = await db.select({ id: users.id }).from(users).where(sql`lower(${users.username}) = 'ent.member'`);
  const memberPlate = '川AD12345';
  if (member) {
    await db.insert(memberPlates).values({ userId: member.id, enterpriseId: place.enterpriseIds[0], plate: memberPlate }).onConflictDoNothing();
    const day = 86_400_000;
    for (const [daysAgo, hours] of [
      [3, 9.5],
      [2, 2.2],
    ] as const) {
      const entry = new Date(now.getTime() - daysAgo * day);
      await services.parking.recordManualRead(ctx, lot.id, { direction: 'entry', plate: memberPlate, at: entry });
      await services.parking.recordManualRead(ctx, lot.id, { direction: 'exit', plate: memberPlate, at: new Date(entry.getTime() + hours * 3600_000) });
    }
    await services.parking.recordManualRead(ctx, lot.id, { direction: 'entry', plate: memberPlate, at: new Date(now.getTime() - 95 * 60_000) });
  }
  await services.parking.createRight(ctx, lot.id, { kind: 'monthly_pass', plate: '川A6P666', validFrom: `${period}-01`, validTo: `${period}-28` });
  // Other cars parked now, for the occupancy figures.
  for (let i = 0; i < 57; i++) {
    const plate = `川${PROVINCE_LETTERS[i % 5]}${String(10000 + i * 137).slice(0, 5)}`;
    await services.parking.recordManualRead(ctx, i % 3 === 0 ? visitorLot.id : lot.id, { direction: 'entry', plate, at: new Date(now.getTime() - (i + 1) * 7 * 60_000) });
  }
}
