import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client';
import type { RequestContext } from '../../lib/context';
import { forbidden, notFound } from '../../lib/errors';
import { isGlobalOperator, isOperator, operatorParkIds, operatorSiteIds } from '../identity/actor';
import type { Dashboard, DashboardQuery } from './dashboard.schema';

const SHANGHAI_MS = 8 * 3_600_000;

/** Midnight of today in the park's time (Asia/Shanghai), and the month `YYYY-MM` it belongs to. */
export function parkToday(now: Date = new Date()): { from: Date; month: string } {
  const local = new Date(now.getTime() + SHANGHAI_MS);
  const midnight = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - SHANGHAI_MS;
  return { from: new Date(midnight), month: local.toISOString().slice(0, 7) };
}

const ids = (xs: readonly string[]) => sql.join(xs.map((id) => sql`${id}::uuid`), sql`, `);

/**
 * The operator's workbench figures, computed in one round of queries within the
 * parks (or sites) the operator covers. Each figure matches the filter of the
 * list it links to, so the number on the card is the number of rows there.
 */
export function createDashboardService(deps: { db: Db }) {
  const { db } = deps;

  /** The area condition: park column, and for site-only operators the site column. */
  function areaOf(ctx: RequestContext, query: DashboardQuery): (park: string, site: string | null) => SQL {
    const { actor } = ctx;
    if (!isOperator(actor)) throw forbidden('Only park operators have a workbench');
    const parkIds = operatorParkIds(actor);
    const siteIds = operatorSiteIds(actor);
    if (query.parkId && !isGlobalOperator(actor) && !parkIds.includes(query.parkId) && !siteIds.length) throw notFound('park', query.parkId);
    return (park, site) => {
      const col = (c: string) => sql.raw(c);
      const parts: SQL[] = [];
      if (query.parkId) parts.push(sql`${col(park)} = ${query.parkId}::uuid`);
      if (!isGlobalOperator(actor)) {
        const or: SQL[] = [];
        if (parkIds.length) or.push(sql`${col(park)} IN (${ids(parkIds)})`);
        if (siteIds.length && site) or.push(sql`${col(site)} IN (${ids(siteIds)})`);
        parts.push(or.length ? sql`(${sql.join(or, sql` OR `)})` : sql`false`);
      }
      return parts.length ? sql.join(parts, sql` AND `) : sql`true`;
    };
  }

  return {
    async getDashboard(ctx: RequestContext, query: DashboardQuery): Promise<Dashboard> {
      const area = areaOf(ctx, query);
      const { from, month } = parkToday();
      const num = (v: unknown) => Number(v ?? 0);
      const [alarms, orders, bills, payments, visitors, scans] = await Promise.all([
        rowsOf<{ severity: string; n: number }>(db, sql`SELECT a.severity, count(*)::int AS n FROM alarms a WHERE a.state IN ('active', 'acknowledged') AND ${area('a.park_id', 'a.site_id')} GROUP BY 1`),
        rowsOf<{ status: string; n: number; overdue: number; breached: number }>(
          db,
          sql`SELECT w.status, count(*)::int AS n,
                count(*) FILTER (WHERE (w.status IN ('new', 'dispatched') AND w.response_due_at < now()) OR (w.status IN ('accepted', 'in_progress') AND w.resolution_due_at < now()))::int AS overdue,
                count(*) FILTER (WHERE w.resolution_due_at >= ${from} AND w.resolution_due_at < now() AND (w.resolved_at IS NULL OR w.resolved_at > w.resolution_due_at))::int AS breached
              FROM work_orders w WHERE ${area('w.park_id', 'w.site_id')} GROUP BY 1`,
        ),
        rowsOf<{ billed: number; collected: number; open: number }>(
          db,
          sql`SELECT coalesce(sum(b.amount_fen - b.credited_fen) FILTER (WHERE b.status IN ('open', 'paid')), 0)::bigint AS billed,
                coalesce(sum(b.amount_fen - b.credited_fen) FILTER (WHERE b.status = 'paid'), 0)::bigint AS collected,
                count(*) FILTER (WHERE b.status = 'open')::int AS open
              FROM bills b WHERE b.period = ${month} AND ${area('b.park_id', 'b.site_id')}`,
        ),
        rowsOf<{ n: number; fen: number }>(
          db,
          sql`SELECT count(*)::int AS n, coalesce(sum(p.amount_fen), 0)::bigint AS fen FROM payments p LEFT JOIN enterprises e ON e.id = p.enterprise_id
              WHERE p.paid_at >= ${from} AND p.status IN ('succeeded', 'partially_refunded', 'refunded', 'unexpected') AND ${area('p.park_id', 'e.site_id')}`,
        ),
        rowsOf<{ n: number }>(
          db,
          sql`SELECT count(*)::int AS n FROM passes s JOIN enterprises e ON e.id = s.enterprise_id
              WHERE s.kind = 'visitor' AND s.revoked_at IS NULL AND s.valid_from < ${new Date(from.getTime() + 24 * 3_600_000)} AND s.valid_to >= ${from} AND ${area('s.park_id', 'e.site_id')}`,
        ),
        rowsOf<{ n: number; rejected: number }>(
          db,
          sql`SELECT count(*)::int AS n, count(*) FILTER (WHERE x.result = 'rejected')::int AS rejected FROM pass_scans x LEFT JOIN devices d ON d.id = x.gate_id
              WHERE x.scanned_at >= ${from} AND ${area('x.park_id', 'd.site_id')}`,
        ),
      ]);
      const bySeverity = { critical: 0, major: 0, minor: 0, info: 0 };
      for (const a of alarms) if (a.severity in bySeverity) bySeverity[a.severity as keyof typeof bySeverity] = num(a.n);
      const byStatus = { new: 0, dispatched: 0, accepted: 0, in_progress: 0, resolved: 0 };
      for (const o of orders) if (o.status in byStatus) byStatus[o.status as keyof typeof byStatus] = num(o.n);
      const billed = num(bills[0]?.billed);
      const collected = num(bills[0]?.collected);
      return {
        todayFrom: from,
        month,
        alarms: { open: Object.values(bySeverity).reduce((a, b) => a + b, 0), bySeverity },
        workOrders: {
          open: Object.values(byStatus).reduce((a, b) => a + b, 0),
          byStatus,
          overdue: orders.reduce((a, o) => a + num(o.overdue), 0),
          breachedToday: orders.reduce((a, o) => a + num(o.breached), 0),
        },
        bills: { billedFen: billed, collectedFen: collected, collectionRate: billed > 0 ? collected / billed : null, openCount: num(bills[0]?.open) },
        payments: { todayCount: num(payments[0]?.n), todayFen: num(payments[0]?.fen) },
        visitors: { today: num(visitors[0]?.n) },
        scans: { today: num(scans[0]?.n), rejectedToday: num(scans[0]?.rejected) },
      };
    },
  };
}

export type DashboardService = ReturnType<typeof createDashboardService>;
