/**
 * `npm run bench:dispatch` — alarm-to-dispatched-order latency and classification throughput.
 *
 * A park like the demo's (districts contracted to two property companies, teams, ~400 closed
 * orders, models trained from them, the demo dispatch rules) on an in-memory PGlite. Each sample
 * is a fire-panel reading sent through the HTTP ingest API: committed → rule engine raises an
 * alarm → the alarm hook creates a work order → smart dispatch routes it. Latency runs from
 * sending the reading to the committed, dispatched order. Throughput: smart-dispatch decisions
 * per second (classifier + location rule, with its database lookups) and bare classifier
 * predictions per second.
 */
import { eq } from 'drizzle-orm';
import { buildApp } from '../../app';
import { loadConfig } from '../../config';
import { openDatabase } from '../../db/client';
import { runMigrations } from '../../db/migrate';
import { createServices } from '../../services';
import { buildCreditCode, SYSTEM } from '../../testing/builders';
import { predict } from './classifier/classifier';
import { categoryText } from './dispatch-train';
import { SEED_TEXTS, seedWorkOrders } from './workorders.seed';
import { workOrders } from './workorders.table';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 100);
const DECISIONS = Number(process.env.BENCH_DECISIONS ?? 1000);

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main() {
  const database = await openDatabase({ dataDir: 'memory://', databaseUrl: process.env.BENCH_DATABASE_URL });
  await runMigrations(database);
  const config = loadConfig({ NODE_ENV: 'test', WEB_DIST: '/nonexistent', DATA_DIR: '/tmp' });
  const services = createServices(database, config);
  const { app } = await buildApp({ config, database, services, logger: false });
  await app.ready();

  const park = await services.parks.createPark(SYSTEM, { name: '基准园区', code: `BENCH${Date.now() % 100000}` });
  const site = await services.parks.createSite(SYSTEM, { parkId: park.id, name: '主园区' });
  const companies = [
    await services.parks.createPropertyCompany(SYSTEM, { name: '锦华物业服务有限公司', creditCode: buildCreditCode() }),
    await services.parks.createPropertyCompany(SYSTEM, { name: '安信物业管理有限公司', creditCode: buildCreditCode() }),
  ];
  const buildingIds: string[] = [];
  for (const [i, name] of ['A区', 'B区', 'C区', 'D区'].entries()) {
    const d = await services.parks.createDistrict(SYSTEM, { siteId: site.id, name });
    await services.parks.createPropertyContract(SYSTEM, { propertyCompanyId: companies[i % 2].id, districtId: d.id, startDate: '2025-01-01', endDate: '2030-12-31', annualFeeFen: 1 });
    for (let b = 1; b <= 3; b++) buildingIds.push((await services.parks.createBuilding(SYSTEM, { districtId: d.id, name: `${name[0]}${b}栋` })).id);
  }
  const seeded = await seedWorkOrders(database.db, services, SYSTEM, park.id);
  const rule = await services.alarms.rules.createRule(SYSTEM, { parkId: park.id, name: '火警', kind: 'threshold', metric: 'fire_alarm', operator: '>=', value: 1, severity: 'critical', deviceType: 'fire_panel' } as never);
  void rule;

  // Timestamps of committed orders, by device, from the alarm hook.
  const doneAt = new Map<string, number>();
  const wo = services.workorders.workOrders;
  const original = wo.createFromAlarms.bind(wo);
  wo.createFromAlarms = async (ids) => {
    const created = await original(ids);
    const now = performance.now();
    for (const o of created) if (o.deviceId && o.status === 'dispatched') doneAt.set(o.deviceId, now);
    return created;
  };

  const devices = [];
  for (let i = 0; i < SAMPLES; i++) {
    const d = await services.iot.devices.createDevice(SYSTEM, { code: `bench-fire-${i}`, name: `消防主机${i}`, type: 'fire_panel', parkId: park.id, buildingId: buildingIds[i % buildingIds.length] });
    const { secret } = await services.iot.devices.rotateCredentials(SYSTEM, d.id);
    devices.push({ id: d.id, code: d.code, secret });
  }

  const latencies: number[] = [];
  for (const d of devices) {
    const t0 = performance.now();
    const res = await app.inject({ method: 'POST', url: '/api/ingest/telemetry', headers: { authorization: `Device ${d.code}:${d.secret}`, 'content-type': 'application/json' }, payload: JSON.stringify({ metric: 'fire_alarm', value: 1, ts: Date.now() }) });
    if (res.statusCode !== 202) throw new Error(`ingest answered ${res.statusCode}: ${res.body}`);
    const deadline = t0 + 10_000;
    while (!doneAt.has(d.id) && performance.now() < deadline) await new Promise((r) => setImmediate(r));
    if (!doneAt.has(d.id)) throw new Error(`no dispatched order for ${d.code} within 10 s`);
    latencies.push(doneAt.get(d.id)! - t0);
  }
  const orders = await database.db.select({ status: workOrders.status }).from(workOrders).where(eq(workOrders.source, 'alarm'));
  latencies.sort((a, b) => a - b);

  // Throughput: smart-dispatch decisions (classifier + location rule) and bare predictions.
  const texts = Object.values(SEED_TEXTS).flatMap((t) => [...t.zh, ...t.en]);
  const districtIds = (await database.db.query.districts.findMany({ where: (d, { eq: e }) => e(d.parkId, park.id) })).map((d) => d.id);
  let t0 = performance.now();
  for (let i = 0; i < DECISIONS; i++) {
    await services.workorders.dispatch.decide({ parkId: park.id, districtId: districtIds[i % districtIds.length], title: texts[i % texts.length], description: '', deviceType: null });
  }
  const decisionsPerSecond = DECISIONS / ((performance.now() - t0) / 1000);
  const status = await services.workorders.dispatch.getStatus(SYSTEM, park.id);
  const { deserialize } = await import('./classifier/classifier');
  const [row] = await database.query<{ model: never }>(`SELECT model FROM dispatch_models WHERE park_id = $1 AND target = 'category' ORDER BY version DESC LIMIT 1`, [park.id]);
  const model = deserialize(row.model);
  const n = DECISIONS * 10;
  t0 = performance.now();
  for (let i = 0; i < n; i++) predict(model, categoryText({ title: texts[i % texts.length], description: '' }));
  const predictionsPerSecond = n / ((performance.now() - t0) / 1000);

  const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
  const lines = [
    `dispatch benchmark (${database.driver}, ${seeded.history} closed orders in history, ${SAMPLES} alarms)`,
    `  alarm → dispatched work order: p50 ${fmt(pct(latencies, 50))}, p99 ${fmt(pct(latencies, 99))}, max ${fmt(latencies[latencies.length - 1])} (goal < 1000 ms)`,
    `  orders from alarms: ${orders.length}, dispatched: ${orders.filter((o) => o.status === 'dispatched').length}`,
    `  classification: ${decisionsPerSecond.toFixed(0)} dispatch decisions/s (classifier + location rule); ${predictionsPerSecond.toFixed(0)} bare predictions/s`,
    `  models: ${status.current.map((m) => `${m.target} v${m.version} held-out accuracy ${(m.accuracy * 100).toFixed(1)}% (${m.heldOutCount}/${m.exampleCount}), trained in ${m.trainingMs} ms`).join('; ')}`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
  await services.iot.pipeline.close();
  await app.close();
  await database.close();
  if (pct(latencies, 99) >= 1000) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
