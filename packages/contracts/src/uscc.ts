/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015.
 * 18 characters from `0-9A-HJ-NPQRTUWXY` (no I, O, Z, S, V); the last is a check character.
 */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters, or null if one is outside the alphabet. */
export function usccCheckCharacter(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_ALPHABET.indexOf(first17[i]);
    if (value < 0) return null;
    sum += value * WEIGHTS[i];
  }
  const check = 31 - (sum % 31);
  return USCC_ALPHABET[check === 31 ? 0 : check];
}

/** Why a code is invalid, or null when it is valid. Upper-cases the input first. */
export function explainUsccProblem(code: string): string | null {
  const c = code.trim().toUpperCase();
  if (c.length !== 18) return 'must be 18 characters';
  for (const ch of c) {
    if (!USCC_ALPHABET.includes(ch)) return `contains "${ch}", which is not allowed (allowed: 0-9 and A-Y without I, O, S, V, Z)`;
  }
  const expected = usccCheckCharacter(c.slice(0, 17));
  if (expected !== c[17]) return `check character should be ${expected}, not ${c[17]}`;
  return null;
}

/** Why a code is invalid as values the web app words (`fieldErrors.uscc_<problem>`), or null when it is valid. */
export function usccProblem(code: string): { problem: 'length' } | { problem: 'character'; char: string } | { problem: 'check'; expected: string; actual: string } | null {
  const c = code.trim().toUpperCase();
  if (c.length !== 18) return { problem: 'length' };
  for (const ch of c) if (!USCC_ALPHABET.includes(ch)) return { problem: 'character', char: ch };
  const expected = usccCheckCharacter(c.slice(0, 17));
  if (expected !== c[17]) return { problem: 'check', expected: expected ?? '', actual: c[17] };
  return null;
}

export function isValidUscc(code: string): boolean {
  return explainUsccProblem(code) === null;
}

/** Completes 17 characters with their check character (used by the demo generator and tests). */
export function withUsccCheck(first17: string): string {
  const check = usccCheckCharacter(first17);
  if (!check) throw new Error(`not a valid USCC prefix: ${first17}`);
  return first17 + check;
}
