import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SYSTEM, TEST_PASSWORD, buildCreditCode, buildEnterprise, buildPark, buildUser } from '../../../testing/builders';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/test-app';

type Built = Awaited<ReturnType<typeof buildPark>>;
let t: TestApp;
let op: TestClient;
let opOther: TestClient;
let memberA: TestClient;
let memberA2: TestClient;
let memberB: TestClient;
let memberGames: TestClient;
let park: Built;
let otherPark: Built;
let buildingB: { id: string };

/** A 1×1 PNG. */
const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

beforeAll(async () => {
  t = await createTestApp();
  park = await buildPark(t.services);
  otherPark = await buildPark(t.services);
  // Building B beside the built park's building A, each with a tenant.
  buildingB = await t.services.parks.createBuilding(SYSTEM, { districtId: park.district.id, name: 'B1栋', floorsAboveGround: 2 });
  const floorB = await t.services.parks.createFloor(SYSTEM, { buildingId: buildingB.id, level: 1 });
  const unitB = await t.services.parks.createUnit(SYSTEM, { floorId: floorB.id, code: 'B101', area: 100 });
  const entA = await buildEnterprise(t.services, park.park.id, null, '甲栋科技有限公司');
  const entB = await buildEnterprise(t.services, park.park.id, null, '乙栋科技有限公司');
  const entGames = await t.services.parks.createEnterprise(SYSTEM, { parkId: park.park.id, siteId: null, legalName: '游戏互娱有限公司', creditCode: buildCreditCode(), industry: 'games', size: 'small', contactPhone: '13800138000' });
  const lease = { startDate: '2026-01-01', endDate: '2028-12-31', monthlyRentFen: 100_000 };
  await t.services.parks.createLease(SYSTEM, entA.id, { unitId: park.units[0].id, ...lease });
  await t.services.parks.createLease(SYSTEM, entB.id, { unitId: unitB.id, ...lease });
  await t.services.parks.createLease(SYSTEM, entGames.id, { unitId: park.units[1].id, ...lease });
  await buildUser(t.services, 'news.op', [{ role: 'operator', scopeType: 'park', scopeId: park.park.id }]);
  await buildUser(t.services, 'news.op.other', [{ role: 'operator', scopeType: 'park', scopeId: otherPark.park.id }]);
  await buildUser(t.services, 'news.a', [{ role: 'member', scopeType: 'enterprise', scopeId: entA.id }]);
  await buildUser(t.services, 'news.a2', [{ role: 'member', scopeType: 'enterprise', scopeId: entA.id }]);
  await buildUser(t.services, 'news.b', [{ role: 'member', scopeType: 'enterprise', scopeId: entB.id }]);
  await buildUser(t.services, 'news.games', [{ role: 'member', scopeType: 'enterprise', scopeId: entGames.id }]);
  [op, opOther, memberA, memberA2, memberB, memberGames] = await Promise.all(['news.op', 'news.op.other', 'news.a', 'news.a2', 'news.b', 'news.games'].map((u) => t.login(u, TEST_PASSWORD)));
});
afterAll(() => t?.close());

