import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TEST_PASSWORD, buildEnterprise, buildPark, buildUser } from '../../testing/builders';
import { buildImage } from '../../testing/files';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';
import { workOrderAttachments } from './workorders.table';

/** Photos stored in the database by earlier releases move into the file store, keeping their ids. */
let t: TestApp;
let member1: TestClient;
let member2: TestClient;
let orderId: string;
let enterpriseId: string;
let parkId: string;
let PNG: Buffer;
/** An old photo whose bytes only start like a JPEG: kept as it is, without a thumbnail. */
const ODD_JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 2)]);
const ids = { png: crypto.randomUUID(), odd: crypto.randomUUID() };

beforeAll(async () => {
  t = await createTestApp();
  const p = await buildPark(t.services);
  parkId = p.park.id;
  const e1 = await buildEnterprise(t.services, p.park.id, p.site.id);
  const e2 = await buildEnterprise(t.services, p.park.id, p.site.id);
  enterpriseId = e1.id;
  const u1 = await buildUser(t.services, 'lp.member1', [{ role: 'member', scopeType: 'enterprise', scopeId: e1.id }]);
  await buildUser(t.services, 'lp.member2', [{ role: 'member', scopeType: 'enterprise', scopeId: e2.id }]);
  member1 = await t.login('lp.member1', TEST_PASSWORD);
  member2 = await t.login('lp.member2', TEST_PASSWORD);
  const o = await member1.post('/api/work-orders', { title: '卫生间漏水', category: 'plumbing', buildingId: p.building.id });
  expect(o.statusCode, o.body).toBe(201);
  orderId = o.json().id;
  PNG = await buildImage('png');
  // As the previous release stored them: bytes in the database, one by a user deleted since.
  await t.database.db.insert(workOrderAttachments).values([
    { id: ids.png, workOrderId: orderId, fileName: '漏水.png', contentType: 'image/png', size: PNG.length, data: PNG, uploadedBy: u1.id, uploadedByName: 'lp.member1', createdAt: new Date('2026-10-01T08:00:00Z') },
    { id: ids.odd, workOrderId: orderId, fileName: 'old.jpg', contentType: 'image/jpeg', size: ODD_JPEG.length, data: ODD_JPEG, uploadedBy: crypto.randomUUID(), uploadedByName: '已离职员工', createdAt: new Date('2026-10-01T09:00:00Z') },
  ]);
});
afterAll(() => t.close());

describe('moving database-stored work-order photos into the file store', () => {
  test('before the move the order shows no photos; after it, both, under their old ids and old addresses', async () => {
    expect((await member1.get(`/api/work-orders/${orderId}`)).json().attachments).toEqual([]);
    // Two instances starting at once: each photo is moved once.
    const moved = await Promise.all([t.services.workorders.moveLegacyPhotos(), t.services.workorders.moveLegacyPhotos()]);
    expect(moved[0] + moved[1]).toBe(2);

    const detail = (await member1.get(`/api/work-orders/${orderId}`)).json();
    expect(detail.photoCount).toBe(2);
    expect(detail.attachments.map((a: { id: string; fileName: string; contentType: string; hasThumbnail: boolean; uploadedByName: string }) => [a.id, a.fileName, a.contentType, a.hasThumbnail, a.uploadedByName])).toEqual([
      [ids.png, '漏水.png', 'image/png', true, 'lp.member1'],
      [ids.odd, 'old.jpg', 'image/jpeg', false, '已离职员工'],
    ]);
    for (const [id, bytes] of [
      [ids.png, PNG],
      [ids.odd, ODD_JPEG],
    ] as const) {
      for (const url of [`/api/work-orders/${orderId}/attachments/${id}`, `/api/files/${id}`]) {
        const got = await member1.get(url);
        expect(got.statusCode, url).toBe(200);
        expect(Buffer.from(got.rawPayload).equals(bytes)).toBe(true);
        expect((await member2.get(url)).statusCode).toBe(404);
      }
    }
    expect((await member1.get(`/api/files/${ids.png}/thumbnail`)).statusCode).toBe(200);
    const rows = await t.database.query<{ id: string; owner_type: string; park_id: string; enterprise_id: string; uploader_id: string | null; sha256: string }>(
      'select id::text, owner_type, park_id::text, enterprise_id::text, uploader_id::text, sha256 from files order by created_at',
    );
    expect(rows.map((r) => [r.id, r.owner_type, r.park_id, r.enterprise_id, r.uploader_id !== null])).toEqual([
      [ids.png, 'work_order', parkId, enterpriseId, true],
      [ids.odd, 'work_order', parkId, enterpriseId, false],
    ]);
    expect(rows[0].sha256).toBe(crypto.createHash('sha256').update(PNG).digest('hex'));
  });

  test('running it again moves nothing and changes nothing; the old rows stay, read-only', async () => {
    const before = await t.database.query('select * from files order by id');
    expect(await t.services.workorders.moveLegacyPhotos()).toBe(0);
    expect(await t.database.query('select * from files order by id')).toEqual(before);
    expect((await t.database.query<{ n: number }>('select count(*)::int as n from work_order_attachments'))[0].n).toBe(2);
  });
});
