import { z } from 'zod';

export const dashboardQuery = z.object({ parkId: z.string().uuid().optional() });
export type DashboardQuery = z.infer<typeof dashboardQuery>;

const severities = z.object({ critical: z.number().int(), major: z.number().int(), minor: z.number().int(), info: z.number().int() });

/** The operator's day at a glance (工作台): counts and money only, the web writes the words. */
export const dashboardSchema = z.object({
  /** Start of today and of this month in the park's time (Asia/Shanghai), for the lists' filters. */
  todayFrom: z.date(),
  month: z.string().describe('YYYY-MM'),
  alarms: z.object({ open: z.number().int(), bySeverity: severities }),
  workOrders: z.object({
    open: z.number().int(),
    byStatus: z.object({ new: z.number().int(), dispatched: z.number().int(), accepted: z.number().int(), in_progress: z.number().int(), resolved: z.number().int() }),
    /** Open orders past their response or resolution deadline now (the list's sla=overdue). */
    overdue: z.number().int(),
    /** Deadlines that fell today and were missed (resolved late or not at all). */
    breachedToday: z.number().int(),
  }),
  bills: z.object({ billedFen: z.number().int(), collectedFen: z.number().int(), collectionRate: z.number().nullable(), openCount: z.number().int() }),
  payments: z.object({ todayCount: z.number().int(), todayFen: z.number().int() }),
  visitors: z.object({ today: z.number().int() }),
  scans: z.object({ today: z.number().int(), rejectedToday: z.number().int() }),
});
export type Dashboard = z.infer<typeof dashboardSchema>;
