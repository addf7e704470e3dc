import { USCC_ALPHABET, withUsccCheck, type EnterpriseSize, type Industry, type LeadStage, type RoleGrant, type UnitStatus } from '@parkos/contracts';
import { seedDemoNews } from '../modules/community/news/news.seed';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { RequestContext } from '../lib/context';
import { SYSTEM_ACTOR } from '../modules/identity/actor';
import { users } from '../modules/identity/identity.table';
import { seedWorkOrders } from '../modules/workorders/workorders.seed';
import type { Services } from '../services';
import {
  buildings,
  districts,
  enterpriseVehicles,
  enterprises,
  floors,
  leads,
  leases,
  parkingSpaceAssignments,
  parks,
  propertyCompanies,
  propertyContracts,
  sites,
  units,
} from '../modules/parks/parks.table';
import { seedSimulatedDevices } from '../modules/iot/simulator';
import { seedDemoRules } from '../modules/iot/rules/rules.seed';
import { seedDemoActuators } from '../modules/iot/commands/demo';
import { createRandom, type Random } from './random';
import { seedDemoBillingParking } from '../modules/parking/billing-parking.seed';
import { seedIocDemo } from '../modules/iot/ioc/ioc.seed';
import { seedParkView } from './park-view';
import { seedCommunityDemo } from '../modules/community/events/community-demo.seed';
import { seedMemberHomeDemo } from './member-home.seed';
import { seedPeopleDemo } from './people.seed';
import { seedApprovalFlows } from './approvals.seed';
import { seedPoliciesDemo } from '../modules/policies/policies.seed';
import { seedReturnWorkDemo } from '../modules/returnwork/returnwork.seed';
import { seedTrainingDemo } from '../modules/training/training.seed';
import { seedRelief } from '../modules/relief';
import { seedServices } from './services.seed';
import { seedBookingsDemo } from '../modules/bookings';
import { seedSpotChecksDemo } from '../modules/spotchecks';
import { seedInspections } from '../modules/inspections';
import { seedPatrols } from '../modules/patrols';
import { seedSurveysDemo } from '../modules/surveys';
import { seedEvaluationDemo } from '../modules/evaluation/evaluation.seed';
import { seedEvaluationFlows, seedEvaluationOutcomesDemo } from '../modules/evaluation/evaluation.outcomes.seed';

/** The password of every demo account (printed at start; demo data only). */
export const DEMO_PASSWORD = 'Demo2026park';

export interface DemoLogin {
  username: string;
  role: string;
  description: string;
}

export interface DemoSummary {
  parks: number;
  sites: number;
  districts: number;
  buildings: number;
  units: number;
  enterprises: number;
  logins: DemoLogin[];
}

const INDUSTRY_WORDS: Record<Industry, string[]> = {
  software: ['软件', '信息技术', '网络科技', '数字科技'],
  ai: ['智能科技', '人工智能', '机器人', '视觉科技'],
  games: ['游戏', '互动娱乐', '动漫', '数字娱乐'],
  finance: ['金融信息服务', '支付科技', '数据金融', '保险科技'],
  ecommerce: ['电子商务', '供应链科技', '跨境电商'],
  iot: ['物联网科技', '传感技术', '智能硬件'],
  biotech: ['生物科技', '医疗信息', '基因科技'],
  services: ['企业管理咨询', '人力资源服务', '知识产权代理'],
  other: ['文化传媒', '教育科技'],
};
const BRAND_CHARS = '星云天启锦华蓝海智远云帆腾跃极光恒信博瑞卓越鼎盛新程数智未来青橙凌峰聚力汇通灵犀长风明德';
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华';
const PROVINCE_PLATES = ['川A', '川A', '川A', '川G', '渝A', '京N', '沪B', '浙A'];
const PLATE_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';

function personName(r: Random): string {
  return r.pick([...SURNAMES]) + r.pick([...GIVEN]) + (r.next() < 0.5 ? r.pick([...GIVEN]) : '');
}

function phone(r: Random): string {
  return `1${r.pick(['38', '39', '58', '86', '89', '36'])}${String(r.int(0, 99_999_999)).padStart(8, '0')}`;
}

