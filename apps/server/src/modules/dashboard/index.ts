/**
 * The operator's workbench (工作台): one endpoint that counts what an operator
 * opens the day with, within the parks they cover. Reads other modules' tables
 * by name in SQL (counts only) and owns no table.
 */
export { createDashboardService, parkToday, type DashboardService } from './dashboard.service';
export { dashboardRoutes } from './dashboard.routes';
export type { Dashboard } from './dashboard.schema';
