/** A mainland China mobile number (11 digits, 13x–19x), as visitors give it; spaces and dashes are dropped first. */
export const MAINLAND_MOBILE_RE = /^1[3-9]\d{9}$/;

/** Drops the separators people type into phone numbers (spaces, dashes) and a leading +86. */
export function normaliseMobile(raw: string): string {
  return raw.replace(/[\s-]/g, '').replace(/^\+?86(?=1\d{10}$)/, '');
}

/** How often a requester may urge (催单) the same work order. */
export const URGE_INTERVAL_MINUTES = 60;