function creditCode(r: Random, region: string): string {
  let org = '';
  for (let i = 0; i < 9; i++) org += USCC_ALPHABET[r.int(0, i < 8 ? 30 : 9)];
  return withUsccCheck(`91${region}${org}`);
}

function plate(r: Random): string {
  const isNewEnergy = r.next() < 0.3;
  let serial = '';
  if (isNewEnergy) serial = r.pick(['D', 'F']) + String(r.int(0, 99_999)).padStart(5, '0');
  else for (let i = 0; i < 5; i++) serial += PLATE_CHARS[r.int(0, PLATE_CHARS.length - 1)];
  return r.pick(PROVINCE_PLATES) + serial;
}

/** Creates the demo users with their roles. */
async function seedUsers(services: Services, ctx: RequestContext, ids: { parkId: string; siteId: string; propertyCompanyIds: string[]; enterpriseIds: string[] }): Promise<DemoLogin[]> {
  const people: { username: string; displayName: string; grants: RoleGrant[]; role: string; description: string }[] = [
    { username: 'admin', displayName: '系统管理员', role: 'operator', description: 'operator, all parks', grants: [{ role: 'operator', scopeType: 'all', scopeId: null }] },
    { username: 'operator', displayName: '园区运营 王敏', role: 'operator', description: 'operator of the core park', grants: [{ role: 'operator', scopeType: 'park', scopeId: ids.parkId }] },
    { username: 'site.operator', displayName: '分园区运营 李强', role: 'operator', description: 'operator of one satellite site', grants: [{ role: 'operator', scopeType: 'site', scopeId: ids.siteId }] },
    { username: 'property', displayName: '物业主管 张伟', role: 'property', description: 'property company A staff', grants: [{ role: 'property', scopeType: 'property_company', scopeId: ids.propertyCompanyIds[0] }] },
    { username: 'ent.admin', displayName: '企业管理员 陈静', role: 'enterprise_admin', description: 'admin of the first demo enterprise', grants: [{ role: 'enterprise_admin', scopeType: 'enterprise', scopeId: ids.enterpriseIds[0] }] },
    { username: 'ent.member', displayName: '园区职工 刘洋', role: 'member', description: 'employee of the first demo enterprise', grants: [{ role: 'member', scopeType: 'enterprise', scopeId: ids.enterpriseIds[0] }] },
    { username: 'ent2.admin', displayName: '企业管理员 赵磊', role: 'enterprise_admin', description: 'admin of another enterprise', grants: [{ role: 'enterprise_admin', scopeType: 'enterprise', scopeId: ids.enterpriseIds[1] }] },
    { username: 'vendor', displayName: '云服务商 周涛', role: 'vendor', description: 'cloud vendor', grants: [{ role: 'vendor', scopeType: 'none', scopeId: null }] },
    { username: 'inspector', displayName: '第三方安全机构 吴芳', role: 'inspector', description: 'third-party safety inspector', grants: [{ role: 'inspector', scopeType: 'all', scopeId: null }] },
    { username: 'alliance', displayName: '联盟秘书处 孙丽', role: 'alliance', description: 'park alliance staff', grants: [{ role: 'alliance', scopeType: 'all', scopeId: null }] },
    { username: 'talent', displayName: '人才 徐杰', role: 'talent', description: 'job seeker / talent', grants: [{ role: 'talent', scopeType: 'none', scopeId: null }] },
  ];
  for (const p of people) {
    await services.identity.createUserAsSystem(ctx, { username: p.username, displayName: p.displayName, password: DEMO_PASSWORD, grants: p.grants, phone: null });
  }
  return people.map((p) => ({ username: p.username, role: p.role, description: p.description }));
}

/**
 * A deterministic multi-site demo park in Chinese: a core park with four
 * districts and three satellite sites, ~30 buildings, ~300 enterprises,
 * two property companies, leases, vehicles, leads and a user per role.
 * Bulk inserts (one audit entry for the whole seed) keep it to seconds.
 */