let n = 0;
async function publish(extra: Record<string, unknown> = {}, client: TestClient = op): Promise<{ id: string; title: string; status: string; pinned: boolean; readCount: number; bodyHtml: string }> {
  const res = await client.post('/api/news/articles', { title: `园区新闻 ${++n}`, bodyHtml: '<p>正文内容</p>', category: 'notice', target: { type: 'park', parkId: park.park.id }, publish: true, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function feedIds(client: TestClient): Promise<string[]> {
  const res = await client.get('/api/news/feed?pageSize=100');
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: { id: string }[] }).items.map((i) => i.id);
}

describe('targeting', () => {
  test('a member of a building-A enterprise sees building-A news, not building-B news', async () => {
    const forA = await publish({ title: 'A栋停水通知', target: { type: 'building', buildingId: park.building.id } });
    const forB = await publish({ title: 'B栋停水通知', target: { type: 'building', buildingId: buildingB.id } });
    const feedA = await feedIds(memberA);
    expect(feedA).toContain(forA.id);
    expect(feedA).not.toContain(forB.id);
    const feedB = await feedIds(memberB);
    expect(feedB).toContain(forB.id);
    expect(feedB).not.toContain(forA.id);
    expect((await memberA.get(`/api/news/feed/${forB.id}`)).statusCode).toBe(404);
    expect((await memberA.get(`/api/news/feed/${forA.id}`)).statusCode).toBe(200);
  });

  test('industry news reaches only the enterprises of that industry in that park', async () => {
    const games = await publish({ title: '游戏版号申报指南', target: { type: 'industry', parkId: park.park.id, industry: 'games' } });
    expect(await feedIds(memberGames)).toContain(games.id);
    expect(await feedIds(memberA)).not.toContain(games.id);
  });

  test('site and park news reach every enterprise of the place; another park’s news reaches none', async () => {
    const site = await publish({ title: '主园区消防演练', target: { type: 'site', siteId: park.site.id } });
    const whole = await publish({ title: '园区年会', target: { type: 'park', parkId: park.park.id } });
    const elsewhere = await publish({ title: '别的园区', target: { type: 'park', parkId: otherPark.park.id } }, opOther);
    for (const m of [memberA, memberB, memberGames]) {
      const ids = await feedIds(m);
      expect(ids).toEqual(expect.arrayContaining([site.id, whole.id]));
      expect(ids).not.toContain(elsewhere.id);
    }
  });

  test('an operator cannot aim news at a park outside their scope, nor at all parks', async () => {
    const res = await opOther.post('/api/news/articles', { title: '越权', bodyHtml: '<p>x</p>', category: 'notice', target: { type: 'building', buildingId: park.building.id } });
    expect(res.statusCode).toBe(403);
    const all = await op.post('/api/news/articles', { title: '全部园区', bodyHtml: '<p>x</p>', category: 'notice', target: { type: 'all' } });
    expect(all.statusCode).toBe(403);
    const mine = await publish();
    expect((await opOther.get(`/api/news/articles/${mine.id}`)).statusCode).toBe(404);
    expect((await opOther.post(`/api/news/articles/${mine.id}/pin`, { pinned: true })).statusCode).toBe(404);
    const list = (await opOther.get('/api/news/articles?pageSize=200')).json() as { items: { id: string }[] };
    expect(list.items.map((i) => i.id)).not.toContain(mine.id);
  });

  test('members may not manage news', async () => {
    expect((await memberA.get('/api/news/articles')).statusCode).toBe(403);
    const res = await memberA.post('/api/news/articles', { title: 'x', bodyHtml: '<p>x</p>', category: 'notice', target: { type: 'building', buildingId: park.building.id } });
    expect(res.statusCode).toBe(403);
    expect((await memberA.post('/api/news/images', { contentType: 'image/png', dataBase64: PNG_1PX })).statusCode).toBe(403);
  });
});

describe('scheduling and withdrawal', () => {
  test('a future article is invisible until its time, then appears', async () => {
    const at = new Date(Date.now() + 1500);
    const scheduled = await publish({ title: '定时发布', publishAt: at.toISOString() });
    expect(await feedIds(memberA)).not.toContain(scheduled.id);
    expect((await memberA.get(`/api/news/feed/${scheduled.id}`)).statusCode).toBe(404);
    expect((await memberA.post(`/api/news/feed/${scheduled.id}/read`)).statusCode).toBe(404);
    const managed = (await op.get(`/api/news/articles/${scheduled.id}`)).json() as { status: string; isLive: boolean };
    expect(managed).toMatchObject({ status: 'published', isLive: false });
    await new Promise((r) => setTimeout(r, Math.max(0, at.getTime() - Date.now() + 100)));
    expect(await feedIds(memberA)).toContain(scheduled.id);
  });

  test('a draft stays out of the feed until published; unpublishing withdraws it', async () => {
    const draft = await publish({ title: '草稿', publish: false });
    expect(draft.status).toBe('draft');
    expect(await feedIds(memberA)).not.toContain(draft.id);
    const pub = await op.post(`/api/news/articles/${draft.id}/publish`, {});
    expect(pub.statusCode, pub.body).toBe(200);
    expect(await feedIds(memberA)).toContain(draft.id);
    expect((await op.post(`/api/news/articles/${draft.id}/unpublish`)).statusCode).toBe(200);
    expect(await feedIds(memberA)).not.toContain(draft.id);
    expect((await op.post(`/api/news/articles/${draft.id}/unpublish`)).statusCode).toBe(409);
  });
});

describe('feed order', () => {
  test('pinned articles come first, then newest first', async () => {
    const base = Date.now() - 10 * 60_000;
    const older = await publish({ title: '较早', publishAt: new Date(base).toISOString() });
    const newer = await publish({ title: '较新', publishAt: new Date(base + 60_000).toISOString() });
    const pinned = await publish({ title: '置顶', publishAt: new Date(base - 3_600_000).toISOString() });
    const pin = await op.post(`/api/news/articles/${pinned.id}/pin`, { pinned: true });
    expect(pin.statusCode, pin.body).toBe(200);
    const ids = (await feedIds(memberA)).filter((id) => [older.id, newer.id, pinned.id].includes(id));
    expect(ids).toEqual([pinned.id, newer.id, older.id]);
    const res = (await memberA.get('/api/news/feed?pageSize=100')).json() as { items: { pinned: boolean }[] };
    const firstUnpinned = res.items.findIndex((i) => !i.pinned);
    expect(res.items.slice(firstUnpinned).every((i) => !i.pinned)).toBe(true);
    await op.post(`/api/news/articles/${pinned.id}/pin`, { pinned: false });
    expect((await feedIds(memberA)).filter((id) => [older.id, newer.id, pinned.id].includes(id))).toEqual([newer.id, older.id, pinned.id]);
  });
});

describe('read counts', () => {
  test('count each reader once, however often they read', async () => {
    const a = await publish({ title: '阅读计数' });
    expect((await memberA.post(`/api/news/feed/${a.id}/read`)).json()).toEqual({ readCount: 1 });
    expect((await memberA.post(`/api/news/feed/${a.id}/read`)).json()).toEqual({ readCount: 1 });
    expect((await memberA2.post(`/api/news/feed/${a.id}/read`)).json()).toEqual({ readCount: 2 });
    expect((await memberA.post(`/api/news/feed/${a.id}/read`)).json()).toEqual({ readCount: 2 });
    const list = (await op.get('/api/news/articles?pageSize=200')).json() as { items: { id: string; readCount: number }[] };
    expect(list.items.find((i) => i.id === a.id)?.readCount).toBe(2);
  });
});

describe('validation and sanitization', () => {
  test('scripts, event handlers and javascript: links are stripped from the body', async () => {
    const a = await publish({ bodyHtml: '<p onclick="steal()">你好<script>alert(1)</script></p><img src="x" onerror="alert(2)"><a href="javascript:alert(3)">链接</a><iframe src="https://evil.example"></iframe><strong>保留</strong>' });
    expect(a.bodyHtml).not.toMatch(/script|onclick|onerror|javascript:|iframe|alert/i);
    expect(a.bodyHtml).toContain('<strong>保留</strong>');
    expect(a.bodyHtml).toContain('你好');
    const read = (await memberA.get(`/api/news/feed/${a.id}`)).json() as { bodyHtml: string };
    expect(read.bodyHtml).toBe(a.bodyHtml);
  });

  test.each([
    ['an empty title', { title: '' }, 'body.title'],
    ['an unknown category', { category: 'gossip' }, 'body.category'],
    ['a building target without its building', { target: { type: 'building' } }, 'body.target.buildingId'],
    ['an unknown building', { target: { type: 'building', buildingId: '00000000-0000-4000-8000-000000000000' } }, 'body.target.buildingId'],
    ['an industry target without its industry', { target: { type: 'industry', parkId: '00000000-0000-4000-8000-000000000000' } }, 'body.target.industry'],
    ['a body that is only a script', { bodyHtml: '<script>alert(1)</script>' }, 'body.bodyHtml'],
    ['an unknown cover image', { coverImageId: '00000000-0000-4000-8000-000000000000' }, 'body.coverImageId'],
  ])('rejects %s with 400 naming the field', async (_name, extra, field) => {
    const before = (await op.get('/api/news/articles?pageSize=1')).json() as { total: number };
    const res = await op.post('/api/news/articles', { title: '标题', bodyHtml: '<p>x</p>', category: 'notice', target: { type: 'park', parkId: park.park.id }, ...extra });
    expect(res.statusCode, res.body).toBe(400);
    const fields = (res.json() as { details: { fields: { field: string }[] } }).details.fields.map((f) => f.field);
    expect(fields).toContain(field);
    const after = (await op.get('/api/news/articles?pageSize=1')).json() as { total: number };
    expect(after.total).toBe(before.total);
  });
});

describe('cover images', () => {
  test('a PNG uploads, is served with its type and shows on the article', async () => {
    const up = await op.post('/api/news/images', { contentType: 'image/png', dataBase64: PNG_1PX });
    expect(up.statusCode, up.body).toBe(201);
    const img = up.json() as { id: string; url: string; byteSize: number };
    expect(img.byteSize).toBe(Buffer.from(PNG_1PX, 'base64').length);
    const a = await publish({ coverImageId: img.id });
    const feed = (await memberA.get('/api/news/feed?pageSize=100')).json() as { items: { id: string; coverUrl: string | null }[] };
    expect(feed.items.find((i) => i.id === a.id)?.coverUrl).toBe(img.url);
    const get = await memberA.get(img.url);
    expect(get.statusCode).toBe(200);
    expect(get.headers['content-type']).toBe('image/png');
    expect(get.rawPayload.equals(Buffer.from(PNG_1PX, 'base64'))).toBe(true);
  });

  test('bytes that are not the declared type, or not an image, are refused', async () => {
    const lie = await op.post('/api/news/images', { contentType: 'image/jpeg', dataBase64: PNG_1PX });
    expect(lie.statusCode).toBe(400);
    expect(lie.json().details.fields[0].field).toBe('body.contentType');
    const html = await op.post('/api/news/images', { contentType: 'image/png', dataBase64: Buffer.from('<svg onload=alert(1)>').toString('base64') });
    expect(html.statusCode).toBe(400);
    expect(html.json().details.fields[0].field).toBe('body.dataBase64');
    const svg = await op.post('/api/news/images', { contentType: 'image/svg+xml', dataBase64: PNG_1PX });
    expect(svg.statusCode).toBe(400);
  });

  test('an image over 2 MiB is refused with 413', async () => {
    const big = Buffer.alloc(2 * 1024 * 1024 + 10);
    Buffer.from(PNG_1PX, 'base64').copy(big);
    const res = await op.post('/api/news/images', { contentType: 'image/png', dataBase64: big.toString('base64') });
    expect(res.statusCode).toBe(413);
  });
});

describe('audit', () => {
  test('every change of an article is in the audit log', async () => {
    const a = await publish({ publish: false });
    await op.patch(`/api/news/articles/${a.id}`, { title: '改过的标题' });
    await op.post(`/api/news/articles/${a.id}/publish`, { publishAt: new Date(Date.now() + 3_600_000).toISOString() });
    await op.post(`/api/news/articles/${a.id}/pin`, { pinned: true });
    await op.post(`/api/news/articles/${a.id}/unpublish`);
    const entries = await t.services.audit.findEntries(SYSTEM, { page: 1, pageSize: 50, entityId: a.id });
    expect(entries.items.map((e) => e.action).sort()).toEqual(['news_article.created', 'news_article.pinned', 'news_article.scheduled', 'news_article.unpublished', 'news_article.updated']);
  });
});
