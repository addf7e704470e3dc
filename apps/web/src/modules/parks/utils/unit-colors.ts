import type { UnitStatus } from '@parkos/contracts';

/** One colour per unit status, used in tiles, legends and charts. */
export const UNIT_STATUS_COLORS: Record<UnitStatus, string> = {
  leased: '#1554d1',
  reserved: '#f5a524',
  vacant: '#52c41a',
};
