/**
 * Masking of personal data in lists and logs (PIPL; GB/T 35273-2020).
 * Lists show only enough to recognise a value, never enough to reuse it.
 */

/** `13812345678` → `138****5678`. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return phone ?? null;
  const digits = phone.replace(/\s+/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}

/** Resident ID `110101199003071234` → `110***********1234` (GB 11643 style masking as in DOMAIN.md). */
export function maskIdNumber(id: string | null | undefined): string | null {
  if (!id) return id ?? null;
  if (id.length <= 7) return '*'.repeat(id.length);
  return `${id.slice(0, 3)}${'*'.repeat(id.length - 7)}${id.slice(-4)}`;
}

/** `zhang.san@example.com` → `z***@example.com`. */
export function maskEmail(email: string | null | undefined): string | null {
  if (!email) return email ?? null;
  const at = email.indexOf('@');
  if (at <= 0) return '***';
  return `${email[0]}***${email.slice(at)}`;
}

const PERSONAL_KEYS: Partial<Record<string, (v: string) => string | null>> = {
  phone: maskPhone,
  mobile: maskPhone,
  contactPhone: maskPhone,
  idNumber: maskIdNumber,
  email: maskEmail,
  contactEmail: maskEmail,
};

const SECRET_KEYS = new Set(['passwordHash', 'password', 'tokenHash', 'secretHash', 'secret', 'token']);

/** Deep copy of a record with personal fields masked and secrets removed; used for audit before/after. */
export function maskPersonalData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskPersonalData);
  if (value instanceof Date) return value.toISOString();
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (SECRET_KEYS.has(k)) continue;
    const mask = PERSONAL_KEYS[k];
    out[k] = mask && typeof v === 'string' ? mask(v) : maskPersonalData(v);
  }
  return out;
}