export async function seedDemoPark(db: Db, services: Services, onProgress: (step: string) => void = () => undefined): Promise<DemoSummary> {
  const r = createRandom(20_260_101);
  const ctx: RequestContext = { actor: SYSTEM_ACTOR };

  onProgress('park structure');
  const [park] = await db.insert(parks).values({ name: '锦城软件园', code: 'JCSP', city: '成都', address: '四川省成都市高新区天府大道中段 1 号', description: '一园多点的软件与信息服务产业园区（演示数据）' }).returning();
  const siteDefs = [
    { name: '核心园区', address: '天府大道中段 1 号', lat: 30.548, lon: 104.066, districts: ['A区', 'B区', 'C区', 'D区'], buildings: 5 },
    { name: '天府新区分园', address: '兴隆湖东路 88 号', lat: 30.41, lon: 104.09, districts: ['E区'], buildings: 4 },
    { name: '郫都分园', address: '德源大道 66 号', lat: 30.79, lon: 103.92, districts: ['F区'], buildings: 3 },
    { name: '龙泉驿孵化基地', address: '驿都大道 168 号', lat: 30.56, lon: 104.27, districts: ['G区'], buildings: 3 },
  ];
  const siteRows = await db.insert(sites).values(siteDefs.map((s) => ({ parkId: park.id, name: s.name, address: s.address, lat: s.lat, lon: s.lon }))).returning();
  const districtRows = await db
    .insert(districts)
    .values(siteDefs.flatMap((s, i) => s.districts.map((name) => ({ parkId: park.id, siteId: siteRows[i].id, name }))))
    .returning();
  const buildingValues = districtRows.flatMap((d) => {
    const def = siteDefs.find((s) => s.districts.includes(d.name))!;
    const count = def.districts.length > 1 ? Math.ceil(def.buildings * 1.2) : def.buildings;
    return Array.from({ length: count }, (_, i) => ({
      parkId: park.id,
      siteId: d.siteId,
      districtId: d.id,
      name: `${d.name.replace('区', '')}${i + 1}栋`,
      floorsAboveGround: r.int(6, 18),
      grossArea: 0,
    }));
  });
  const buildingRows = await db.insert(buildings).values(buildingValues).returning();

  onProgress('floors and units');
  const floorValues = buildingRows.flatMap((b) => Array.from({ length: b.floorsAboveGround ?? 6 }, (_, i) => ({ buildingId: b.id, level: i + 1, name: `${i + 1}F` })));
  const floorRows = await db.insert(floors).values(floorValues).returning();
  const unitValues: (typeof units.$inferInsert)[] = [];
  for (const f of floorRows) {
    const b = buildingRows.find((x) => x.id === f.buildingId)!;
    const perFloor = r.int(3, 6);
    for (let u = 1; u <= perFloor; u++) {
      unitValues.push({ floorId: f.id, buildingId: b.id, parkId: park.id, code: `${f.level}${String(u).padStart(2, '0')}`, area: r.int(8, 60) * 10, status: 'vacant' as UnitStatus });
    }
  }
  const unitRows: (typeof units.$inferSelect)[] = [];
  for (let i = 0; i < unitValues.length; i += 500) unitRows.push(...(await db.insert(units).values(unitValues.slice(i, i + 500)).returning()));
  await db.execute(sql`update ${buildings} b set gross_area = coalesce((select sum(area) from ${units} u where u.building_id = b.id), 0)`);

  onProgress('property companies');
  const pcs = await db
    .insert(propertyCompanies)
    .values([
      { name: '锦华物业服务有限公司', creditCode: creditCode(r, '510100'), contactName: personName(r), contactPhone: phone(r) },
      { name: '安信物业管理有限公司', creditCode: creditCode(r, '510100'), contactName: personName(r), contactPhone: phone(r) },
    ])
    .returning();
  await db.insert(propertyContracts).values(
    districtRows.map((d, i) => ({ parkId: park.id, propertyCompanyId: pcs[i % 2].id, districtId: d.id, startDate: '2025-01-01', endDate: '2027-12-31', annualFeeFen: r.int(80, 300) * 10_000_00 })),
  );

  onProgress('enterprises');
  const industries: [Industry, number][] = [['software', 40], ['ai', 20], ['games', 12], ['finance', 10], ['ecommerce', 6], ['iot', 6], ['biotech', 3], ['services', 3]];
  const sizes: [EnterpriseSize, number][] = [['micro', 30], ['small', 40], ['medium', 22], ['large', 8]];
  const usedNames = new Set<string>();
  const entValues: (typeof enterprises.$inferInsert)[] = [];
  while (entValues.length < 300) {
    const industry = r.weighted(industries);
    const brand = r.pick([...BRAND_CHARS]) + r.pick([...BRAND_CHARS]);
    const legalName = `成都${brand}${r.pick(INDUSTRY_WORDS[industry])}有限公司`;
    if (usedNames.has(legalName)) continue;
    usedNames.add(legalName);
    const size = r.weighted(sizes);
    const siteIdx = r.weighted([[0, 60], [1, 18], [2, 12], [3, 10]] as const);
    entValues.push({
      parkId: park.id,
      siteId: siteRows[siteIdx].id,
      legalName,
      creditCode: creditCode(r, '510100'),
      industry,
      size,
      employeeCount: { micro: r.int(3, 19), small: r.int(20, 99), medium: r.int(100, 499), large: r.int(500, 3000) }[size],
      businessScope: `${INDUSTRY_WORDS[industry][0]}领域的技术开发、技术咨询、技术服务；软件开发；信息系统集成服务。`,
      contactName: personName(r),
      contactPhone: phone(r),
      contactEmail: `contact${entValues.length + 1}@example.cn`,
      movedInAt: `20${r.int(15, 25)}-${String(r.int(1, 12)).padStart(2, '0')}-01`,
    });
  }
  const entRows = await db.insert(enterprises).values(entValues).returning();

  onProgress('leases, vehicles and parking');
  const unitsBySite = new Map<string, (typeof units.$inferSelect)[]>();
  for (const u of unitRows) {
    const b = buildingRows.find((x) => x.id === u.buildingId)!;
    const list = unitsBySite.get(b.siteId) ?? [];
    list.push(u);
    unitsBySite.set(b.siteId, list);
  }
  const leaseValues: (typeof leases.$inferInsert)[] = [];
  const leasedUnitIds: string[] = [];
  const vehicleValues: (typeof enterpriseVehicles.$inferInsert)[] = [];
  const spaceValues: (typeof parkingSpaceAssignments.$inferInsert)[] = [];
  let space = 1;
  for (const e of entRows) {
    const pool = unitsBySite.get(e.siteId!) ?? [];
    const want = { micro: 1, small: 1, medium: 2, large: 4 }[e.size as EnterpriseSize];
    for (let i = 0; i < want && pool.length; i++) {
      const u = pool.splice(r.int(0, pool.length - 1), 1)[0];
      leasedUnitIds.push(u.id);
      leaseValues.push({ enterpriseId: e.id, unitId: u.id, startDate: `${e.movedInAt!.slice(0, 4)}-01-01`, endDate: `20${r.int(27, 30)}-12-31`, monthlyRentFen: Math.round(u.area * r.int(60, 120)) * 100 });
    }
    const cars = r.int(0, 3);
    const seen = new Set<string>();
    for (let i = 0; i < cars; i++) {
      const p = plate(r);
      if (seen.has(p)) continue;
      seen.add(p);
      vehicleValues.push({ enterpriseId: e.id, plate: p, ownerName: personName(r) });
    }
    if (e.size === 'medium' || e.size === 'large') {
      for (let i = 0; i < (e.size === 'large' ? 4 : 2); i++) spaceValues.push({ enterpriseId: e.id, lotName: 'P1 地下停车场', spaceCode: `B1-${String(space++).padStart(3, '0')}` });
    }
  }
  // A real park is 80–90 % let (one unit per small tenant left it at a quarter): each site's
  // remaining units go to its bigger tenants until the site reaches its share.
  for (const site of siteRows) {
    const pool = unitsBySite.get(site.id) ?? [];
    const tenants = entRows.filter((e) => e.siteId === site.id);
    if (!tenants.length) continue;
    const total = unitRows.filter((u) => buildingRows.find((b) => b.id === u.buildingId)!.siteId === site.id).length;
    const target = Math.round(total * (0.8 + r.next() * 0.08));
    const weighted = tenants.map((e) => [e, { micro: 1, small: 2, medium: 4, large: 8 }[e.size as EnterpriseSize]] as [typeof e, number]);
    for (let leased = total - pool.length; leased < target && pool.length; leased++) {
      const e = r.weighted(weighted);
      const u = pool.splice(r.int(0, pool.length - 1), 1)[0];
      leasedUnitIds.push(u.id);
      leaseValues.push({ enterpriseId: e.id, unitId: u.id, startDate: `${e.movedInAt!.slice(0, 4)}-01-01`, endDate: `20${r.int(27, 30)}-12-31`, monthlyRentFen: Math.round(u.area * r.int(60, 120)) * 100 });
    }
  }
  for (let i = 0; i < leaseValues.length; i += 500) await db.insert(leases).values(leaseValues.slice(i, i + 500));
  for (let i = 0; i < leasedUnitIds.length; i += 500) {
    await db.execute(sql`update ${units} set status = 'leased' where id in (${sql.join(leasedUnitIds.slice(i, i + 500).map((id) => sql`${id}`), sql`, `)})`);
  }
  const vacant = unitRows.filter((u) => !leasedUnitIds.includes(u.id));
  const reserved = vacant.filter(() => r.next() < 0.08).map((u) => u.id);
  if (reserved.length) await db.execute(sql`update ${units} set status = 'reserved' where id in (${sql.join(reserved.map((id) => sql`${id}`), sql`, `)})`);
  if (vehicleValues.length) await db.insert(enterpriseVehicles).values(vehicleValues);
  if (spaceValues.length) await db.insert(parkingSpaceAssignments).values(spaceValues);

  onProgress('attraction pipeline');
  const stages: LeadStage[] = ['lead', 'visit', 'negotiation', 'signed', 'moved_in'];
  const leadValues: (typeof leads.$inferInsert)[] = [];
  for (let i = 0; i < 40; i++) {
    const industry = r.weighted(industries);
    const reachedIdx = r.weighted([[0, 14], [1, 10], [2, 8], [3, 5], [4, 3]] as const);
    const history: Record<string, string> = {};
    const start = Date.UTC(2026, r.int(0, 9), r.int(1, 28));
    for (let s = 0; s <= reachedIdx; s++) history[stages[s]] = new Date(start + s * 12 * 86_400_000).toISOString();
    const lost = reachedIdx < 3 && r.next() < 0.15;
    leadValues.push({
      parkId: park.id,
      companyName: `${r.pick(['上海', '深圳', '北京', '杭州', '成都'])}${r.pick([...BRAND_CHARS])}${r.pick([...BRAND_CHARS])}${r.pick(INDUSTRY_WORDS[industry])}有限公司`,
      industry,
      contactName: personName(r),
      contactPhone: phone(r),
      stage: lost ? 'lost' : stages[reachedIdx],
      expectedArea: r.int(10, 200) * 10,
      stageHistory: history,
    });
  }
  await db.insert(leads).values(leadValues);

  onProgress('IOC devices, meters and alarms');
  await seedIocDemo(db, services, ctx, { parkId: park.id });

  onProgress('simulated IoT devices with 48 h of history');
  await seedSimulatedDevices({ db, devices: services.iot.devices }, { parkId: park.id });
  onProgress('alarm rules');
  await seedDemoRules(services.alarms.rules, ctx, park.id);
  onProgress('park view: building footprints and floor drawings');
  await seedParkView(db, park.id);

  await seedDemoActuators(services, ctx, { parkId: park.id, buildingId: buildingRows[0].id });
  onProgress('demo users');
  const logins = await seedUsers(services, ctx, {
    parkId: park.id,
    siteId: siteRows[1].id,
    propertyCompanyIds: pcs.map((p) => p.id),
    enterpriseIds: [entRows[0].id, entRows[1].id],
  });
  await seedDemoNews(db, services.news, { parkId: park.id, enterpriseId: entRows[0].id });
  await seedWorkOrders(db, services, ctx, park.id);
  await seedCommunityDemo(db, services, { parkId: park.id, siteId: siteRows[0].id, enterpriseIds: [entRows[0].id, entRows[1].id] });
  await db.transaction((tx) =>
    services.audit.record(tx, ctx, {
      action: 'demo.seeded',
      entityType: 'park',
      entityId: park.id,
      after: { sites: siteRows.length, districts: districtRows.length, buildings: buildingRows.length, units: unitRows.length, enterprises: entRows.length },
      parkId: park.id,
    }),
  );
  await seedDemoBillingParking(db, services, { parkId: park.id, siteId: siteRows[0].id, enterpriseIds: [entRows[0].id, entRows[1].id] });
  await seedMemberHomeDemo(db, services, { parkId: park.id, buildingId: buildingRows[0].id });
  await seedPeopleDemo(services, ctx, { enterpriseId: entRows[0].id, enterpriseName: entRows[0].legalName, password: DEMO_PASSWORD });
  onProgress('approval flows');
  await seedApprovalFlows(db, services, ctx, { parkId: park.id, propertyCompanyId: pcs[0].id });
  onProgress('policies');
  await seedPoliciesDemo(db, services, ctx, { parkId: park.id, enterpriseIds: [entRows[0].id, entRows[1].id] });
  onProgress('return-to-work ledger');
  await seedReturnWorkDemo(db, services, { parkId: park.id, enterpriseId: entRows[0].id });
  onProgress('rent relief');
  await seedRelief(db, services, ctx, { parkId: park.id, propertyCompanyId: pcs[0].id, enterpriseIds: entRows.map((e) => e.id) });
  onProgress('service catalog');
  await seedServices(db, services, ctx, { parkId: park.id, propertyCompanyId: pcs[0].id, enterpriseId: entRows[0].id });
  onProgress('bookings');
  await seedBookingsDemo(db, services.bookings, { parkId: park.id, siteId: siteRows[0].id, enterpriseIds: [entRows[0].id, entRows[1].id] });
  onProgress('training');
  await seedTrainingDemo(db, services.training, { parkId: park.id, propertyCompanyIds: [pcs[0].id, pcs[1].id] });
  onProgress('spot checks');
  // The inspector checks the core park's districts (A–D, two of each company); pcs[1]'s are clearly worse.
  const coreDistricts = districtRows.map((d, i) => ({ id: d.id, siteId: d.siteId, propertyCompanyId: pcs[i % 2].id })).filter((d) => d.siteId === siteRows[0].id);
  await seedSpotChecksDemo(db, services.spotChecks, ctx, { parkId: park.id, districts: coreDistricts, worseCompanyId: pcs[1].id });
  onProgress('inspections');
  await seedInspections(db, services.inspections, { parkId: park.id, propertyCompanyIds: pcs.map((p) => p.id) });
  onProgress('drone patrols and fever screening');
  await seedPatrols(db, { inspections: services.inspections, patrols: services.patrols, devices: services.iot.devices, rules: services.alarms.rules }, ctx, { parkId: park.id });
  onProgress('satisfaction surveys');
  await seedSurveysDemo(db, { audit: services.audit, notify: (tx, userIds, input) => services.notifications.notify(tx, userIds, input) }, ctx, { parkId: park.id, weakerCompanyId: pcs[1].id, keepOpenFor: [entRows[0].id, entRows[1].id] });
  // Last: the evaluation scores a year of the data above (work orders, alarms, inspections, spot checks, surveys,
  // training; pcs[1]'s districts clearly worse) and closes the past months.
  onProgress('property evaluation');
  const evalDemo = await seedEvaluationDemo(db, services, { parkId: park.id, weakerCompanyId: pcs[1].id });
  // Evaluation outcomes (appeals, the bottom warning of pcs[1], last year's awards): after the periods are closed.
  const evalApprover = (await db.select({ id: users.id }).from(users).where(eq(users.username, 'operator')))[0];
  if (evalApprover) {
    await seedEvaluationFlows(services, ctx, { parkId: park.id, approverUserId: evalApprover.id });
    await seedEvaluationOutcomesDemo(db, services, { parkId: park.id, schemeId: evalDemo.schemeId, strongerCompanyId: pcs[0].id, weakerCompanyId: pcs[1].id });
  }
  return { parks: 1, sites: siteRows.length, districts: districtRows.length, buildings: buildingRows.length, units: unitRows.length, enterprises: entRows.length, logins };
}
