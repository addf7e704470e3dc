import type { EvalPeriodKind } from '@parkos/contracts';
import { validationError } from '../../lib/errors';

const LOCAL_OFFSET_MS = 8 * 3600_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** Midnight (Asia/Shanghai) at the start of a calendar day `YYYY-MM-DD`. */
export function localMidnight(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - LOCAL_OFFSET_MS);
}

/** The Asia/Shanghai calendar day of an instant. */
export function localDayOf(at: Date): string {
  return new Date(at.getTime() + LOCAL_OFFSET_MS).toISOString().slice(0, 10);
}

const LABEL = { month: /^(\d{4})-(0[1-9]|1[0-2])$/, quarter: /^(\d{4})-Q([1-4])$/, year: /^(\d{4})$/ } as const;

/** A period's label → its first day and the day after its last (`2026-11` → 2026-11-01 … 2026-12-01); 400 `label` otherwise. */
export function periodRange(kind: EvalPeriodKind, label: string): { startDate: string; endDate: string } {
  const m = LABEL[kind].exec(label);
  if (!m) throw validationError('body.label', `expected ${kind === 'month' ? 'YYYY-MM' : kind === 'quarter' ? 'YYYY-Qn' : 'YYYY'}`);
  const y = Number(m[1]);
  const first = kind === 'month' ? Number(m[2]) : kind === 'quarter' ? (Number(m[2]) - 1) * 3 + 1 : 1;
  const months = kind === 'month' ? 1 : kind === 'quarter' ? 3 : 12;
  const endMonthIndex = first - 1 + months;
  const ey = y + Math.floor(endMonthIndex / 12);
  const em = (endMonthIndex % 12) + 1;
  return { startDate: `${y}-${pad(first)}-01`, endDate: `${ey}-${pad(em)}-01` };
}

/** The label of the period of `kind` that contains the local day of `at`. */
export function periodLabelAt(kind: EvalPeriodKind, at: Date): string {
  const [y, m] = localDayOf(at).split('-').map(Number);
  return kind === 'month' ? `${y}-${pad(m)}` : kind === 'quarter' ? `${y}-Q${Math.floor((m - 1) / 3) + 1}` : String(y);
}

/** The label `n` months back from a month label (`2026-03`, 3 → `2025-12`). */
export function monthLabelBefore(label: string, n: number): string {
  const [y, m] = label.split('-').map(Number);
  const idx = y * 12 + (m - 1) - n;
  return `${Math.floor(idx / 12)}-${pad((idx % 12) + 1)}`;
}
