import { api } from '../../../lib/api-client';

/** GET /dashboard: what an operator opens the day with, within their parks. */
export interface Workbench {
  todayFrom: string;
  month: string;
  alarms: { open: number; bySeverity: { critical: number; major: number; minor: number; info: number } };
  workOrders: { open: number; byStatus: { new: number; dispatched: number; accepted: number; in_progress: number; resolved: number }; overdue: number; breachedToday: number };
  bills: { billedFen: number; collectedFen: number; collectionRate: number | null; openCount: number };
  payments: { todayCount: number; todayFen: number };
  visitors: { today: number };
  scans: { today: number; rejectedToday: number };
}

export const getWorkbench = (parkId?: string) => api.get<Workbench>('/dashboard', { parkId });
