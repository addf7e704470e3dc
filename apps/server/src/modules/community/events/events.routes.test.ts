import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildEnterprise, buildPark, buildUser, SYSTEM, TEST_PASSWORD } from '../../../testing/builders';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/test-app';

type Built = Awaited<ReturnType<typeof buildPark>>;
let t: TestApp;
let parkA: Built;
let parkB: Built;
let op: TestClient;
let opB: TestClient;
let outsider: TestClient;
const members: TestClient[] = [];
const H = 3600_000;

beforeAll(async () => {
  t = await createTestApp();
  parkA = await buildPark(t.services);
  parkB = await buildPark(t.services);
  const eA = await buildEnterprise(t.services, parkA.park.id, parkA.site.id);
  const eB = await buildEnterprise(t.services, parkB.park.id, parkB.site.id);
  await buildUser(t.services, 'ev.op', [{ role: 'operator', scopeType: 'park', scopeId: parkA.park.id }]);
  await buildUser(t.services, 'ev.opB', [{ role: 'operator', scopeType: 'park', scopeId: parkB.park.id }]);
  await buildUser(t.services, 'ev.outsider', [{ role: 'member', scopeType: 'enterprise', scopeId: eB.id }]);
  for (let i = 0; i < 14; i++) await buildUser(t.services, `ev.m${i}`, [{ role: 'member', scopeType: 'enterprise', scopeId: eA.id }]);
  op = await t.login('ev.op', TEST_PASSWORD);
  opB = await t.login('ev.opB', TEST_PASSWORD);
  outsider = await t.login('ev.outsider', TEST_PASSWORD);
  for (let i = 0; i < 14; i++) members.push(await t.login(`ev.m${i}`, TEST_PASSWORD));
});
afterAll(async () => {
  await t?.services.passes.verifier.close();
  await t?.services.iot.pipeline.close();
  await t?.close();
});

