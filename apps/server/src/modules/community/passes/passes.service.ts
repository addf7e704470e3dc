import { and, count, desc, eq, gte, inArray, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import type { RequestContext } from '../../../lib/context';
import { AppError, ErrorCode, forbidden, notFound, validationError } from '../../../lib/errors';
import { offsetOf, type Page } from '../../../lib/pagination';
import { randomToken, sha256Hex } from '../../../lib/secrets';
import { assertCanWrite, enterpriseIdsOf, isGlobalOperator, isOperator, operatorCovers, operatorParkIds, operatorSiteIds, type Actor } from '../../identity/actor';
import type { AuditService } from '../../identity/audit.service';
import { users } from '../../identity/identity.table';
import { devices } from '../../iot/iot.table';
import { normalisePlate, PLATE_RE } from '../../parks/parks.service';
import { enterprises, parks } from '../../parks/parks.table';
import { MAINLAND_MOBILE_RE, normaliseMobile } from '@parkos/contracts';
import { signPass, type PassScope } from './pass-codec';
import { findPassPublicKeys, loadPassSigner, type PassSigner } from './pass-keys';
import type { CreateInvitationBody, PassQuery, PassView, PassWithQr, ScanListQuery, ScanStatsQuery } from './passes.schema';
import { passes, passScans } from './passes.table';
import type { Gate, ScanVerifier } from './scan-verifier';

type PassRow = typeof passes.$inferSelect;

export interface PassesSettings {
  /** How long a member's QR stays valid after it is shown (the page refreshes it). */
  memberQrTtlMs: number;
  /** How long a member's pass record lasts before it is renewed. */
  memberPassDays: number;
  signingKey?: string;
  env: 'development' | 'production' | 'test';
}

function statusOf(p: Pick<PassRow, 'revokedAt' | 'validFrom' | 'validTo'>, now = new Date()): PassView['status'] {
  if (p.revokedAt) return 'revoked';
  if (p.validTo <= now) return 'expired';
  if (p.validFrom > now) return 'upcoming';
  return 'active';
}

function auditable(p: PassRow) {
  return { kind: p.kind, parkId: p.parkId, siteId: p.siteId, gateIds: p.gateIds, enterpriseId: p.enterpriseId, holderUserId: p.holderUserId, visitorName: p.visitorName, visitorPlate: p.visitorPlate, validFrom: p.validFrom, validTo: p.validTo, revokedAt: p.revokedAt, revokeReason: p.revokeReason };
}

const GATE_TTL_MS = 60_000;

/**
 * Passes (通行码): members' personal passes, visitor invitations with an
 * unguessable link, revocation, the signed QR text, the gate scan endpoint's
 * gate lookup, and the scan log and its statistics.
 */
export function createPassesService(deps: { database: Database; audit: AuditService; verifier: ScanVerifier; settings: PassesSettings }) {
  const { database, audit, verifier, settings } = deps;
  const { db } = database;
  let signerPromise: Promise<PassSigner> | undefined;
  const signer = () => (signerPromise ??= loadPassSigner(db, { configuredKey: settings.signingKey, env: settings.env }).catch((err: unknown) => {
    signerPromise = undefined;
    throw err;
  }));
  const gates = new Map<string, { gate: Gate | null; expires: number }>();

  const columns = { pass: passes, enterpriseName: enterprises.legalName, holderName: users.displayName };

  function view(r: { pass: PassRow; enterpriseName: string; holderName: string | null }): PassView {
    const p = r.pass;
    return {
      id: p.id,
      kind: p.kind,
      parkId: p.parkId,
      siteId: p.siteId,
      gateIds: p.gateIds,
      enterpriseId: p.enterpriseId,
      enterpriseName: r.enterpriseName,
      holderUserId: p.holderUserId,
      holderName: r.holderName,
      visitorName: p.visitorName,
      purpose: p.purpose,
      visitorPhone: p.visitorPhone,
      visitorPlate: p.visitorPlate,
      invitedById: p.invitedById,
      validFrom: p.validFrom,
      validTo: p.validTo,
      status: statusOf(p),
      revokedAt: p.revokedAt,
      revokeReason: p.revokeReason,
      createdAt: p.createdAt,
    };
  }

  async function getView(id: string): Promise<PassView> {
    const [row] = await db.select(columns).from(passes).innerJoin(enterprises, eq(enterprises.id, passes.enterpriseId)).leftJoin(users, eq(users.id, passes.holderUserId)).where(eq(passes.id, id));
    if (!row) throw notFound('pass', id);
    return view(row);
  }

  /** Signs the QR for a pass: members get a short-lived code, visitors one for their whole window. */
  async function qrOf(p: PassRow): Promise<PassWithQr['qr']> {
    const now = Date.now();
    if (statusOf(p) === 'revoked' || statusOf(p) === 'expired') return null;
    const s = await signer();
    const from = p.kind === 'member' ? new Date(Math.max(p.validFrom.getTime(), now - 60_000)) : p.validFrom;
    const to = p.kind === 'member' ? new Date(Math.min(p.validTo.getTime(), now + settings.memberQrTtlMs)) : p.validTo;
    const scope: PassScope = p.gateIds.length ? { kind: 'gates', gateIds: p.gateIds } : p.siteId ? { kind: 'site', siteId: p.siteId } : { kind: 'park' };
    const notBefore = Math.floor(from.getTime() / 1000);
    const notAfter = Math.ceil(to.getTime() / 1000);
    const text = signPass(
      { keyId: s.keyIdBytes, passId: p.id, holderKind: p.kind, holderId: p.kind === 'member' ? p.holderUserId! : p.id, notBefore, notAfter, parkId: p.parkId, scope },
      s.privateKey,
    );
    return { text, validFrom: new Date(notBefore * 1000), validTo: new Date(notAfter * 1000), keyId: s.keyId };
  }

  /** The enterprise an actor acts for (their first, or the one asked for). */
  async function enterpriseFor(actor: Actor, enterpriseId: string | undefined): Promise<{ id: string; parkId: string; siteId: string | null }> {
    const mine = enterpriseIdsOf(actor);
    const id = enterpriseId ?? mine[0];
    if (!id) throw forbidden('Only members of a tenant enterprise have passes');
    const [e] = await db.select({ id: enterprises.id, parkId: enterprises.parkId, siteId: enterprises.siteId }).from(enterprises).where(eq(enterprises.id, id));
    if (!e) throw notFound('enterprise', id);
    if (!mine.includes(id) && !operatorCovers(actor, e)) throw notFound('enterprise', id);
    return e;
  }

  /** What an actor may see: operators their parks/sites; enterprise admins their enterprise; members their own. */
  function visibility(actor: Actor): SQL | undefined {
    if (isGlobalOperator(actor)) return undefined;
    const parts: SQL[] = [];
    const parkIds = operatorParkIds(actor);
    const siteIds = operatorSiteIds(actor);
    if (parkIds.length) parts.push(inArray(passes.parkId, parkIds));
    if (siteIds.length) parts.push(inArray(enterprises.siteId, siteIds));
    const adminOf = enterpriseIdsOf(actor, ['enterprise_admin']);
    if (adminOf.length) parts.push(inArray(passes.enterpriseId, adminOf));
    if (actor.via !== 'system') parts.push(eq(passes.holderUserId, actor.userId), eq(passes.invitedById, actor.userId));
    return parts.length ? or(...parts) : sql`false`;
  }

  function canManage(actor: Actor, p: PassRow, siteOfEnterprise: string | null): boolean {
    if (operatorCovers(actor, { parkId: p.parkId, siteId: p.siteId ?? siteOfEnterprise })) return true;
    if (p.kind === 'visitor' && enterpriseIdsOf(actor, ['enterprise_admin']).includes(p.enterpriseId)) return true;
    return p.kind === 'visitor' && actor.via !== 'system' && p.invitedById === actor.userId;
  }

  function operatorScope(actor: Actor, column: typeof passScans.parkId, parkId?: string): SQL | undefined {
    if (!isOperator(actor)) throw forbidden('Only park operators may read the scan log');
    const parts: SQL[] = [];
    if (parkId) {
      if (!isGlobalOperator(actor) && !operatorParkIds(actor).includes(parkId)) throw notFound('park', parkId);
      parts.push(eq(column, parkId));
    } else if (!isGlobalOperator(actor)) {
      const ids = operatorParkIds(actor);
      if (!ids.length) throw forbidden('Site operators read the scan log of their park operator');
      parts.push(inArray(column, ids));
    }
    return parts.length ? and(...parts) : undefined;
  }

  return {
    verifier,

    /** The member's personal pass (created on first use) with a fresh QR. */
    async getMyPass(ctx: RequestContext, enterpriseId?: string): Promise<PassWithQr> {
      const { actor } = ctx;
      const e = await enterpriseFor(actor, enterpriseId);
      if (!enterpriseIdsOf(actor).includes(e.id)) throw forbidden('Only members of a tenant enterprise have passes');
      const now = new Date();
      const [existing] = await db
        .select()
        .from(passes)
        .where(and(eq(passes.kind, 'member'), eq(passes.holderUserId, actor.userId), eq(passes.enterpriseId, e.id), isNull(passes.revokedAt), gte(passes.validTo, new Date(now.getTime() + 24 * 3600_000))))
        .orderBy(desc(passes.createdAt))
        .limit(1);
      let row = existing;
      if (!row) {
        assertCanWrite(actor);
        row = await db.transaction(async (tx) => {
          const [created] = await tx
            .insert(passes)
            .values({ kind: 'member', parkId: e.parkId, enterpriseId: e.id, holderUserId: actor.userId, validFrom: now, validTo: new Date(now.getTime() + settings.memberPassDays * 24 * 3600_000) })
            .returning();
          await audit.record(tx, ctx, { action: 'pass.issued', entityType: 'pass', entityId: created.id, after: auditable(created), parkId: created.parkId, enterpriseId: created.enterpriseId });
          return created;
        });
      }
      return { pass: await getView(row.id), qr: await qrOf(row) };
    },

    /** A visitor invitation for a time window; the link token is returned once. */
    async createInvitation(ctx: RequestContext, body: CreateInvitationBody): Promise<PassWithQr & { linkToken: string; linkPath: string }> {
      const { actor } = ctx;
      assertCanWrite(actor);
      const e = await enterpriseFor(actor, body.enterpriseId);
      if (!enterpriseIdsOf(actor).includes(e.id) && !operatorCovers(actor, e)) throw forbidden('Only the enterprise’s admins and members may invite visitors');
      if (body.validTo.getTime() <= Date.now()) throw validationError('body.validTo', 'must be in the future');
      if (body.siteId && body.gateIds) throw validationError('body.gateIds', 'give a site or gates, not both');
      if (body.siteId) {
        const [site] = await database.query<{ park_id: string }>('select park_id from sites where id = $1', [body.siteId]);
        if (!site || site.park_id !== e.parkId) throw validationError('body.siteId', 'not a site of the enterprise’s park');
      }
      if (body.gateIds) {
        const found = await db.select({ id: devices.id }).from(devices).where(and(inArray(devices.id, body.gateIds), eq(devices.parkId, e.parkId)));
        if (found.length !== new Set(body.gateIds).size) throw validationError('body.gateIds', 'every gate must be a device of the enterprise’s park');
      }
      const visitorPhone = body.visitorPhone ? normaliseMobile(body.visitorPhone) : null;
      if (visitorPhone !== null && !MAINLAND_MOBILE_RE.test(visitorPhone)) throw validationError('body.visitorPhone', 'is not a mainland mobile number (11 digits, 1[3-9]…)');
      const visitorPlate = body.visitorPlate ? normalisePlate(body.visitorPlate) : null;
      if (visitorPlate !== null && !PLATE_RE.test(visitorPlate)) throw validationError('body.visitorPlate', 'is not a Chinese vehicle plate (GA 36-2018), e.g. 川A12345 or 川AD12345');
      const linkToken = randomToken('', 24);
      const row = await db.transaction(async (tx) => {
        const [created] = await tx
          .insert(passes)
          .values({
            kind: 'visitor',
            parkId: e.parkId,
            siteId: body.siteId ?? null,
            gateIds: body.gateIds ?? [],
            enterpriseId: e.id,
            visitorName: body.visitorName,
            purpose: body.purpose ?? null,
            visitorPhone,
            visitorPlate,
            invitedById: actor.via === 'system' ? null : actor.userId,
            validFrom: body.validFrom,
            validTo: body.validTo,
            linkTokenHash: sha256Hex(linkToken),
          })
          .returning();
        await audit.record(tx, ctx, { action: 'pass.invited', entityType: 'pass', entityId: created.id, after: auditable(created), parkId: created.parkId, enterpriseId: created.enterpriseId });
        return created;
      });
      return { pass: await getView(row.id), qr: await qrOf(row), linkToken, linkPath: `/visit/${linkToken}` };
    },

    async findPasses(ctx: RequestContext, query: PassQuery): Promise<Page<PassView>> {
      const where: SQL[] = [];
      const scope = visibility(ctx.actor);
      if (scope) where.push(scope);
      if (query.kind) where.push(eq(passes.kind, query.kind));
      if (query.parkId) where.push(eq(passes.parkId, query.parkId));
      if (query.status === 'revoked') where.push(isNotNull(passes.revokedAt));
      if (query.status === 'active') where.push(isNull(passes.revokedAt), gte(passes.validTo, new Date()));
      if (query.validOn) where.push(isNull(passes.revokedAt), lt(passes.validFrom, new Date(query.validOn.getTime() + 24 * 3600_000)), gte(passes.validTo, query.validOn));
      const cond = where.length ? and(...where) : undefined;
      const base = db.select(columns).from(passes).innerJoin(enterprises, eq(enterprises.id, passes.enterpriseId)).leftJoin(users, eq(users.id, passes.holderUserId));
      const rows = await base.where(cond).orderBy(desc(passes.createdAt)).limit(query.pageSize).offset(offsetOf(query));
      const [{ n }] = await db.select({ n: count() }).from(passes).innerJoin(enterprises, eq(enterprises.id, passes.enterpriseId)).where(cond);
      return { items: rows.map(view), total: n, page: query.page, pageSize: query.pageSize };
    },

    async getPass(ctx: RequestContext, id: string): Promise<PassWithQr> {
      const scope = visibility(ctx.actor);
      const [row] = await db.select({ pass: passes }).from(passes).innerJoin(enterprises, eq(enterprises.id, passes.enterpriseId)).where(scope ? and(eq(passes.id, id), scope) : eq(passes.id, id));
      if (!row) throw notFound('pass', id);
      const mayShowQr = row.pass.holderUserId === ctx.actor.userId || row.pass.invitedById === ctx.actor.userId || enterpriseIdsOf(ctx.actor, ['enterprise_admin']).includes(row.pass.enterpriseId);
      return { pass: await getView(id), qr: mayShowQr ? await qrOf(row.pass) : null };
    },

    /** Operators revoke any pass in scope; the inviter and the enterprise's admins their visitors' passes. */
    async revokePass(ctx: RequestContext, id: string, reason: string): Promise<PassView> {
      const { actor } = ctx;
      assertCanWrite(actor);
      const revoked = await db.transaction(async (tx) => {
        const [row] = await tx.select({ pass: passes, siteId: enterprises.siteId }).from(passes).innerJoin(enterprises, eq(enterprises.id, passes.enterpriseId)).where(eq(passes.id, id)).for('update', { of: passes });
        if (!row) throw notFound('pass', id);
        if (!canManage(actor, row.pass, row.siteId)) {
          const sees = row.pass.holderUserId === actor.userId || enterpriseIdsOf(actor).includes(row.pass.enterpriseId);
          throw sees ? forbidden('Only park operators may revoke this pass') : notFound('pass', id);
        }
        if (row.pass.revokedAt) throw new AppError(ErrorCode.CONFLICT, { message: 'The pass is already revoked' });
        const [after] = await tx
          .update(passes)
          .set({ revokedAt: new Date(), revokedById: actor.via === 'system' ? null : actor.userId, revokeReason: reason, updatedAt: new Date() })
          .where(eq(passes.id, id))
          .returning();
        await audit.record(tx, ctx, { action: 'pass.revoked', entityType: 'pass', entityId: id, before: auditable(row.pass), after: auditable(after), parkId: after.parkId, enterpriseId: after.enterpriseId });
        return after;
      });
      verifier.markRevoked(revoked.id);
      return getView(id);
    },

    /** The visitor's page: anyone holding the link. */
    async getVisitorPass(token: string) {
      const [row] = await db
        .select({ pass: passes, parkName: parks.name, enterpriseName: enterprises.legalName })
        .from(passes)
        .innerJoin(parks, eq(parks.id, passes.parkId))
        .innerJoin(enterprises, eq(enterprises.id, passes.enterpriseId))
        .where(and(eq(passes.linkTokenHash, sha256Hex(token)), eq(passes.kind, 'visitor')));
      if (!row) throw notFound('visitor pass');
      const p = row.pass;
      return { visitorName: p.visitorName ?? '', parkName: row.parkName, enterpriseName: row.enterpriseName, purpose: p.purpose, visitorPlate: p.visitorPlate, validFrom: p.validFrom, validTo: p.validTo, status: statusOf(p), qr: await qrOf(p) };
    },

    async getPublicKeys() {
      await signer();
      return { format: 'PK1' as const, keys: await findPassPublicKeys(db) };
    },

    /** The gate behind a device credential: a `gate_camera` device or one tagged `gate`; null otherwise. */
    async gateOf(device: { id: string; code: string }): Promise<Gate | null> {
      const hit = gates.get(device.id);
      if (hit && hit.expires > Date.now()) return hit.gate;
      const [d] = await database.query<{ id: string; code: string; park_id: string; site_id: string | null; type: string; tags: string[] }>('select id, code, park_id, site_id, type, tags from devices where id = $1', [device.id]);
      const gate = d && (d.type === 'gate_camera' || d.tags.includes('gate')) ? { id: d.id, code: d.code, parkId: d.park_id, siteId: d.site_id } : null;
      gates.set(device.id, { gate, expires: Date.now() + GATE_TTL_MS });
      return gate;
    },

    async findScans(ctx: RequestContext, query: ScanListQuery) {
      const where: SQL[] = [];
      const scope = operatorScope(ctx.actor, passScans.parkId, query.parkId);
      if (scope) where.push(scope);
      if (query.gateId) where.push(eq(passScans.gateId, query.gateId));
      if (query.passId) where.push(eq(passScans.passId, query.passId));
      if (query.result) where.push(eq(passScans.result, query.result));
      if (query.from) where.push(gte(passScans.scannedAt, query.from));
      if (query.to) where.push(lt(passScans.scannedAt, query.to));
      const cond = where.length ? and(...where) : undefined;
      const rows = await db
        .select({ scan: passScans, gateCode: devices.code, gateName: devices.name, holderName: sql<string | null>`coalesce(${users.displayName}, ${passes.visitorName})` })
        .from(passScans)
        .leftJoin(devices, eq(devices.id, passScans.gateId))
        .leftJoin(passes, eq(passes.id, passScans.passId))
        .leftJoin(users, eq(users.id, passes.holderUserId))
        .where(cond)
        .orderBy(desc(passScans.scannedAt), desc(passScans.id))
        .limit(query.pageSize)
        .offset(offsetOf(query));
      const [{ n }] = await db.select({ n: count() }).from(passScans).where(cond);
      return {
        items: rows.map(({ scan: s, gateCode, gateName, holderName }) => ({ id: s.id, gateId: s.gateId, gateCode, gateName, holderName, passId: s.passId, holderKind: s.holderKind, nonce: s.nonce, result: s.result, reason: s.reason, via: s.via, scannedAt: s.scannedAt })),
        total: n,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    /** Scans per gate and hour, and refusals by reason (default: the last 24 hours). */
    async getScanStats(ctx: RequestContext, query: ScanStatsQuery) {
      const to = query.to ?? new Date();
      const from = query.from ?? new Date(to.getTime() - 24 * 3600_000);
      if (to.getTime() - from.getTime() > 31 * 24 * 3600_000) throw validationError('query.from', 'at most 31 days');
      const where: SQL[] = [gte(passScans.scannedAt, from), lt(passScans.scannedAt, to)];
      const scope = operatorScope(ctx.actor, passScans.parkId, query.parkId);
      if (scope) where.push(scope);
      const hour = sql<Date>`date_trunc('hour', ${passScans.scannedAt})`;
      const rows = await db
        .select({
          gateId: passScans.gateId,
          gateCode: sql<string>`coalesce(${devices.code}, ${passScans.gateId}::text)`,
          gateName: sql<string>`coalesce(${devices.name}, ${devices.code}, ${passScans.gateId}::text)`,
          hour,
          accepted: sql<number>`count(*) filter (where ${passScans.result} = 'accepted')::int`,
          rejected: sql<number>`count(*) filter (where ${passScans.result} = 'rejected')::int`,
        })
        .from(passScans)
        .leftJoin(devices, eq(devices.id, passScans.gateId))
        .where(and(...where))
        .groupBy(passScans.gateId, devices.code, devices.name, hour)
        .orderBy(hour);
      const reasons = await db
        .select({ reason: passScans.reason, count: sql<number>`count(*)::int` })
        .from(passScans)
        .where(and(...where, eq(passScans.result, 'rejected')))
        .groupBy(passScans.reason);
      return { from, to, buckets: rows.map((r) => ({ ...r, hour: new Date(r.hour) })), byReason: reasons };
    },
  };
}

export type PassesService = ReturnType<typeof createPassesService>;
