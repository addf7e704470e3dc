export { createHistoryService, chooseTier, type HistoryService } from './history.service';
export { historyRoutes } from './history.routes';
export { startHistoryJobs, createHistoryJobs, type HistoryJobStats } from './history.jobs';
export { runRollup, DEFAULT_ROLLUP_OPTIONS, type RollupOptions } from './rollup';
export { runRetention, DEFAULT_RETENTION, HISTORY_TIERS, type HistoryTier, type RetentionDays } from './retention';

/** For the OpenAPI description and the README. */
export const HISTORY_API_DESCRIPTION = `

## Telemetry history
Raw readings are rolled up by the worker into 1-minute and 1-hour tiers (count, sum, min, max, avg, last per device,
metric and bucket; late readings within 5 minutes of the rollup watermark are re-rolled). Each tier is kept for a number
of days set per device type (\`/api/telemetry-retention\`). \`GET /api/devices/{id}/series\` serves any metric over a range
from the fitting tier with a bounded number of points.`;
