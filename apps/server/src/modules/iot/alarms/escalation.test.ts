import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildPark, buildUser, SYSTEM, TEST_PASSWORD } from '../../../testing/builders';
import { createTestApp, type TestApp } from '../../../testing/test-app';
import { users } from '../../identity/identity.table';
import { createMailer } from '../../notifications/mailer';
import type { CreateRuleInput } from '../rules/rules.schema';
import { parseAckMinutes } from './ack-deadlines';
import { alarmEvents, alarms } from './alarms.table';
import { createEscalation } from './escalation';

let t: TestApp;
let built: Awaited<ReturnType<typeof buildPark>>;
let smtp: SMTPServer;
let smtpPort = 0;
const received: { to: string[]; data: string }[] = [];
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  built = await buildPark(t.services);
  const other = await buildPark(t.services);
  for (const [name, scopeType, scopeId] of [
    ['esc.site', 'site', built.site.id],
    ['esc.park', 'park', built.park.id],
    ['esc.other', 'park', other.park.id],
  ] as const) {
    const u = await buildUser(t.services, name, [{ role: 'operator', scopeType, scopeId }]);
    ids[name] = u.id;
    await t.database.db.update(users).set({ email: `${name}@example.com` }).where(eq(users.id, u.id));
  }
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (c: Buffer) => (data += c.toString()));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpPort = (smtp.server.address() as { port: number }).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp?.close(() => resolve()));
  await t?.services.iot.pipeline.close();
  await t?.close();
});

let n = 0;
async function raisedAlarm(severity: 'critical' | 'major' = 'critical') {
  const tag = `esc${++n}`;
  const d = await t.services.iot.devices.createDevice(SYSTEM, { code: `esc-${n}`, name: `esc-${n}`, type: 'environment_sensor', parkId: built.park.id, siteId: built.site.id, buildingId: built.building.id, tags: [tag] } as never);
  const rule = await t.services.alarms.rules.createRule(SYSTEM, { parkId: built.park.id, name: `过热 ${tag}`, severity, enabled: true, kind: 'threshold', metric: 'temperature', operator: '>', value: 30, hysteresis: 0, tag } as CreateRuleInput);
  await t.services.alarms.engine.evaluate({ deviceIds: [d.id], metrics: ['temperature'], ts: [Date.now() - 1000], values: [40] });
  const [a] = await t.database.db.select().from(alarms).where(eq(alarms.ruleId, rule.id));
  return a;
}
const age = (id: string, minutes: number) => t.database.query(`UPDATE alarms SET active_since = now() - make_interval(mins => $2) WHERE id = $1`, [id, minutes]);
const escalations = async (id: string) => (await t.database.db.select().from(alarmEvents).where(eq(alarmEvents.alarmId, id)).orderBy(alarmEvents.id)).filter((e) => e.kind === 'escalated');

describe('ALARM_ACK_MINUTES', () => {
  test('parses per severity; bad parts are named', () => {
    expect(parseAckMinutes('critical=2, info=30')).toEqual({ critical: 2, major: 15, minor: 60, info: 30 });
    expect(() => parseAckMinutes('urgent=1')).toThrow(/urgent=1/);
    expect(() => parseAckMinutes('major=-1')).toThrow(/major=-1/);
  });
});

describe('escalation', () => {
  test('an unacknowledged alarm notifies the site operators, then the park operators, in-app and by email; each step is an alarm event', async () => {
    const escalation = createEscalation({ db: t.database.db, notifications: t.services.notifications, deadlines: { critical: 5 }, mailer: createMailer(`smtp://127.0.0.1:${smtpPort}`) });
    const a = await raisedAlarm();
    expect(a.siteId).toBe(built.site.id);
    await age(a.id, 4);
    expect((await escalation.run()).escalated).toBe(0);
    await age(a.id, 6);
    const first = await escalation.run();
    expect(first).toMatchObject({ escalated: 1, emailErrors: 0 });
    let steps = await escalations(a.id);
    expect(steps).toHaveLength(1);
    expect(steps[0].details).toMatchObject({ level: 1, recipients: ['esc.site'], email: ['esc.site'] });
    expect(received.at(-1)?.to).toEqual(['esc.site@example.com']);
    expect(received.at(-1)?.data).toContain('Subject:');
    // Not yet due for level 2.
    expect((await escalation.run()).escalated).toBe(0);
    await age(a.id, 11);
    await escalation.run();
    steps = await escalations(a.id);
    expect(steps.map((s) => s.details?.level)).toEqual([1, 2]);
    expect(steps[1].details).toMatchObject({ recipients: ['esc.park'] });
    expect(received.at(-1)?.to).toEqual(['esc.park@example.com']);

    // In-app: the site operator has one unread notification linking to the alarm; marks it read; nobody else can.
    const site = await t.login('esc.site', TEST_PASSWORD);
    const list = (await site.get('/api/notifications')).json();
    expect(list.unread).toBe(1);
    expect(list.items[0]).toMatchObject({ kind: 'alarm.escalated', link: `/alarms/${a.id}`, entityId: a.id, readAt: null });
    // Values, not a sentence: the web app words it in the reader's language.
    expect(list.items[0].title).toBeNull();
    expect(list.items[0].params).toMatchObject({ level: 1, severity: a.severity, minutes: expect.any(Number), rule: expect.any(String) });
    const other = await t.login('esc.other', TEST_PASSWORD);
    expect((await other.get('/api/notifications')).json().items.map((x: { entityId: string }) => x.entityId)).not.toContain(a.id);
    expect((await other.post(`/api/notifications/${list.items[0].id}/read`)).statusCode).toBe(404);
    expect((await site.post(`/api/notifications/${list.items[0].id}/read`)).statusCode).toBe(200);
    expect((await site.get('/api/notifications?unread=true')).json()).toMatchObject({ unread: 0, total: 0 });
  });

  test('an acknowledged alarm is not escalated; the assignee is told at level 1; concurrent passes escalate once', async () => {
    const escalation = createEscalation({ db: t.database.db, notifications: t.services.notifications, deadlines: { critical: 5 } });
    const acked = await raisedAlarm();
    await t.services.alarms.alarms.acknowledge(SYSTEM, acked.id);
    await age(acked.id, 60);
    const b = await raisedAlarm();
    // The park's operator (level 2) as assignee: told at level 1 already. (An operator of another park may not be assigned.)
    await t.services.alarms.alarms.assign(SYSTEM, b.id, { userId: ids['esc.park'] });
    await age(b.id, 6);
    const results = await Promise.all([escalation.run(), escalation.run(), escalation.run()]);
    expect(results.reduce((s, r) => s + r.escalated, 0)).toBe(1);
    expect(await escalations(acked.id)).toEqual([]);
    const [step] = await escalations(b.id);
    expect(step.details).toMatchObject({ level: 1, email: [] });
    expect((step.details!.recipients as string[]).sort()).toEqual(['esc.park', 'esc.site']);
  });
});
