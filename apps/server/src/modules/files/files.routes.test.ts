import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SYSTEM, TEST_PASSWORD, buildEnterprise, buildPark, buildUser } from '../../testing/builders';
import { buildImage, multipart, uploadFile } from '../../testing/files';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';
import { enterpriseIdsOf } from '../identity/actor';
import { FILE_PURPOSES } from './file-content';

/**
 * The files module on its own: a test owner type stands in for a feature (records that belong
 * to one enterprise; its members may read and attach).
 */
let t: TestApp;
let e1: { id: string };
let e2: { id: string };
let parkId: string;
let member1: TestClient;
let admin1: TestClient;
let member2: TestClient;
let PNG: Buffer;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
/** A Windows program: "MZ", the DOS stub, and a PE header offset. */
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58, 0x90), Buffer.from([0x80, 0, 0, 0]), Buffer.alloc(64, 0), Buffer.from('PE\0\0'), Buffer.alloc(200, 1)]);
/** Records of the test owner type: record id → its enterprise. */
const records = new Map<string, string>();

beforeAll(async () => {
  t = await createTestApp();
  const p = await buildPark(t.services);
  parkId = p.park.id;
  e1 = await buildEnterprise(t.services, p.park.id, p.site.id);
  e2 = await buildEnterprise(t.services, p.park.id, p.site.id);
  await buildUser(t.services, 'f.member1', [{ role: 'member', scopeType: 'enterprise', scopeId: e1.id }]);
  await buildUser(t.services, 'f.admin1', [{ role: 'enterprise_admin', scopeType: 'enterprise', scopeId: e1.id }]);
  await buildUser(t.services, 'f.member2', [{ role: 'member', scopeType: 'enterprise', scopeId: e2.id }]);
  [member1, admin1, member2] = await Promise.all(['f.member1', 'f.admin1', 'f.member2'].map((u) => t.login(u, TEST_PASSWORD)));
  t.services.files.registerOwner({
    ownerType: 'test_record',
    purposes: ['image', 'document'],
    canRead: async (ctx, id) => enterpriseIdsOf(ctx.actor).includes(records.get(id) ?? ''),
    canAttach: async (ctx, id) => (enterpriseIdsOf(ctx.actor).includes(records.get(id) ?? '') ? { parkId, enterpriseId: records.get(id)! } : null),
  });
  PNG = await buildImage('png', { width: 1200, height: 600 });
});
afterAll(() => t.close());

/** Attaches a file to a new test record of `enterpriseId`, as `client`'s user would through a feature's route. */
async function attach(client: TestClient, fileId: string, enterpriseId: string, options: { recordId?: string } = {}) {
  const recordId = options.recordId ?? crypto.randomUUID();
  records.set(recordId, enterpriseId);
  const user = await t.database.query<{ id: string }>('select id::text as id from users where username = $1', [client.username]);
  const actor = { ...SYSTEM.actor, userId: user[0].id, username: client.username, displayName: client.username, via: 'session' as const, grants: [{ role: 'member' as const, scopeType: 'enterprise' as const, scopeId: enterpriseId }] };
  await t.database.db.transaction((tx) => t.services.files.attach(tx, { actor }, { fileId, ownerType: 'test_record', ownerId: recordId, field: 'body.fileId' }));
  return recordId;
}

async function fileCount(): Promise<number> {
  return (await t.database.query<{ n: number }>('select count(*)::int as n from files'))[0].n;
}

/** Every file under the files folder (bytes and thumbnails), temporary files included. */
function storedFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(dir, e.name));
      else out.push(path.join(dir, e.name));
    }
  };
  walk(t.config.filesDir);
  return out;
}

