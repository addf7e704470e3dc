import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { RequestContext } from '../../lib/context';
import { users } from '../identity/identity.table';
import { buildings, districts, propertyCompanies, propertyContracts } from '../parks/parks.table';
import { createRandom } from '../../seed/random';
import type { WorkOrderServices } from './index';
import { defaultSla, slaDeadlines } from './sla';
import { dispatchRules, workOrderEvents, workOrders, workOrderTeamMembers, workOrderTeams, type WorkOrderCategory, type WorkOrderPriority } from './workorders.table';

/** Historical texts per category: Chinese and English, as tenants and staff write them. */
export const SEED_TEXTS: Record<Exclude<WorkOrderCategory, 'other'>, { zh: string[]; en: string[] }> = {
  elevator: {
    zh: ['电梯困人，请尽快处理', '电梯门关不上', '电梯运行有异响', '电梯按钮失灵', '电梯停在两层之间', '货梯无法启动', '电梯显示屏故障', '扶梯突然停止运行'],
    en: ['Elevator stuck between floors', 'Lift door will not close', 'Elevator making grinding noise', 'Lift buttons not responding'],
  },
  hvac: {
    zh: ['空调不制冷', '空调漏水滴到工位上', '会议室空调温度太高', '中央空调出风口没风', '空调噪音很大', '办公室太热，空调开了没用', '空调制热效果差', '新风系统有异味'],
    en: ['Air conditioner not cooling', 'AC unit leaking water', 'Office too hot, HVAC not working', 'Heating not working in meeting room'],
  },
  lighting: {
    zh: ['走廊灯不亮', '办公室灯管闪烁', '楼梯间照明损坏', '地下车库灯坏了几盏', '卫生间灯不亮', '大堂吊灯有一半不亮', '应急照明灯不亮', '门口路灯晚上不亮'],
    en: ['Corridor lights are out', 'Flickering light in office', 'Stairwell lighting broken', 'Lamp not working in restroom'],
  },
  plumbing: {
    zh: ['卫生间水管漏水', '洗手池堵塞', '马桶堵了冲不下去', '茶水间没有热水', '天花板渗水', '地漏反味', '水龙头关不紧一直滴水', '楼顶水箱溢水'],
    en: ['Water leak from ceiling', 'Sink is clogged', 'Toilet blocked', 'Tap keeps dripping', 'No hot water in pantry'],
  },
  fire: {
    zh: ['消防报警主机故障报警', '烟感误报', '灭火器过期需要更换', '消防通道被杂物堵塞', '喷淋头漏水', '消防栓箱门损坏', '火灾报警器一直响', '防火门关不严'],
    en: ['Fire alarm panel fault', 'Smoke detector false alarm', 'Fire extinguisher expired', 'Fire exit blocked by boxes'],
  },
  security: {
    zh: ['门禁刷卡无法开门', '监控摄像头画面黑屏', '有陌生人在楼层徘徊', '闸机无法识别人脸', '夜间巡逻发现后门未锁', '访客登记系统故障', '监控录像缺失', '门禁卡丢失需要挂失'],
    en: ['Access card reader not working', 'CCTV camera offline', 'Suspicious person on the floor', 'Back door left unlocked'],
  },
  cleaning: {
    zh: ['卫生间很脏需要清洁', '走廊有垃圾没人清理', '会议室地毯有污渍', '垃圾桶满了', '楼梯间有烟头', '电梯厢内有呕吐物', '茶水间地面湿滑', '外墙玻璃需要清洗'],
    en: ['Restroom needs cleaning', 'Trash bins overflowing', 'Spill in the corridor', 'Carpet stain in meeting room'],
  },
  network: {
    zh: ['办公室网络断了', 'WiFi信号很差', '宽带网速很慢', '网口没有信号', '园区WiFi连不上', '光纤中断', '交换机故障导致断网', 'IP电话无法拨出'],
    en: ['Internet down in office', 'WiFi keeps disconnecting', 'Network very slow', 'Ethernet port dead'],
  },
  parking: {
    zh: ['车位被别人占用', '停车场道闸不抬杆', '车牌识别不了无法出场', '地下车库充电桩不能用', '月卡车辆无法入场', '停车缴费系统故障', '访客车辆无处停放', '车库地面有积水'],
    en: ['Someone parked in my reserved space', 'Parking gate barrier stuck', 'Plate not recognised at exit', 'EV charger not working'],
  },
  electrical: {
    zh: ['办公室跳闸停电', '插座没电', '配电箱有焦味', '整层停电', '电表读数异常', 'UPS告警', '会议室插座冒火花', '配电房温度过高'],
    en: ['Power outage on our floor', 'Socket has no power', 'Breaker keeps tripping', 'Burning smell from distribution box'],
  },
};

