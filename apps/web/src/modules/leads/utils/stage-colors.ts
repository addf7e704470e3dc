import type { LeadStage } from '@parkos/contracts';

/** One colour per pipeline stage. */
export const STAGE_COLORS: Record<LeadStage, string> = {
  lead: '#8c8c8c',
  visit: '#1677ff',
  negotiation: '#722ed1',
  signed: '#fa8c16',
  moved_in: '#52c41a',
  lost: '#ff4d4f',
};
