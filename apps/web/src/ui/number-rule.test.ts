import type { TFunction } from 'i18next';
import { describe, expect, test } from 'vitest';
import { numberRule } from './number-rule';

// Echoes the key and its values, so the test sees which message was chosen and for which field.
const t = ((key: string, values: Record<string, unknown>) => `${key} ${JSON.stringify(values)}`) as unknown as TFunction;

async function check(value: unknown, bounds: Parameters<typeof numberRule>[2]): Promise<string | null> {
  const rule = numberRule(t, 'Employees', bounds) as { validator: (rule: unknown, value: unknown) => Promise<void> };
  try {
    await rule.validator({}, value);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

describe('numberRule', () => {
  test.each([
    [-5, { min: 0 }, 'common.notNegative {"field":"Employees"}'],
    [0, { min: 1 }, 'common.atLeast {"field":"Employees","min":1}'],
    [3651, { min: 1, max: 3650 }, 'common.atMost {"field":"Employees","max":3650}'],
    [0, { positive: true }, 'common.positive {"field":"Employees"}'],
    [-0.5, { positive: true, min: 0 }, 'common.positive {"field":"Employees"}'],
  ])('refuses %s with %o, naming the field', async (value, bounds, message) => {
    expect(await check(value, bounds)).toBe(message);
  });

  test.each([[0, { min: 0 }], [12, { min: 0, max: 100 }], [null, { min: 0 }], [undefined, { positive: true }], [0.5, { positive: true }]])('accepts %s with %o', async (value, bounds) => {
    expect(await check(value, bounds)).toBeNull();
  });
});
