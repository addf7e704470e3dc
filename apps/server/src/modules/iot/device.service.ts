import type { AuditAction } from '@parkos/contracts';
import { and, asc, count, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import type { RequestContext } from '../../lib/context';
import { conflict, forbidden, notFound, validationError, type FieldIssue } from '../../lib/errors';
import { hasNul } from '../../lib/input-guards';
import { offsetOf, type Page } from '../../lib/pagination';
import { randomToken, sha256Hex } from '../../lib/secrets';
import { assertCanWrite, isGlobalOperator, isOperator, operatorCovers, operatorParkIds, operatorSiteIds, type Actor } from '../identity/actor';
import type { AuditService } from '../identity/audit.service';
import { buildings, floors } from '../parks/parks.table';
import { parseCsv } from './csv';
import type { DeviceAuth } from './device-auth';
import { telemetryRollupFailures } from './history/history.table';
import { deviceIngestErrors, devices, latestValues } from './iot.table';
import type { CreateDeviceInput, DeviceQuery, ImportResult, UpdateDeviceInput } from './iot.schema';
import { DEVICE_TYPES, metricSpecFor, OFFLINE_AFTER_SECONDS, type DeviceType, type IngestErrorReason } from './metrics';
import { commandsTopic, telemetryTopic } from './topics';

export type DeviceRow = typeof devices.$inferSelect;
export type DeviceView = Omit<DeviceRow, 'secretHash'> & { status: 'online' | 'offline'; credentials: 'none' | 'active' | 'revoked' };

const CODE_RE = /^[A-Za-z0-9_.-]{2,64}$/;
// Devices per insert statement of an import (13 bind parameters each, far below PostgreSQL's
// 65,535); their audit entries are written, and logged, per chunk as well.
const IMPORT_CHUNK = 1000;

/** Online/offline is derived from last-seen and the type's threshold when read, never stored. */
export function statusOf(row: Pick<DeviceRow, 'type' | 'lastSeenAt'>, now = Date.now()): 'online' | 'offline' {
  return row.lastSeenAt && now - row.lastSeenAt.getTime() <= OFFLINE_AFTER_SECONDS[row.type] * 1000 ? 'online' : 'offline';
}

function view(row: DeviceRow): DeviceView {
  const { secretHash, ...rest } = row;
  return { ...rest, status: statusOf(row), credentials: row.revokedAt ? 'revoked' : secretHash ? 'active' : 'none' };
}

/** For the audit log: never the hash. */
function auditable(row: DeviceRow): Omit<DeviceRow, 'secretHash' | 'lastSeenAt'> {
  const { secretHash: _h, lastSeenAt: _l, ...rest } = row;
  return rest;
}

const thresholdSql = sql.raw(`(CASE type ${DEVICE_TYPES.map((t) => `WHEN '${t}' THEN ${OFFLINE_AFTER_SECONDS[t]}`).join(' ')} ELSE 900 END)`);
const onlineSql = sql`(${devices.lastSeenAt} IS NOT NULL AND ${devices.lastSeenAt} > now() - make_interval(secs => ${thresholdSql}))`;

function pgCode(err: unknown): string | undefined {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code ?? e?.cause?.code;
}

/** The device registry (设备台账): CRUD, credentials, CSV import. Operators of the device's park or site only. */
export function createDeviceService(deps: { db: Db; audit: AuditService; deviceAuth: DeviceAuth }) {
  const { db, audit, deviceAuth } = deps;

  function assertOperatorActor(actor: Actor): void {
    if (!isOperator(actor)) throw forbidden('Only park operators may manage devices');
  }

  /** Loads a device the actor may see; others' devices are 404, never their data. */
  async function load(q: Db | Tx, actor: Actor, id: string): Promise<DeviceRow> {
    assertOperatorActor(actor);
    const [row] = await q.select().from(devices).where(eq(devices.id, id));
    if (!row || !operatorCovers(actor, row)) throw notFound('device', id);
    return row;
  }

  /** Checks building/floor against the park and fills in site and building. */
  async function resolveLocation(q: Db | Tx, parkId: string, input: { siteId?: string | null; buildingId?: string | null; floorId?: string | null }) {
    let { siteId = null, buildingId = null } = input;
    const floorId = input.floorId ?? null;
    if (floorId) {
      const [floor] = await q.select({ buildingId: floors.buildingId }).from(floors).where(eq(floors.id, floorId));
      if (!floor) throw validationError('body.floorId', 'no such floor');
      if (buildingId && buildingId !== floor.buildingId) throw validationError('body.floorId', 'the floor is not in this building');
      buildingId = floor.buildingId;
    }
    if (buildingId) {
      const [b] = await q.select({ parkId: buildings.parkId, siteId: buildings.siteId }).from(buildings).where(eq(buildings.id, buildingId));
      if (!b || b.parkId !== parkId) throw validationError('body.buildingId', 'no such building in this park');
      siteId = b.siteId;
    }
    return { siteId, buildingId, floorId };
  }

  async function record(tx: Tx, ctx: RequestContext, action: AuditAction, row: DeviceRow, before: unknown, after: unknown) {
    await audit.record(tx, ctx, { action, entityType: 'device', entityId: row.id, before, after, parkId: row.parkId });
  }

  return {
    async findDevices(ctx: RequestContext, query: DeviceQuery): Promise<Page<DeviceView>> {
      const { actor } = ctx;
      assertOperatorActor(actor);
      const where: SQL[] = [];
      if (!isGlobalOperator(actor)) {
        const scope: SQL[] = [];
        const parkIds = operatorParkIds(actor);
        const siteIds = operatorSiteIds(actor);
        if (parkIds.length) scope.push(inArray(devices.parkId, parkIds));
        if (siteIds.length) scope.push(inArray(devices.siteId, siteIds));
        where.push(scope.length ? or(...scope)! : sql`false`);
      }
      if (query.parkId) where.push(eq(devices.parkId, query.parkId));
      if (query.buildingId) where.push(eq(devices.buildingId, query.buildingId));
      if (query.type) where.push(eq(devices.type, query.type));
      if (query.status === 'online') where.push(onlineSql);
      if (query.status === 'offline') where.push(sql`NOT ${onlineSql}`);
      if (query.q) where.push(or(ilike(devices.code, `%${query.q}%`), ilike(devices.name, `%${query.q}%`))!);
      const cond = where.length ? and(...where) : undefined;
      const [rows, [{ n }]] = await Promise.all([
        db.select().from(devices).where(cond).orderBy(asc(devices.code)).limit(query.pageSize).offset(offsetOf(query)),
        db.select({ n: count() }).from(devices).where(cond),
      ]);
      return { items: rows.map(view), total: n, page: query.page, pageSize: query.pageSize };
    },

    /** One device with its latest values, its rejected-input counters and the series its rollups had to skip. */
    async getDevice(ctx: RequestContext, id: string) {
      const row = await load(db, ctx.actor, id);
      const [latest, errors, rollupFailures] = await Promise.all([
        db.select().from(latestValues).where(eq(latestValues.deviceId, id)).orderBy(asc(latestValues.metric)),
        db.select().from(deviceIngestErrors).where(eq(deviceIngestErrors.deviceId, id)).orderBy(asc(deviceIngestErrors.reason)),
        db.select().from(telemetryRollupFailures).where(eq(telemetryRollupFailures.deviceId, id)).orderBy(asc(telemetryRollupFailures.metric)),
      ]);
      return {
        ...view(row),
        // Unit and plausible range from the catalogue, for this device's type (null for a metric no longer catalogued).
        latest: latest.map((l) => {
          const spec = metricSpecFor(row.type, l.metric);
          return { metric: l.metric, value: l.value, ts: l.ts, unit: spec?.unit ?? null, min: spec?.min ?? null, max: spec?.max ?? null };
        }),
        ingestErrors: errors.map((e) => ({ reason: e.reason as IngestErrorReason, count: e.count, lastError: e.lastError, lastAt: e.lastAt })),
        rollupFailures: rollupFailures.map((f) => ({ metric: f.metric, tier: f.tier, from: f.rangeFrom, to: f.rangeTo, failures: f.failures, lastError: f.lastError, lastFailedAt: f.lastFailedAt })),
      };
    },

    async createDevice(ctx: RequestContext, input: CreateDeviceInput): Promise<DeviceView> {
      const { actor } = ctx;
      assertOperatorActor(actor);
      assertCanWrite(actor);
      return db.transaction(async (tx) => {
        const loc = await resolveLocation(tx, input.parkId, input);
        if (!operatorCovers(actor, { parkId: input.parkId, siteId: loc.siteId })) throw forbidden('Only operators of this park may add devices to it');
        const [dup] = await tx.select({ id: devices.id }).from(devices).where(eq(devices.code, input.code));
        if (dup) throw conflict(`A device with code ${input.code} already exists`, { fields: [{ field: 'body.code', message: 'already exists', code: 'already_exists' }] });
        const [row] = await tx
          .insert(devices)
          .values({ ...input, ...loc, tags: input.tags ?? [], metadata: input.metadata ?? {} })
          .returning();
        await record(tx, ctx, 'device.created', row, null, auditable(row));
        return view(row);
      });
    },

    async updateDevice(ctx: RequestContext, id: string, input: UpdateDeviceInput): Promise<DeviceView> {
      assertCanWrite(ctx.actor);
      const updated = await db.transaction(async (tx) => {
        const before = await load(tx, ctx.actor, id);
        const locationChanged = input.buildingId !== undefined || input.floorId !== undefined || input.siteId !== undefined;
        const loc = locationChanged
          ? await resolveLocation(tx, before.parkId, {
              siteId: input.siteId !== undefined ? input.siteId : before.siteId,
              buildingId: input.buildingId !== undefined ? input.buildingId : input.floorId ? null : before.buildingId,
              floorId: input.floorId !== undefined ? input.floorId : input.buildingId !== undefined ? null : before.floorId,
            })
          : {};
        const [row] = await tx
          .update(devices)
          .set({ ...input, ...loc, updatedAt: new Date() })
          .where(eq(devices.id, id))
          .returning();
        await record(tx, ctx, 'device.updated', row, auditable(before), auditable(row));
        return row;
      });
      deviceAuth.invalidate(updated.code);
      return view(updated);
    },

    /** Deletes a device with its history, latest values and counters. */
    async deleteDevice(ctx: RequestContext, id: string): Promise<void> {
      assertCanWrite(ctx.actor);
      const row = await db.transaction(async (tx) => {
        const before = await load(tx, ctx.actor, id);
        await tx.execute(sql`DELETE FROM telemetry WHERE device_id = ${id}`);
        await tx.delete(devices).where(eq(devices.id, id));
        await record(tx, ctx, 'device.deleted', before, auditable(before), null);
        return before;
      });
      deviceAuth.invalidate(row.code, { disconnect: true });
    },

    /** Issues a new secret (the old one stops working) and returns it once; only its hash is kept. */
    async rotateCredentials(ctx: RequestContext, id: string) {
      assertCanWrite(ctx.actor);
      const secret = randomToken('', 32);
      const row = await db.transaction(async (tx) => {
        const before = await load(tx, ctx.actor, id);
        const [row] = await tx
          .update(devices)
          .set({ secretHash: sha256Hex(secret), secretRotatedAt: new Date(), revokedAt: null, updatedAt: new Date() })
          .where(eq(devices.id, id))
          .returning();
        await record(tx, ctx, 'device.credentials_rotated', row, { credentials: view(before).credentials }, { credentials: 'active', secretRotatedAt: row.secretRotatedAt });
        return row;
      });
      deviceAuth.invalidate(row.code, { disconnect: true });
      return { deviceId: row.id, username: row.code, secret, rotatedAt: row.secretRotatedAt!, mqtt: { telemetryTopic: telemetryTopic(row.code), commandsTopic: commandsTopic(row.code) } };
    },

    /** Revokes the device's credentials: its sessions end and it can no longer log in. */
    async revokeCredentials(ctx: RequestContext, id: string): Promise<void> {
      assertCanWrite(ctx.actor);
      const row = await db.transaction(async (tx) => {
        const before = await load(tx, ctx.actor, id);
        const [row] = await tx.update(devices).set({ secretHash: null, revokedAt: new Date(), updatedAt: new Date() }).where(eq(devices.id, id)).returning();
        await record(tx, ctx, 'device.credentials_revoked', row, { credentials: view(before).credentials }, { credentials: 'revoked', revokedAt: row.revokedAt });
        return row;
      });
      deviceAuth.invalidate(row.code, { disconnect: true });
    },

    /**
     * Bulk import from CSV (columns code,name,type,building,floor,x,y,lat,lon,tags;
     * building by name or id, floor by level or name, tags separated by `;`).
     * Rows are numbered as in a spreadsheet (the header is row 1).
     */
    /** `csv` text, or `rows` already read (Excel import; `field` names the upload in errors). */
    async importDevices(ctx: RequestContext, input: { parkId: string; csv?: string; rows?: string[][]; field?: string; mode: 'all_or_nothing' | 'valid_rows_only' }): Promise<ImportResult> {
      const { actor } = ctx;
      assertOperatorActor(actor);
      assertCanWrite(actor);
      if (!operatorCovers(actor, { parkId: input.parkId })) throw forbidden('Only operators of this park may import devices into it');
      const source = input.field ?? 'body.csv';
      const table = (input.rows ?? parseCsv(input.csv ?? '')).filter((r) => r.some((f) => f.trim() !== ''));
      if (table.length === 0) throw validationError(source, 'is empty');
      const header = table[0].map((h) => h.trim().toLowerCase());
      const col = (name: string) => header.indexOf(name);
      for (const required of ['code', 'name', 'type']) if (col(required) < 0) throw validationError(source, `the header has no ${required} column`);
      if (table.length - 1 > 10_000) throw validationError(source, 'at most 10,000 devices per import');

      const parkBuildings = await db.select({ id: buildings.id, name: buildings.name, siteId: buildings.siteId }).from(buildings).where(eq(buildings.parkId, input.parkId));
      const parkFloors = parkBuildings.length
        ? await db.select({ id: floors.id, buildingId: floors.buildingId, level: floors.level, name: floors.name }).from(floors).where(inArray(floors.buildingId, parkBuildings.map((b) => b.id)))
        : [];
      // A code with U+0000 is refused per row below; PostgreSQL would refuse the whole lookup.
      const codes = table.slice(1).map((r) => (r[col('code')] ?? '').trim()).filter((c) => c && !hasNul(c));
      const existing = new Set(codes.length ? (await db.select({ code: devices.code }).from(devices).where(inArray(devices.code, codes))).map((r) => r.code) : []);

      const errors: ImportResult['errors'] = [];
      const seen = new Set<string>();
      const valid: (typeof devices.$inferInsert)[] = [];
      table.slice(1).forEach((cells, i) => {
        const rowNo = i + 2;
        const get = (name: string) => (col(name) >= 0 ? (cells[col(name)] ?? '').trim() : '');
        const rowErrors: FieldIssue[] = [];
        // An .xlsx can carry U+0000 (written _x0000_), which PostgreSQL text refuses.
        cells.forEach((cell, j) => {
          if (hasNul(cell)) rowErrors.push({ field: header[j] || `column ${j + 1}`, message: 'must not contain the character U+0000' });
        });
        const code = get('code');
        if (!CODE_RE.test(code)) rowErrors.push({ field: 'code', message: 'must be 2–64 letters, digits, dot, dash or underscore' });
        else if (seen.has(code)) rowErrors.push({ field: 'code', message: 'appears twice in the file' });
        else if (existing.has(code)) rowErrors.push({ field: 'code', message: 'a device with this code already exists' });
        seen.add(code);
        const name = get('name');
        if (!name || name.length > 200) rowErrors.push({ field: 'name', message: 'is required (at most 200 characters)' });
        const type = get('type') as DeviceType;
        if (!DEVICE_TYPES.includes(type)) rowErrors.push({ field: 'type', message: `must be one of ${DEVICE_TYPES.join(', ')}` });
        let building: (typeof parkBuildings)[number] | undefined;
        const buildingRef = get('building');
        if (buildingRef) {
          building = parkBuildings.find((b) => b.id === buildingRef) ?? parkBuildings.find((b) => b.name === buildingRef);
          if (!building) rowErrors.push({ field: 'building', message: `no building ${buildingRef} in this park` });
        }
        let floorId: string | null = null;
        const floorRef = get('floor');
        if (floorRef) {
          if (!buildingRef) rowErrors.push({ field: 'floor', message: 'a floor needs a building' });
          else if (building) {
            const f = parkFloors.find((fl) => fl.buildingId === building.id && (fl.id === floorRef || fl.name === floorRef || String(fl.level) === floorRef));
            if (!f) rowErrors.push({ field: 'floor', message: `no floor ${floorRef} in ${building.name}` });
            else floorId = f.id;
          }
        }
        const num = (field: string, min: number, max: number): number | null => {
          const raw = get(field);
          if (!raw) return null;
          const v = Number(raw);
          if (!Number.isFinite(v) || v < min || v > max) {
            rowErrors.push({ field, message: `must be a number between ${min} and ${max}` });
            return null;
          }
          return v;
        };
        const x = num('x', -1e9, 1e9);
        const y = num('y', -1e9, 1e9);
        const lat = num('lat', -90, 90);
        const lon = num('lon', -180, 180);
        const tags = get('tags')
          .split(/[;|]/)
          .map((t) => t.trim())
          .filter(Boolean);
        if (tags.some((t) => t.length > 40) || tags.length > 50) rowErrors.push({ field: 'tags', message: 'at most 50 tags of at most 40 characters' });
        if (rowErrors.length) errors.push(...rowErrors.map((e) => ({ row: rowNo, ...e })));
        else valid.push({ code, name, type, parkId: input.parkId, siteId: building?.siteId ?? null, buildingId: building?.id ?? null, floorId, x, y, lat, lon, tags, metadata: {} });
      });

      const rows = table.length - 1;
      if (valid.length === 0 || (errors.length && input.mode === 'all_or_nothing')) return { mode: input.mode, rows, created: 0, errors };
      try {
        // One transaction for devices, their audit entries and the entries' ledger leaves: a
        // failure or crash anywhere leaves none of them. Each device keeps its own entry (and
        // inclusion proof); the entries of a chunk are written, and logged under one ledger
        // lock, together instead of one append per device.
        await db.transaction(async (tx) => {
          for (let i = 0; i < valid.length; i += IMPORT_CHUNK) {
            const created = await tx.insert(devices).values(valid.slice(i, i + IMPORT_CHUNK)).returning();
            await audit.recordMany(
              tx,
              ctx,
              created.map((row) => ({ action: 'device.created', entityType: 'device', entityId: row.id, before: null, after: { ...auditable(row), via: 'csv_import' }, parkId: row.parkId })),
            );
          }
        });
      } catch (err) {
        if (pgCode(err) === '23505') throw conflict('Another import or request created one of these device codes meanwhile; try again');
        throw err;
      }
      return { mode: input.mode, rows, created: valid.length, errors };
    },
  };
}

export type DeviceService = ReturnType<typeof createDeviceService>;

