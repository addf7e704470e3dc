import crypto from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { RequestContext } from '../../lib/context';
import type { Services } from '../../services';
import { SYSTEM_ACTOR, type Actor } from '../identity/actor';
import { passes, passScans } from '../community/passes/passes.table';
import { addDays, localDay, localInstant } from './returnwork.rules';
import { createReturnWorkService } from './returnwork.service';
import { rtwFlags } from './returnwork.table';

const PREVENTION = ['每日两次测温，公共区域每日消毒，错峰就餐', '员工健康码每日核验，办公区通风消毒，会议室限流', '返岗人员14天健康监测，配备口罩与消毒液，访客实名登记'];
const CONTACTS = [
  ['王敏', '13880001001'],
  ['李强', '13880001002'],
  ['张伟', '13880001003'],
  ['陈静', '13880001004'],
  ['刘洋', '13880001005'],
  ['赵磊', '13880001006'],
  ['周涛', '13880001007'],
  ['吴芳', '13880001008'],
];

/**
 * Demo return-to-work ledger: a daily campaign over the last week for the enterprises of the first demo
 * enterprise's building, with reports (some missing, one late), gate pass scans that match most reports, and
 * flags — one enterprise reports 80 on site while 12 of its people were scanned at the gates — one followed up.
 */