/** Things and faults per category: the seed composes them into many phrasings (对象 × 故障). */
const SEED_PARTS: Record<Exclude<WorkOrderCategory, 'other'>, { things: string[]; faults: string[]; en: [string[], string[]] }> = {
  elevator: { things: ['电梯', '客梯', '货梯', '2号电梯', '扶梯'], faults: ['困人', '门关不上', '有异响', '按钮失灵', '停运', '运行抖动'], en: [['elevator', 'lift'], ['stuck', 'door jammed', 'noisy', 'out of service']] },
  hvac: { things: ['空调', '中央空调', '风机盘管', '空调外机', '新风机'], faults: ['不制冷', '漏水', '噪音大', '不出风', '制热差', '有异味'], en: [['AC', 'air conditioning', 'HVAC'], ['not cooling', 'leaking', 'too noisy', 'no airflow']] },
  lighting: { things: ['走廊灯', '灯管', '楼梯灯', '筒灯', '路灯', '应急灯'], faults: ['不亮', '闪烁', '坏了', '一直亮着', '亮度不够'], en: [['light', 'lamp', 'ceiling light'], ['out', 'flickering', 'broken']] },
  plumbing: { things: ['水管', '洗手池', '马桶', '地漏', '水龙头', '下水道'], faults: ['漏水', '堵塞', '反味', '没水', '滴水', '爆裂'], en: [['pipe', 'sink', 'toilet', 'drain', 'tap'], ['leaking', 'clogged', 'blocked', 'dripping']] },
  fire: { things: ['烟感', '消防主机', '灭火器', '喷淋头', '消防栓', '防火门'], faults: ['误报', '故障报警', '过期', '漏水', '损坏', '关不严'], en: [['smoke detector', 'fire panel', 'sprinkler', 'fire door'], ['false alarm', 'fault', 'expired', 'damaged']] },
  security: { things: ['门禁', '监控摄像头', '闸机', '后门', '访客系统', '监控录像'], faults: ['刷卡打不开', '黑屏', '无法识别', '未上锁', '故障', '缺失'], en: [['access control', 'CCTV camera', 'turnstile', 'back door'], ['not working', 'offline', 'unlocked']] },
  cleaning: { things: ['卫生间', '走廊', '垃圾桶', '地毯', '楼梯间', '茶水间'], faults: ['很脏', '有垃圾', '满了', '有污渍', '有烟头', '地面湿滑'], en: [['restroom', 'corridor', 'trash bin', 'carpet'], ['dirty', 'needs cleaning', 'overflowing', 'stained']] },
  network: { things: ['网络', 'WiFi', '宽带', '网口', '交换机', '光纤'], faults: ['断了', '信号差', '网速慢', '连不上', '故障', '中断'], en: [['internet', 'WiFi', 'network', 'ethernet'], ['down', 'slow', 'disconnecting', 'no signal']] },
  parking: { things: ['车位', '道闸', '车牌识别', '充电桩', '月卡', '停车缴费'], faults: ['被占用', '不抬杆', '识别不了', '不能用', '无法入场', '系统故障'], en: [['parking space', 'gate barrier', 'EV charger', 'parking payment'], ['taken', 'stuck', 'not working']] },
  electrical: { things: ['插座', '配电箱', '电闸', '整层', 'UPS', '电表'], faults: ['没电', '跳闸', '有焦味', '停电', '告警', '读数异常'], en: [['socket', 'breaker', 'power', 'distribution box'], ['no power', 'tripping', 'outage', 'burning smell']] },
};

