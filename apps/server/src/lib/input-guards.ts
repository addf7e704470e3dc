import { MAX_DATE_YEAR, MIN_DATE_YEAR } from '@parkos/contracts';

/**
 * Walkers that find input PostgreSQL cannot store: strings (values or object
 * keys) with U+0000, and dates outside years 1..9999. The HTTP validator and
 * the device ingest both use them, so every way in obeys the same rule.
 */

/** A place in a value: object keys and array indexes from the root. */
export type InputPath = (string | number)[];

/** Most offending places reported for one value (a 400 does not need to list thousands). */
const MAX_FINDINGS = 20;

/**
 * Plain containers only: arrays and dictionary objects (JSON bodies, and the
 * query parser's objects, whose prototype is an empty object without one).
 * Buffers, dates, streams and other class instances are leaves.
 */
function isWalkable(value: unknown): value is Record<string, unknown> | unknown[] {
  if (Array.isArray(value)) return true;
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === null || proto === Object.prototype || Object.getPrototypeOf(proto) === null;
}

/** A place being walked: its key and its parent, so a path is built only for what is found. */
interface Place {
  key: string | number;
  parent: Place | null;
}

function pathOf(place: Place | null): InputPath {
  const path: InputPath = [];
  for (let p = place; p; p = p.parent) path.push(p.key);
  return path.reverse();
}

/**
 * Visits every leaf and key of a JSON-like value. Iterative and linear, so a
 * deeply nested body neither overflows the stack nor costs quadratic time;
 * stops once `MAX_FINDINGS` places are found.
 */
function walk(root: unknown, isFound: (leaf: unknown) => boolean, isKeyFound?: (key: string) => boolean): InputPath[] {
  const found: InputPath[] = [];
  const stack: { value: unknown; place: Place | null }[] = [{ value: root, place: null }];
  while (stack.length > 0 && found.length < MAX_FINDINGS) {
    const { value, place } = stack.pop()!;
    if (!isWalkable(value)) {
      if (isFound(value)) found.push(pathOf(place));
      continue;
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], place: { key: i, parent: place } });
      continue;
    }
    const keys = Object.keys(value);
    for (const key of keys) if (isKeyFound?.(key)) found.push(pathOf({ key, parent: place }));
    for (let i = keys.length - 1; i >= 0; i--) stack.push({ value: value[keys[i]], place: { key: keys[i], parent: place } });
  }
  return found.slice(0, MAX_FINDINGS);
}

/** True when a string holds U+0000. */
export function hasNul(value: string): boolean {
  return value.includes('\u0000');
}

/** Where a value holds U+0000: in a string, or in an object key (then the path ends at that key). */
export function findNulPaths(value: unknown): InputPath[] {
  return walk(
    value,
    (leaf) => typeof leaf === 'string' && hasNul(leaf),
    (key) => hasNul(key),
  );
}

/** True for a valid Date within years 1..9999 (UTC), which PostgreSQL and JS both represent. */
export function isRepresentableDate(date: Date): boolean {
  const year = date.getUTCFullYear();
  return Number.isFinite(year) && year >= MIN_DATE_YEAR && year <= MAX_DATE_YEAR;
}

/** Where a value holds a Date that is invalid or outside years 1..9999. */
export function findOutOfRangeDatePaths(value: unknown): InputPath[] {
  return walk(value, (leaf) => leaf instanceof Date && !isRepresentableDate(leaf));
}

/** A path as a dotted field name (`metadata.tags.0`); U+0000 in a key is written `\u0000` so the name itself is printable. */
export function formatInputPath(path: InputPath): string {
  return path.map((p) => String(p).replaceAll('\u0000', '\\u0000')).join('.');
}

/**
 * True when a device payload (UTF-8 JSON) may carry U+0000: JSON can write it
 * only as the escape `\u0000` (a raw zero byte is malformed JSON anyway), so
 * payloads without that text skip the parse.
 */
export function mayHoldNulEscape(payload: Buffer | string): boolean {
  return payload.indexOf('\\u0000') !== -1;
}