describe('upload', () => {
  test('an image is stored with its detected type, the stored bytes’ size and SHA-256, and a 320 px WebP thumbnail; only the uploader reads it', async () => {
    const res = await uploadFile(member1, { data: PNG, name: '现场照片.png', type: 'image/png' });
    expect(res.statusCode, res.body).toBe(201);
    const f = res.json();
    expect(f).toMatchObject({ purpose: 'image', name: '现场照片.png', mimeType: 'image/png', hasThumbnail: true, isAttached: false, uploadedByName: 'f.member1' });

    const got = await member1.get(`/api/files/${f.id}`);
    expect(got.statusCode).toBe(200);
    const stored = Buffer.from(got.rawPayload);
    expect([f.size, f.sha256]).toEqual([stored.length, crypto.createHash('sha256').update(stored).digest('hex')]);
    expect((await sharp(stored).raw().toBuffer()).equals(await sharp(PNG).raw().toBuffer())).toBe(true);
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.headers['content-disposition']).toBe(`inline; filename="____.png"; filename*=UTF-8''${encodeURIComponent('现场照片.png')}`);
    const asDownload = await member1.get(`/api/files/${f.id}?download=true`);
    expect(asDownload.headers['content-disposition']).toMatch(/^attachment; /);

    const thumb = await member1.get(`/api/files/${f.id}/thumbnail`);
    expect(thumb.statusCode).toBe(200);
    expect(thumb.headers['content-type']).toBe('image/webp');
    const meta = await sharp(thumb.rawPayload).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 320, 160]);

    // Before it is attached, nobody else sees it: not a colleague, not an admin of the same enterprise.
    for (const client of [admin1, member2]) {
      for (const url of [`/api/files/${f.id}`, `/api/files/${f.id}/thumbnail`, `/api/files/${f.id}/info`]) expect((await client.get(url)).statusCode, `${client.username} ${url}`).toBe(404);
    }
  });

  test('a photo’s EXIF (GPS position, camera serial, time) is not stored: the original is re-encoded upright without it', async () => {
    // A phone photo taken sideways: stored 400×200 with orientation 6 (turn 90° to view).
    const photo = await sharp({ create: { width: 400, height: 200, channels: 3, background: { r: 200, g: 60, b: 40 } } })
      .withExif({
        IFD0: { Make: 'ParkPhone', Model: 'P1', DateTime: '2026:11:02 08:15:00' },
        IFD2: { BodySerialNumber: 'SERIAL-4711', DateTimeOriginal: '2026:11:02 08:15:00' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '31/1 14/1 2/1', GPSLongitudeRef: 'E', GPSLongitude: '121/1 28/1 30/1' },
      })
      .withMetadata({ orientation: 6 })
      .jpeg({ quality: 95 })
      .toBuffer();
    const before = await sharp(photo).metadata();
    expect([before.width, before.height, before.orientation, Boolean(before.exif)]).toEqual([400, 200, 6, true]);
    expect(photo.includes('SERIAL-4711')).toBe(true);

    const res = await uploadFile(member1, { data: photo, name: 'leak.jpg', type: 'image/jpeg' });
    expect(res.statusCode, res.body).toBe(201);
    const f = res.json();
    const stored = Buffer.from((await member1.get(`/api/files/${f.id}`)).rawPayload);
    const meta = await sharp(stored).metadata();
    expect(meta.format).toBe('jpeg');
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.iptc).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect([meta.width, meta.height]).toEqual([200, 400]);
    for (const secret of ['SERIAL-4711', 'ParkPhone', '2026:11:02']) expect(stored.includes(secret), secret).toBe(false);
    expect([f.mimeType, f.size, f.sha256]).toEqual(['image/jpeg', stored.length, crypto.createHash('sha256').update(stored).digest('hex')]);
    // Still the same picture: the colour survives the re-encoding.
    const { dominant } = await sharp(stored).stats();
    expect(Math.abs(dominant.r - 200) + Math.abs(dominant.g - 60) + Math.abs(dominant.b - 40)).toBeLessThan(40);
  });

  test.each([
    ['a program renamed to .pdf', EXE, 'contract.pdf', 'application/pdf', 'document'],
    ['a PDF as an image', PDF, 'photo.png', 'image/png', 'image'],
    ['bytes that only start like a PNG', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]), 'broken.png', 'image/png', 'image'],
    ['plain text', Buffer.from('hello, this is not a document'), 'notes.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'document'],
  ] as const)('%s is refused with a 400 naming body.file, and nothing is stored', async (_case, data, name, type, purpose) => {
    const [rowsBefore, bytesBefore] = [await fileCount(), storedFiles()];
    const res = await uploadFile(member1, { data: Buffer.from(data), name, type }, purpose);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().details.fields[0].field).toBe('body.file');
    expect(await fileCount()).toBe(rowsBefore);
    expect(storedFiles()).toEqual(bytesBefore);
  });

  test('a PNG uploaded as a document is refused: each purpose has its own allow-list', async () => {
    const res = await uploadFile(member1, { data: PNG, name: 'scan.png' }, 'document');
    expect(res.statusCode).toBe(400);
    expect(res.json().details.detected).toBe('image/png');
  });

  test('a file over its purpose’s limit is refused with a 413 naming body.file, and nothing is stored', async () => {
    const rowsBefore = await fileCount();
    const big = Buffer.concat([PDF, Buffer.alloc(FILE_PURPOSES.document.maxBytes)]);
    const res = await uploadFile(member1, { data: big, name: 'big.pdf' }, 'document');
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: { fields: [{ field: 'body.file' }] } });
    expect(await fileCount()).toBe(rowsBefore);
  });

  test('documents: PDF and XLSX are taken by content; they download as attachments and have no thumbnail', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('台账').addRow(['企业', '人数']);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    for (const [data, name, mime] of [
      [PDF, '租赁合同（2026）.pdf', 'application/pdf'],
      [xlsx, 'ledger.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ] as const) {
      const res = await uploadFile(member1, { data, name, type: 'application/octet-stream' }, 'document');
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ mimeType: mime, hasThumbnail: false });
      const got = await member1.get(`/api/files/${res.json().id}`);
      expect(got.headers['content-type']).toBe(mime);
      expect(got.headers['content-disposition']).toMatch(/^attachment; /);
      expect(got.headers['content-security-policy']).toContain('sandbox');
      expect((await member1.get(`/api/files/${res.json().id}/thumbnail`)).statusCode).toBe(404);
    }
  });

  test('the request must be multipart with a file in the field `file`, a known purpose and a session', async () => {
    expect((await member1.post('/api/files?purpose=image', { dataBase64: PNG.toString('base64') })).json().details.fields[0].field).toBe('body.file');
    const wrongField = multipart({ data: PNG, name: 'a.png', field: 'photo' });
    const res = await member1.request({ method: 'POST', url: '/api/files?purpose=image', ...wrongField });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.fields[0].field).toBe('body.file');
    const noPurpose = await member1.request({ method: 'POST', url: '/api/files', ...multipart({ data: PNG, name: 'a.png' }) });
    expect(noPurpose.json().details.fields[0].field).toBe('querystring.purpose');
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/files?purpose=image', ...multipart({ data: PNG, name: 'a.png' }) });
    expect(anonymous.statusCode).toBe(401);
  });

  test('a repeated download with the ETag is answered 304 without the bytes', async () => {
    const f = (await uploadFile(member1, { data: PNG, name: 'a.png' })).json();
    const first = await member1.get(`/api/files/${f.id}`);
    const again = await member1.request({ method: 'GET', url: `/api/files/${f.id}`, headers: { 'if-none-match': String(first.headers.etag) } });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
  });
});

