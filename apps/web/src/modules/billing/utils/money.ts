/**
 * Parses a yuan amount typed by a person ("12", "12.3", "12.34") into integer fen
 * without floating-point arithmetic; null when it is not such an amount.
 */
export function yuanToFen(input: string): number | null {
  const m = /^\s*(\d{1,10})(?:\.(\d{1,2}))?\s*$/.exec(input);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** A fresh idempotency key for one checkout attempt. */
export function newIdempotencyKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}