export async function seedReturnWorkDemo(db: Db, services: Services, place: { parkId: string; enterpriseId: string }): Promise<void> {
  const system: RequestContext = { actor: SYSTEM_ACTOR };
  const today = localDay(new Date());
  const start = addDays(today, -6);
  // The building of the first demo enterprise's lease: its neighbours report too.
  const [lease] = rowsOf<{ building_id: string }>(await db.execute(sql`select u.building_id::text as building_id from leases l join units u on u.id = l.unit_id where l.enterprise_id = ${place.enterpriseId} and l.status = 'active' order by l.start_date, l.id limit 1`));
  const campaign = await services.returnWork.createCampaign(system, {
    parkId: place.parkId,
    name: '复工复产每日台账',
    cadence: 'daily',
    startDate: start,
    endDate: addDays(today, 7),
    deadlineTime: '10:00',
    target: lease ? 'building' : 'park',
    buildingId: lease?.building_id ?? null,
    extraForm: { fields: [{ key: 'masksInStock', type: 'integer', label: { zh: '口罩库存（只）', en: 'Masks in stock' }, required: false, min: 0 }] },
  });
  const ents = (await targetEnterprises(db, place.parkId, lease?.building_id ?? null)).slice(0, 20);

  if (!ents.length) return;
  // One visitor-style pass per person of each enterprise, scanned in on the days they came.
  const gateId = crypto.randomUUID();
  // The discrepancy: a neighbour with a sizeable registered headcount reports 80 on site while 12 of its people came through the gates.
  const flagged = ents.find((e) => e.id !== place.enterpriseId && (e.employeeCount ?? 0) >= 90) ?? ents.find((e) => e.id !== place.enterpriseId) ?? ents[0];
  const passRows: (typeof passes.$inferInsert)[] = [];
  const people = new Map<string, string[]>();
  for (const e of ents) {
    const staff = e.id === flagged.id ? Math.max(90, Math.min(e.employeeCount ?? 90, 120)) : Math.max(1, Math.min(e.employeeCount ?? 30, 120));
    const ids = Array.from({ length: staff }, () => crypto.randomUUID());
    people.set(e.id, ids);
    for (const id of ids) passRows.push({ id, kind: 'visitor', parkId: place.parkId, enterpriseId: e.id, visitorName: null, validFrom: localInstant(start), validTo: localInstant(addDays(today, 30)) });
  }
  for (let i = 0; i < passRows.length; i += 500) await db.insert(passes).values(passRows.slice(i, i + 500));
  const scanRows: (typeof passScans.$inferInsert)[] = [];
  let n = 0;
  const plan: { e: (typeof ents)[number]; day: string; onSite: number; at: Date }[] = [];
  ents.forEach((e, idx) => {
    const staff = people.get(e.id)!;
    for (let d = 0; d <= 6; d++) {
      const day = addDays(start, d);
      // Some reports are missing: two enterprises skip days, and today's come in only until now.
      if ((idx === ents.length - 1 && d % 3 === 1) || (idx === ents.length - 2 && d === 5)) continue;
      const base = Math.round(staff.length * (0.55 + 0.05 * d));
      let onSite = e.id === flagged.id && d === 5 ? 80 : Math.min(staff.length, base + (idx % 3));
      // Two more discrepancies: a sudden jump on one day, and more people on site than registered.
      if (idx === 2 && e.id !== flagged.id && d === 3) onSite = onSite * 2 + 15;
      if (idx === 3 && e.id !== flagged.id && d === 4) onSite = (e.employeeCount ?? staff.length) + 6;
      const scanned = e.id === flagged.id && d === 5 ? 12 : Math.max(1, Math.round(onSite * 0.85));
      for (const passId of staff.slice(0, scanned))
        scanRows.push({ gateId, parkId: place.parkId, passId, holderKind: 'visitor', nonce: `rtw-demo-${++n}`, result: 'accepted', reason: 'ok', via: 'http', scannedAt: localInstant(day, 8 * 60 + (n % 90)) });
      const at = localInstant(day, idx === 1 && d === 3 ? 11 * 60 + 20 : 8 * 60 + 30 + idx * 3);
      if (at.getTime() > Date.now()) continue;
      plan.push({ e, day, onSite, at });
    }
  });
  for (let i = 0; i < scanRows.length; i += 500) await db.insert(passScans).values(scanRows.slice(i, i + 500));
  for (const p of plan) {
    // Each report as submitted at its time, by the enterprise's admin.
    const svc = createReturnWorkService({ db, audit: services.audit, notify: (tx, ids, input) => services.notifications.notify(tx, ids, input), now: () => p.at });
    const actor: Actor = { ...SYSTEM_ACTOR, grants: [{ role: 'enterprise_admin', scopeType: 'enterprise', scopeId: p.e.id }] };
    const [contact, phone] = CONTACTS[ents.indexOf(p.e) % CONTACTS.length];
    await svc.submit({ actor }, campaign.id, {
      periodStart: p.day,
      values: { peopleReturned: p.onSite + 2, peopleOnSite: p.onSite, peopleFromRiskAreas: p.onSite > 40 ? 1 : 0, healthChecksDone: p.onSite, preventionMeasures: PREVENTION[ents.indexOf(p.e) % PREVENTION.length], contactName: contact, contactPhone: phone, masksInStock: 200 + p.onSite * 10 },
    });
  }
  // Yesterday's latecomers were reminded once by the job.
  await createReturnWorkService({ db, audit: services.audit, notify: (tx, ids, input) => services.notifications.notify(tx, ids, input), now: () => localInstant(addDays(today, -1), 10 * 60 + 5) }).remindOverdue();
  // An operator has already followed up one flag.
  const [first] = await db.select({ id: rtwFlags.id }).from(rtwFlags).where(and(eq(rtwFlags.campaignId, campaign.id), eq(rtwFlags.code, 'previous_period_change'))).orderBy(asc(rtwFlags.periodStart)).limit(1);
  if (first) await services.returnWork.followUpFlag(system, first.id, '已电话联系企业联系人核实：当日部分员工居家办公');
}

/** The active enterprises leasing in a building (or the whole park), as the campaign asks them. */
async function targetEnterprises(db: Db, parkId: string, buildingId: string | null) {
  const rows = await db.execute(
    sql`select e.id::text as id, e.legal_name as "legalName", e.employee_count as "employeeCount" from enterprises e where e.park_id = ${parkId} and e.status = 'active'
        and (${buildingId}::uuid is null or (select u.building_id from leases l join units u on u.id = l.unit_id where l.enterprise_id = e.id and l.status = 'active' order by l.start_date, l.id limit 1) = ${buildingId}::uuid)
        order by e.legal_name`,
  );
  return rowsOf<{ id: string; legalName: string; employeeCount: number | null }>(rows);
}

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : ((result as { rows?: T[] }).rows ?? [])) as T[];
}