describe('attached files', () => {
  test('once attached, those who may see the record read the file; another enterprise gets 404, as for an id that does not exist', async () => {
    const f = (await uploadFile(member1, { data: PNG, name: 'a.png' })).json();
    await attach(member1, f.id, e1.id);
    for (const url of [`/api/files/${f.id}`, `/api/files/${f.id}/thumbnail`, `/api/files/${f.id}/info`]) {
      expect((await admin1.get(url)).statusCode, url).toBe(200);
      const other = await member2.get(url);
      const missing = await member2.get(url.replace(f.id, crypto.randomUUID()));
      expect([other.statusCode, missing.statusCode]).toEqual([404, 404]);
      expect(other.json().code).toBe(missing.json().code);
      expect(other.body).not.toContain('a.png');
    }
    expect((await admin1.get(`/api/files/${f.id}/info`)).json()).toMatchObject({ isAttached: true });
    const [row] = await t.database.query<{ park_id: string; enterprise_id: string }>('select park_id::text, enterprise_id::text from files where id = $1', [f.id]);
    expect(row).toEqual({ park_id: parkId, enterprise_id: e1.id });
  });

  test('only the uploader attaches an upload, once, and only to a record they may attach to', async () => {
    const f = (await uploadFile(member1, { data: PNG, name: 'a.png' })).json();
    await expect(attach(member2, f.id, e2.id)).rejects.toMatchObject({ code: 'VALIDATION', details: { fields: [{ field: 'body.fileId' }] } });
    const recordOfE2 = crypto.randomUUID();
    records.set(recordOfE2, e2.id);
    const user = await t.database.query<{ id: string }>(`select id::text as id from users where username = 'f.member1'`);
    const actor = { ...SYSTEM.actor, userId: user[0].id, username: 'f.member1', displayName: 'f.member1', via: 'session' as const, grants: [{ role: 'member' as const, scopeType: 'enterprise' as const, scopeId: e1.id }] };
    await expect(t.database.db.transaction((tx) => t.services.files.attach(tx, { actor }, { fileId: f.id, ownerType: 'test_record', ownerId: recordOfE2, field: 'body.fileId' }))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await attach(member1, f.id, e1.id);
    await expect(attach(member1, f.id, e1.id)).rejects.toMatchObject({ details: { fields: [{ field: 'body.fileId', message: 'is attached already' }] } });
  });

  test('every upload and attach is on the audit log with the content’s SHA-256', async () => {
    const f = (await uploadFile(member1, { data: PNG, name: 'evidence.png' })).json();
    await attach(member1, f.id, e1.id);
    const rows = await t.database.query<{ action: string; after: { sha256: string } }>(`select action, after from audit_log where entity_type = 'file' and entity_id = $1 order by id`, [f.id]);
    expect(rows.map((r) => [r.action, r.after.sha256])).toEqual([
      ['file.uploaded', f.sha256],
      ['file.attached', f.sha256],
    ]);
  });
});

describe('abandoned uploads', () => {
  test('uploads nobody attached within a day are deleted with their bytes; attached and recent ones stay', async () => {
    const old = (await uploadFile(member1, { data: PNG, name: 'old.png' })).json();
    const attachedOld = (await uploadFile(member1, { data: PNG, name: 'kept.png' })).json();
    await attach(member1, attachedOld.id, e1.id);
    const recent = (await uploadFile(member1, { data: PNG, name: 'recent.png' })).json();
    await t.database.query(`update files set created_at = now() - interval '25 hours' where id in ($1, $2)`, [old.id, attachedOld.id]);
    const before = storedFiles().length;

    const deleted = await t.services.files.deleteAbandonedUploads();
    expect(deleted).toBe(1);
    expect((await member1.get(`/api/files/${old.id}`)).statusCode).toBe(404);
    expect(storedFiles().length).toBe(before - 2);
    expect(storedFiles().some((f) => f.includes(old.id))).toBe(false);
    for (const id of [attachedOld.id, recent.id]) expect((await member1.get(`/api/files/${id}`)).statusCode).toBe(200);
    expect(await t.services.files.deleteAbandonedUploads()).toBe(0);
    const audit = await t.database.query<{ action: string }>(`select action from audit_log where entity_id = $1 order by id`, [old.id]);
    expect(audit.map((a) => a.action)).toEqual(['file.uploaded', 'file.expired']);
  });
});

describe('the files table', () => {
  test.each([
    ['an owner type without an owner id', `insert into files (purpose, owner_type, uploader_name, original_name, mime_type, size, sha256, storage_key) values ('image', 'x', 'u', 'a', 'image/png', 1, repeat('a', 64), 'k1')`],
    ['an unknown purpose', `insert into files (purpose, uploader_name, original_name, mime_type, size, sha256, storage_key) values ('video', 'u', 'a', 'video/mp4', 1, repeat('a', 64), 'k2')`],
    ['an empty file', `insert into files (purpose, uploader_name, original_name, mime_type, size, sha256, storage_key) values ('image', 'u', 'a', 'image/png', 0, repeat('a', 64), 'k3')`],
    ['a malformed hash', `insert into files (purpose, uploader_name, original_name, mime_type, size, sha256, storage_key) values ('image', 'u', 'a', 'image/png', 1, 'abc', 'k4')`],
    ['an empty name', `insert into files (purpose, uploader_name, original_name, mime_type, size, sha256, storage_key) values ('image', 'u', '', 'image/png', 1, repeat('a', 64), 'k5')`],
  ])('refuses %s (CHECK constraint)', async (_case, statement) => {
    await expect(t.database.query(statement)).rejects.toThrow(/check constraint/);
  });
});
