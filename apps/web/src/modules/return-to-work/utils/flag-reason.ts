import type { TFunction } from 'i18next';
import type { Flag } from '../api/returnToWork.api';

/** A flag's reason in the UI language, with its figures. */
export function flagReason(t: TFunction, flag: Pick<Flag, 'code' | 'params'>): string {
  const p = flag.params;
  return t(`returnToWork.flags.reason.${flag.code}`, { ...p, minRatioPct: Math.round((p.minRatio ?? 0) * 100) });
}
