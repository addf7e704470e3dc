import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildPark, buildUser, TEST_PASSWORD } from '../../../testing/builders';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/test-app';

type Built = Awaited<ReturnType<typeof buildPark>>;
let t: TestApp;
let op: TestClient;
let park: Built;
let other: Built;

beforeAll(async () => {
  t = await createTestApp();
  park = await buildPark(t.services);
  other = await buildPark(t.services);
  await buildUser(t.services, 'xlsx-op', [{ role: 'operator', scopeType: 'park', scopeId: park.park.id }]);
  op = await t.login('xlsx-op', TEST_PASSWORD);
});
afterAll(async () => {
  await t?.close();
});

/** An .xlsx built in the test: header row, then rows (numbers stay numbers, as Excel stores them). */
async function workbook(rows: (string | number | null)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('设备');
  for (const r of rows) ws.addRow(r);
  wb.addWorksheet('ignored').addRow(['code', 'name', 'type']);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

const header = ['code', 'name', 'type', 'building', 'floor', 'x', 'y', 'lat', 'lon', 'tags'];

describe('device import from Excel', () => {
  test('valid rows are created with building, floor and numbers; the report names each bad row and field like the CSV import', async () => {
    const xlsx = await workbook([
      header,
      ['xl-001', '一号楼温湿度', 'environment_sensor', park.building.name, 1, 12.5, 40, null, null, 'lobby;east'],
      ['xl-002', '灌溉阀 A', 'irrigation_valve', null, null, null, null, 30.66, 104.06, null],
      ['bad code!', '坏编码', 'camera', null, null, null, null, null, null, null],
      ['xl-003', '未知类型', 'toaster', null, null, null, null, null, null, null],
      ['xl-004', '坐标越界', 'camera', null, null, null, null, 123, null, null],
    ]);
    const strict = await op.post('/api/devices/import/xlsx', { parkId: park.park.id, xlsx, mode: 'all_or_nothing' });
    expect(strict.statusCode, strict.body).toBe(200);
    expect(strict.json()).toMatchObject({ rows: 5, created: 0 });
    const errors = strict.json().errors as { row: number; field: string }[];
    expect(errors.map((e) => [e.row, e.field])).toEqual([
      [4, 'code'],
      [5, 'type'],
      [6, 'lat'],
    ]);

    const lenient = await op.post('/api/devices/import/xlsx', { parkId: park.park.id, xlsx, mode: 'valid_rows_only' });
    expect(lenient.statusCode, lenient.body).toBe(200);
    expect(lenient.json()).toMatchObject({ rows: 5, created: 2 });
    const list = (await op.get(`/api/devices?q=xl-00&parkId=${park.park.id}`)).json().items as { code: string; floorId: string | null; x: number | null; tags: string[]; type: string; lat: number | null }[];
    const one = list.find((d) => d.code === 'xl-001')!;
    expect(one).toMatchObject({ floorId: park.floor.id, x: 12.5, tags: ['lobby', 'east'] });
    expect(list.find((d) => d.code === 'xl-002')).toMatchObject({ type: 'irrigation_valve', lat: 30.66 });

    // The same file again: every code now exists.
    const again = await op.post('/api/devices/import/xlsx', { parkId: park.park.id, xlsx, mode: 'valid_rows_only' });
    expect((again.json().errors as { row: number; field: string; message: string }[]).filter((e) => e.field === 'code' && /already exists/.test(e.message)).map((e) => e.row)).toEqual([2, 3]);
  });

  test('a cell with U+0000 (written _x0000_ in the file) is a row error, not a database error', async () => {
    // The file holds the escape _x0000_ (ExcelJS writes the text as is), which readers decode to U+0000.
    const xlsx = await workbook([
      ['code', 'name', 'type', 'tags'],
      ['xl-nul-1', 'a_x0000_b', 'camera', 'a'],
      ['xl-nul-2', '好名字', 'camera', 'x_x0000_'],
    ]);
    const res = await op.post('/api/devices/import/xlsx', { parkId: park.park.id, xlsx, mode: 'valid_rows_only' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ rows: 2, created: 0 });
    expect((res.json().errors as { row: number; field: string }[]).map((e) => [e.row, e.field])).toEqual([
      [2, 'name'],
      [3, 'tags'],
    ]);
  });

  test('not a workbook, or a header without the required columns, is 400 naming body.xlsx', async () => {
    const junk = await op.post('/api/devices/import/xlsx', { parkId: park.park.id, xlsx: Buffer.from('code,name,type\n').toString('base64') });
    expect(junk.statusCode).toBe(400);
    expect(JSON.stringify(junk.json().details)).toContain('body.xlsx');
    const noType = await op.post('/api/devices/import/xlsx', { parkId: park.park.id, xlsx: await workbook([['code', 'name'], ['a1', 'A']]) });
    expect(noType.statusCode).toBe(400);
    expect(noType.json().message).toMatch(/type/);
  });

  test('another park’s operator cannot import into this park', async () => {
    const xlsx = await workbook([header, ['xl-other-1', 'x', 'camera']]);
    const res = await op.post('/api/devices/import/xlsx', { parkId: other.park.id, xlsx });
    expect(res.statusCode).toBe(403);
  });
});