async function createEvent(extra: Record<string, unknown> = {}) {
  const now = Date.now();
  const res = await op.post('/api/events', {
    parkId: parkA.park.id,
    title: '园区开放日：AI 创业沙龙, 第 3 期; 欢迎参加 — 一个很长的标题用于测试 iCalendar 折行是否正确处理多字节字符',
    description: '地点：A1栋 101\n议程：分享, 交流; 合影',
    location: 'A1栋 101 会议室',
    startsAt: new Date(now + 48 * H).toISOString(),
    endsAt: new Date(now + 50 * H).toISOString(),
    capacity: 2,
    registrationOpensAt: new Date(now - H).toISOString(),
    registrationClosesAt: new Date(now + 47 * H).toISOString(),
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

describe('events', () => {
  test('registration fills seats, then the waitlist; a cancellation promotes the first waiting in the same transaction', async () => {
    const ev = await createEvent();
    const r0 = (await members[0].post(`/api/events/${ev.id}/registration`)).json();
    expect(r0.myRegistration.status).toBe('confirmed');
    expect((await members[1].post(`/api/events/${ev.id}/registration`)).json().myRegistration.status).toBe('confirmed');
    const w = (await members[2].post(`/api/events/${ev.id}/registration`)).json();
    expect(w.myRegistration).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect((await members[3].post(`/api/events/${ev.id}/registration`)).json().myRegistration.waitlistPosition).toBe(2);
    expect((await members[0].post(`/api/events/${ev.id}/registration`)).statusCode).toBe(409);

    const after = await members[0].delete(`/api/events/${ev.id}/registration`);
    expect(after.statusCode, after.body).toBe(200);
    expect(after.json(), after.body).toMatchObject({ confirmedCount: 2, waitlistCount: 1 });
    expect((await members[2].get(`/api/events/${ev.id}`)).json().myRegistration.status).toBe('confirmed');
    expect((await members[3].get(`/api/events/${ev.id}`)).json().myRegistration.waitlistPosition).toBe(1);
    const audit = (await op.get(`/api/audit-log?action=event_registration.promoted`)).json().items;
    expect(audit.length).toBeGreaterThanOrEqual(1);
    // More seats let the rest of the waitlist in.
    expect((await op.patch(`/api/events/${ev.id}`, { capacity: 5 })).json()).toMatchObject({ confirmedCount: 3, waitlistCount: 0 });
  });

  test('concurrent registrations never overfill an event', async () => {
    const ev = await createEvent({ capacity: 3 });
    const results = await Promise.all(members.slice(0, 10).map((m) => m.post(`/api/events/${ev.id}/registration`)));
    expect(results.map((r) => r.statusCode).every((s) => s === 200)).toBe(true);
    const regs = (await op.get(`/api/events/${ev.id}/registrations`)).json() as { status: string; waitlistPosition: number | null }[];
    expect(regs.filter((r) => r.status === 'confirmed')).toHaveLength(3);
    expect(regs.filter((r) => r.status === 'waitlisted').map((r) => r.waitlistPosition)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    // Concurrent cancellations of confirmed seats promote exactly as many.
    const confirmed = await Promise.all(members.slice(0, 10).map(async (m) => ({ m, s: (await m.get(`/api/events/${ev.id}`)).json().myRegistration.status })));
    await Promise.all(confirmed.filter((c) => c.s === 'confirmed').map((c) => c.m.delete(`/api/events/${ev.id}/registration`)));
    const again = (await op.get(`/api/events/${ev.id}`)).json();
    expect(again).toMatchObject({ confirmedCount: 3, waitlistCount: 4 });
  });

  test('approval: registrations wait as pending; a rejection frees the seat for the waitlist', async () => {
    const ev = await createEvent({ capacity: 1, requiresApproval: true });
    expect((await members[4].post(`/api/events/${ev.id}/registration`)).json().myRegistration.status).toBe('pending');
    expect((await members[5].post(`/api/events/${ev.id}/registration`)).json().myRegistration.status).toBe('waitlisted');
    const regs = (await op.get(`/api/events/${ev.id}/registrations`)).json() as { id: string; status: string }[];
    const pending = regs.find((r) => r.status === 'pending')!;
    expect((await members[4].post(`/api/events/${ev.id}/registrations/${pending.id}/decision`, { approve: true })).statusCode).toBe(403);
    expect((await op.post(`/api/events/${ev.id}/registrations/${pending.id}/decision`, { approve: false })).json().status).toBe('rejected');
    expect((await members[5].get(`/api/events/${ev.id}`)).json().myRegistration.status).toBe('pending');
  });

  test('check-in by the attendee’s QR, once, and only for confirmed registrations', async () => {
    const ev = await createEvent({ capacity: 1 });
    const mine = (await members[6].post(`/api/events/${ev.id}/registration`)).json().myRegistration;
    const waiting = (await members[7].post(`/api/events/${ev.id}/registration`)).json().myRegistration;
    expect(mine.checkInCode).toMatch(/^EV1\./);
    expect((await members[6].post(`/api/events/${ev.id}/check-ins`, { code: mine.checkInCode })).statusCode).toBe(403);
    const ok = await op.post(`/api/events/${ev.id}/check-ins`, { code: mine.checkInCode });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().checkedInAt).not.toBeNull();
    expect((await op.post(`/api/events/${ev.id}/check-ins`, { code: mine.checkInCode })).json().details.reason).toBe('already_checked_in');
    expect((await op.post(`/api/events/${ev.id}/check-ins`, { code: waiting.checkInCode })).json().details.reason).toBe('not_confirmed');
    expect((await op.post(`/api/events/${ev.id}/check-ins`, { code: 'EV1.nonexistentcode' })).statusCode).toBe(404);
    expect((await opB.post(`/api/events/${ev.id}/check-ins`, { code: mine.checkInCode })).statusCode).toBe(404);
  });

  test('registration outside its window is refused; bad input names the field', async () => {
    const future = await createEvent({ registrationOpensAt: new Date(Date.now() + H).toISOString() });
    expect((await members[8].post(`/api/events/${future.id}/registration`)).json().details.reason).toBe('not_open');
    const bad = await op.post('/api/events', { parkId: parkA.park.id, title: 'x', location: 'y', startsAt: '2030-01-02T10:00:00Z', endsAt: '2030-01-02T09:00:00Z', capacity: 1, registrationOpensAt: '2030-01-01T00:00:00Z', registrationClosesAt: '2030-01-02T08:00:00Z' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.fields.map((f: { field: string }) => f.field)).toContain('body.endsAt');
  });

  test('registered=true lists only the events I hold a live registration for (members’ home)', async () => {
    const seat = await createEvent({ capacity: 1 });
    const dropped = await createEvent();
    const other = await createEvent();
    expect((await members[13].post(`/api/events/${seat.id}/registration`)).json().myRegistration.status).toBe('confirmed');
    expect((await members[12].post(`/api/events/${seat.id}/registration`)).json().myRegistration.status).toBe('waitlisted');
    await members[13].post(`/api/events/${dropped.id}/registration`);
    expect((await members[13].delete(`/api/events/${dropped.id}/registration`)).statusCode).toBe(200);
    const ids = async (c: TestClient) => {
      const res = await c.get('/api/events?registered=true&upcoming=true&pageSize=200');
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().items as { id: string; myRegistration: { status: string } | null }[]).map((e) => `${e.id}:${e.myRegistration?.status}`);
    };
    const mine = await ids(members[13]);
    expect(mine).toContain(`${seat.id}:confirmed`);
    expect(mine.join()).not.toContain(dropped.id);
    expect(mine.join()).not.toContain(other.id);
    expect(await ids(members[12])).toContain(`${seat.id}:waitlisted`);
    expect((await ids(outsider)).join()).not.toContain(seat.id);
    expect((await ids(op)).join()).not.toContain(seat.id);
    // Without the filter the member still sees every event of the park.
    expect((await members[13].get('/api/events?upcoming=true&pageSize=200')).json().items.map((e: { id: string }) => e.id)).toEqual(expect.arrayContaining([seat.id, dropped.id, other.id]));
  });

  test('another park’s members and operators neither see nor register', async () => {
    const ev = await createEvent();
    expect((await outsider.get(`/api/events/${ev.id}`)).statusCode).toBe(404);
    expect((await outsider.post(`/api/events/${ev.id}/registration`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/events/${ev.id}/ics`)).statusCode).toBe(404);
    expect((await opB.get(`/api/events/${ev.id}/registrations`)).statusCode).toBe(404);
    expect((await opB.patch(`/api/events/${ev.id}`, { capacity: 100 })).statusCode).toBe(404);
    expect((await members[9].get(`/api/events/${ev.id}/registrations`)).statusCode).toBe(403);
    const list = (await outsider.get('/api/events?pageSize=200')).json();
    expect(list.items.map((e: { id: string }) => e.id)).not.toContain(ev.id);
  });
});

describe('iCalendar', () => {
  function assertRfc5545(text: string) {
    expect(text.endsWith('\r\n')).toBe(true);
    const lines = text.split('\r\n').slice(0, -1);
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(text.replaceAll('\r\n', '')).not.toContain('\n');
  }

  test('an event’s .ics parses with an independent parser (ical.js), UTC times, UID and DTSTAMP', async () => {
    const ev = await createEvent();
    const res = await members[0].get(`/api/events/${ev.id}/ics`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    assertRfc5545(res.body);
    const cal = new ICAL.Component(ICAL.parse(res.body));
    expect(cal.getFirstPropertyValue('method')).toBe('PUBLISH');
    const vevents = cal.getAllSubcomponents('vevent');
    expect(vevents).toHaveLength(1);
    const e = new ICAL.Event(vevents[0]);
    expect(e.uid).toBe(`${ev.id}@parkos`);
    expect(e.summary).toContain('AI 创业沙龙, 第 3 期; 欢迎参加');
    expect(e.description).toBe('地点：A1栋 101\n议程：分享, 交流; 合影');
    expect(e.location).toBe('A1栋 101 会议室');
    const detail = (await members[0].get(`/api/events/${ev.id}`)).json();
    expect(e.startDate.toJSDate().toISOString()).toBe(new Date(detail.startsAt).toISOString().replace(/\.\d{3}Z$/, '.000Z'));
    expect(e.startDate.zone.tzid).toBe('UTC');
    expect(vevents[0].getFirstPropertyValue('dtstamp')).toBeTruthy();
  });

  test('a member’s registrations are a subscribable feed by token; rotating the token revokes the old URL', async () => {
    const a = await createEvent({ title: '订阅测试 A' });
    const b = await createEvent({ title: '订阅测试 B', capacity: 1 });
    await members[10].post(`/api/events/${a.id}/registration`);
    await members[11].post(`/api/events/${b.id}/registration`);
    await members[10].post(`/api/events/${b.id}/registration`); // waitlisted: tentative
    const feed = await members[10].post('/api/event-feeds/me');
    expect(feed.statusCode, feed.body).toBe(200);
    const { path } = feed.json();
    const res = await t.app.inject({ method: 'GET', url: path });
    expect(res.statusCode).toBe(200);
    assertRfc5545(res.body);
    const events = new ICAL.Component(ICAL.parse(res.body)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.summary).sort()).toEqual(['订阅测试 A', '订阅测试 B']);
    expect(events.find((e) => e.summary === '订阅测试 B')!.component.getFirstPropertyValue('status')).toBe('TENTATIVE');
    expect(path).toMatch(/^\/api\/event-feeds\/[A-Za-z0-9_-]+\.ics$/);
    // URLs handed out before the feed moved out of /events/{id} keep working for subscribed calendars.
    const old = await t.app.inject({ method: 'GET', url: path.replace('/api/event-feeds/', '/api/events/feeds/') });
    expect(old.statusCode).toBe(200);
    expect(old.headers['content-type']).toContain('text/calendar');
    expect((await members[10].post('/api/event-feeds/me')).statusCode).toBe(409);
    const rotated = (await members[10].post('/api/event-feeds/me?rotate=true')).json();
    expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: rotated.path })).statusCode).toBe(200);
  });
});

describe('reminders', () => {
  test('the worker records one reminder per confirmed registration inside the reminder lead, once', async () => {
    const soon = await createEvent({ title: '即将开始', startsAt: new Date(Date.now() + 30 * 60_000).toISOString(), endsAt: new Date(Date.now() + 90 * 60_000).toISOString(), registrationClosesAt: new Date(Date.now() + 20 * 60_000).toISOString(), reminderMinutes: 60 });
    await members[9].post(`/api/events/${soon.id}/registration`);
    const first = await t.services.events.recordDueReminders();
    expect(first).toBeGreaterThanOrEqual(1);
    expect(await t.services.events.recordDueReminders()).toBe(0);
    const mine = (await members[9].get('/api/events/reminders/me')).json() as { eventId: string }[];
    expect(mine.map((r) => r.eventId)).toContain(soon.id);
    // …and it reached the member's in-app notifications, once.
    const inbox = ((await members[9].get('/api/notifications')).json().items as { kind: string; entityId: string; link: string }[]).filter((n) => n.entityId === soon.id);
    expect(inbox.map((n) => [n.kind, n.link])).toEqual([['event.reminder', `/events/${soon.id}`]]);
    // Events two days out are not due yet.
    const rows = await t.database.query<{ n: number }>('select count(*)::int as n from event_reminders r join park_events e on e.id = r.event_id where e.starts_at > now() + interval \'2 hours\'');
    expect(rows[0].n).toBe(0);
    void SYSTEM;
  });
});

describe('events across parks', () => {
  test('an event may not be moved onto another park’s site (400 naming body.siteId, unchanged)', async () => {
    const created = await createEvent();
    const id = created.id;
    const res = await op.patch(`/api/events/${id}`, { siteId: parkB.site.id });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().details.fields[0].field).toBe('body.siteId');
    const [row] = await t.database.query<{ site_id: string | null }>('select site_id from park_events where id = $1', [id]);
    expect(row.site_id).toBeNull();
    const ok = await op.patch(`/api/events/${id}`, { siteId: parkA.site.id });
    expect(ok.statusCode, ok.body).toBe(200);
  });
});