/** Which team name handles a category ('property' teams per company, operator departments). */
const TEAM_DEFS: { name: string; kind: 'property' | 'operator'; categories: WorkOrderCategory[] }[] = [
  { name: '工程维修班', kind: 'property', categories: ['elevator', 'hvac', 'lighting', 'plumbing', 'electrical', 'fire'] },
  { name: '保洁绿化班', kind: 'property', categories: ['cleaning'] },
  { name: '秩序维护班', kind: 'property', categories: ['security'] },
];
const DEPARTMENTS: { name: string; categories: WorkOrderCategory[] }[] = [
  { name: '运营中心·信息化部', categories: ['network'] },
  { name: '运营中心·停车管理部', categories: ['parking'] },
];

/**
 * Demo data for work orders: teams of both property companies and two operator departments,
 * alarm dispatch rules, ~400 closed historical orders (Chinese and English) across categories
 * and districts, the first dispatch models trained from them, and a few live orders.
 */
export async function seedWorkOrders(db: Db, services: { workorders: WorkOrderServices }, ctx: RequestContext, parkId: string): Promise<{ teams: number; history: number }> {
  const r = createRandom(4242);
  const contracts = await db
    .select({ districtId: propertyContracts.districtId, companyId: propertyContracts.propertyCompanyId, companyName: propertyCompanies.name })
    .from(propertyContracts)
    .innerJoin(propertyCompanies, eq(propertyCompanies.id, propertyContracts.propertyCompanyId))
    .where(eq(propertyContracts.parkId, parkId));
  const companies = [...new Map(contracts.map((c) => [c.companyId, c.companyName])).entries()];
  const [propertyUser] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'property'));
  const [operatorUser] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'operator'));
  const teamRows: (typeof workOrderTeams.$inferSelect)[] = [];
  for (const [i, [companyId, companyName]] of companies.entries()) {
    for (const def of TEAM_DEFS) {
      const lead = i === 0 && def.name === '工程维修班' ? (propertyUser?.id ?? null) : null;
      const [t] = await db.insert(workOrderTeams).values({ parkId, name: `${companyName.slice(0, 2)}·${def.name}`, kind: 'property', propertyCompanyId: companyId, leadUserId: lead, categories: def.categories }).returning();
      teamRows.push(t);
    }
  }
  for (const d of DEPARTMENTS) {
    const [t] = await db.insert(workOrderTeams).values({ parkId, name: d.name, kind: 'operator', leadUserId: operatorUser?.id ?? null, categories: d.categories }).returning();
    teamRows.push(t);
  }
  if (propertyUser) {
    const mine = teamRows.filter((t) => t.propertyCompanyId === companies[0]?.[0]);
    if (mine.length) await db.insert(workOrderTeamMembers).values(mine.map((t) => ({ teamId: t.id, userId: propertyUser.id })));
  }
  await db.insert(dispatchRules).values([
    { parkId, name: '消防主机告警 → 消防工单', minSeverity: 'minor', deviceType: 'fire_panel', category: 'fire', priority: 'urgent' },
    { parkId, name: '严重告警 → 工单（类别由模型判断）', minSeverity: 'critical', priority: 'high' },
    { parkId, name: '摄像头离线 → 安防工单', minSeverity: 'major', deviceType: 'camera', category: 'security', priority: 'normal' },
  ]);

  const districtRows = await db.select({ id: districts.id, name: districts.name, siteId: districts.siteId }).from(districts).where(eq(districts.parkId, parkId));
  const buildingRows = await db.select({ id: buildings.id, name: buildings.name, districtId: buildings.districtId }).from(buildings).where(inArray(buildings.districtId, districtRows.map((d) => d.id)));
  const teamFor = (category: WorkOrderCategory, districtId: string) => {
    const dept = teamRows.find((t) => t.kind === 'operator' && t.categories.includes(category));
    if (dept) return dept;
    const company = contracts.find((c) => c.districtId === districtId)?.companyId;
    return teamRows.find((t) => t.propertyCompanyId === company && t.categories.includes(category))!;
  };
  const categories = Object.keys(SEED_TEXTS) as (keyof typeof SEED_TEXTS)[];
  const priorities: [WorkOrderPriority, number][] = [['urgent', 1], ['high', 3], ['normal', 8], ['low', 2]];
  const details = ['', '', '麻烦尽快安排师傅', '已经持续两天了', '影响正常办公', '上午发现的', 'please fix asap', 'since this morning'];
  const now = Date.now();
  const values: (typeof workOrders.$inferInsert)[] = [];
  const HISTORY = 420;
  for (let i = 0; i < HISTORY; i++) {
    const category = r.pick(categories);
    const isEnglish = r.next() < 0.3;
    // Half the history repeats common phrasings, half composes a thing and a fault.
    const p = SEED_PARTS[category];
    const composed = isEnglish ? `${r.pick(p.en[0])} ${r.pick(p.en[1])}` : `${r.pick(p.things)}${r.pick(p.faults)}`;
    const title = r.next() < 0.5 ? composed : r.pick(isEnglish ? SEED_TEXTS[category].en : SEED_TEXTS[category].zh);
    const b = r.pick(buildingRows);
    const d = districtRows.find((x) => x.id === b.districtId)!;
    const floor = r.int(1, 12);
    const where = isEnglish ? `Building ${b.name}, floor ${floor}` : `${b.name}${floor}楼`;
    const description = `${where}${isEnglish ? '. ' : '，'}${r.pick(details)}`.replace(/[，. ]+$/, '');
    const priority = r.weighted(priorities);
    const createdAt = new Date(now - r.int(2, 180) * 86_400_000 - r.int(0, 86_400) * 1000);
    const sla = slaDeadlines(createdAt, defaultSla(category, priority));
    const acceptedAt = new Date(createdAt.getTime() + r.int(2, 60) * 60_000);
    const resolvedAt = new Date(acceptedAt.getTime() + r.int(20, 600) * 60_000);
    values.push({
      parkId,
      siteId: d.siteId,
      districtId: d.id,
      buildingId: b.id,
      source: r.weighted([['member_request', 5], ['enterprise_request', 2], ['patrol', 2], ['operator', 1]] as const),
      title,
      description,
      category,
      priority,
      status: 'closed',
      teamId: teamFor(category, d.id).id,
      requesterName: isEnglish ? 'Tenant' : '园区职工',
      responseDueAt: sla.responseDueAt,
      resolutionDueAt: sla.resolutionDueAt,
      dispatchedAt: new Date(createdAt.getTime() + 60_000),
      acceptedAt,
      resolvedAt,
      closedAt: new Date(resolvedAt.getTime() + r.int(1, 48) * 3_600_000),
      rating: r.weighted([[5, 6], [4, 3], [3, 1], [2, 0.4], [1, 0.2]] as const),
      createdAt,
      updatedAt: resolvedAt,
    });
  }
  for (let i = 0; i < values.length; i += 200) {
    const inserted = await db.insert(workOrders).values(values.slice(i, i + 200)).returning({ id: workOrders.id, createdAt: workOrders.createdAt, closedAt: workOrders.closedAt });
    await db.insert(workOrderEvents).values(
      inserted.flatMap((o) => [
        { workOrderId: o.id, kind: 'created' as const, toStatus: 'new' as const, actorName: 'seed', at: o.createdAt },
        { workOrderId: o.id, kind: 'closed' as const, fromStatus: 'resolved' as const, toStatus: 'closed' as const, actorName: 'seed', at: o.closedAt! },
      ]),
    );
  }
  await services.workorders.dispatch.train(ctx, parkId, 'seed');

  // A few live orders so the lists are not empty on first start.
  const live: { title: string; description: string; buildingIndex: number; category?: WorkOrderCategory; priority: WorkOrderPriority }[] = [
    { title: '3楼会议室空调不制冷', description: '下午有客户来访，请尽快处理', buildingIndex: 0, priority: 'high' },
    { title: '电梯门关不上', description: '2号电梯', buildingIndex: 3, priority: 'urgent' },
    { title: 'WiFi keeps disconnecting', description: 'Whole floor affected since morning', buildingIndex: 5, priority: 'normal' },
    { title: '楼道有异味', description: '不知道是哪里的问题', buildingIndex: 7, priority: 'low' },
    { title: '走廊灯不亮', description: '', buildingIndex: 9, priority: 'normal' },
  ];
  for (const l of live) {
    const b = buildingRows[l.buildingIndex % buildingRows.length];
    await services.workorders.workOrders.createWorkOrder(ctx, { parkId, source: 'operator', title: l.title, description: l.description, buildingId: b.id, priority: l.priority, category: l.category });
  }
  return { teams: teamRows.length, history: HISTORY };
}
