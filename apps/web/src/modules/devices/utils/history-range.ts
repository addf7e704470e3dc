/** The preset ranges of the device chart. */
export const HISTORY_RANGES = ['1h', '24h', '7d', '30d', 'custom'] as const;
export type HistoryRange = (typeof HISTORY_RANGES)[number];

const SPAN_MS: Record<Exclude<HistoryRange, 'custom'>, number> = { '1h': 3_600_000, '24h': 86_400_000, '7d': 7 * 86_400_000, '30d': 30 * 86_400_000 };

/** From/to of a preset range ending now, rounded down to the minute so the query key stays stable within a minute. */
export function presetRange(range: Exclude<HistoryRange, 'custom'>, now = Date.now()): { from: string; to: string } {
  const to = Math.floor(now / 60_000) * 60_000 + 60_000;
  return { from: new Date(to - SPAN_MS[range]).toISOString(), to: new Date(to).toISOString() };
}
