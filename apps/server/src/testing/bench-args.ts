/** Helpers shared by the benchmark scripts (`*.bench.ts`). */

/** The positive integer given as `process.argv[position]`, or `fallback` when it is absent; throws on anything else. */
export function positiveArg(position: number, fallback: number): number {
  const text = process.argv[position];
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`argument ${position - 1} must be a positive integer, got '${text}'`);
  return value;
}

/** A monotonic clock in milliseconds, for timing. */
export const nowMs = (): number => Number(process.hrtime.bigint()) / 1e6;
