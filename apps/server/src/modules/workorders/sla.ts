import type { WorkOrderCategory, WorkOrderPriority, WorkOrderStatus } from './workorders.table';

/** Response and resolution windows, in minutes. */
export interface SlaWindow {
  responseMinutes: number;
  resolutionMinutes: number;
}

/** Base windows per priority. */
const BASE: Record<WorkOrderPriority, SlaWindow> = {
  urgent: { responseMinutes: 15, resolutionMinutes: 240 },
  high: { responseMinutes: 30, resolutionMinutes: 480 },
  normal: { responseMinutes: 120, resolutionMinutes: 1440 },
  low: { responseMinutes: 480, resolutionMinutes: 4320 },
};

/** Life-safety categories get half the time; building services three quarters. */
const FACTOR: Record<WorkOrderCategory, number> = {
  fire: 0.5,
  elevator: 0.5,
  security: 0.5,
  electrical: 0.75,
  plumbing: 0.75,
  hvac: 1,
  lighting: 1,
  network: 1,
  cleaning: 1,
  parking: 1,
  other: 1,
};

/** The built-in SLA of a category and priority, used where a park has no override. */
export function defaultSla(category: WorkOrderCategory, priority: WorkOrderPriority): SlaWindow {
  const base = BASE[priority];
  const f = FACTOR[category];
  return { responseMinutes: Math.round(base.responseMinutes * f), resolutionMinutes: Math.round(base.resolutionMinutes * f) };
}

/** Deadlines counted from the moment an order was created. */
export function slaDeadlines(createdAt: Date, window: SlaWindow): { responseDueAt: Date; resolutionDueAt: Date } {
  return {
    responseDueAt: new Date(createdAt.getTime() + window.responseMinutes * 60_000),
    resolutionDueAt: new Date(createdAt.getTime() + window.resolutionMinutes * 60_000),
  };
}

export type SlaStatus = 'ok' | 'at_risk' | 'overdue' | 'met' | 'breached';

/**
 * Where an order stands against its SLA: before the response (not yet accepted) the response
 * deadline counts, afterwards the resolution deadline; at risk in the last 25 % of the window.
 * Resolved orders report whether the resolution deadline was met.
 */
export function slaStatus(
  order: { status: WorkOrderStatus; createdAt: Date; responseDueAt: Date; resolutionDueAt: Date; resolvedAt: Date | null },
  now: Date = new Date(),
): SlaStatus {
  if (order.status === 'resolved' || order.status === 'verified' || order.status === 'closed') {
    if (!order.resolvedAt) return 'met';
    return order.resolvedAt.getTime() <= order.resolutionDueAt.getTime() ? 'met' : 'breached';
  }
  const due = order.status === 'new' || order.status === 'dispatched' ? order.responseDueAt : order.resolutionDueAt;
  const t = now.getTime();
  if (t > due.getTime()) return 'overdue';
  const window = due.getTime() - order.createdAt.getTime();
  return due.getTime() - t < window * 0.25 ? 'at_risk' : 'ok';
}

/** Which deadline an open order has missed, if any. */
export function missedDeadline(order: { status: WorkOrderStatus; responseDueAt: Date; resolutionDueAt: Date }, now: Date): { kind: 'response' | 'resolution'; dueAt: Date } | null {
  if (order.status === 'new' || order.status === 'dispatched') {
    if (now > order.responseDueAt) return { kind: 'response', dueAt: order.responseDueAt };
    return null;
  }
  if (order.status === 'accepted' || order.status === 'in_progress') {
    if (now > order.resolutionDueAt) return { kind: 'resolution', dueAt: order.resolutionDueAt };
  }
  return null;
}
