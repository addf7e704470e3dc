import dayjs from 'dayjs';
import i18next from 'i18next';

/** Number formatting follows the UI language, not the browser's. */
function numberLocale(): string {
  return i18next.language === 'en' ? 'en-US' : 'zh-CN';
}

/** Money stored in fen (分) shown as yuan with two decimals. */
export function formatFen(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  return (fen / 100).toLocaleString(numberLocale(), { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** A date-time in the local zone, minutes precision. */
export function formatDateTime(value: string | null | undefined): string {
  return value ? dayjs(value).format('YYYY-MM-DD HH:mm') : '—';
}

/** A date (YYYY-MM-DD). */
export function formatDate(value: string | null | undefined): string {
  return value ? dayjs(value).format('YYYY-MM-DD') : '—';
}

/** 0.4567 → "45.7%". */
export function formatPercent(ratio: number | null | undefined, digits = 1): string {
  if (ratio === null || ratio === undefined || Number.isNaN(ratio)) return '—';
  return `${(ratio * 100).toFixed(digits)}%`;
}

/** A whole number with the UI language's digit grouping, e.g. 9,210. */
export function formatInteger(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return Math.round(value).toLocaleString(numberLocale());
}

/** Area in m². */
export function formatArea(area: number | null | undefined): string {
  if (area === null || area === undefined) return '—';
  return `${Math.round(area).toLocaleString(numberLocale())} m²`;
}
