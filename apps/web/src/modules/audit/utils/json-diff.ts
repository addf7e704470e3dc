/** One changed top-level field between two JSON values. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
  kind: 'added' | 'removed' | 'changed';
}

const asRecord = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : v === null || v === undefined ? {} : { value: v });

/** The fields whose value differs between before and after (compared as JSON). */
export function diffJson(before: unknown, after: unknown): FieldChange[] {
  const a = asRecord(before);
  const b = asRecord(after);
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  const changes: FieldChange[] = [];
  for (const key of keys) {
    const inA = key in a;
    const inB = key in b;
    if (inA && inB && JSON.stringify(a[key]) === JSON.stringify(b[key])) continue;
    changes.push({ field: key, before: a[key], after: b[key], kind: !inA ? 'added' : !inB ? 'removed' : 'changed' });
  }
  return changes;
}
