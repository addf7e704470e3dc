import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';

/** Bounds of a number field; `positive` refuses 0 as well (an area, a price per unit). */
export interface NumberBounds {
  min?: number;
  max?: number;
  positive?: boolean;
}

/**
 * A form rule that refuses a number outside its bounds with a message naming the field, instead
 * of InputNumber's `min`/`max`, which silently clamp on blur (−5 employees became 0 and was saved).
 * An empty field passes: `required` is a rule of its own.
 */
export function numberRule(t: TFunction, field: string, { min, max, positive }: NumberBounds): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      if (value === null || value === undefined || value === '') return;
      const n = Number(value);
      if (positive && !(n > 0)) throw new Error(t('common.positive', { field }));
      if (min !== undefined && n < min) throw new Error(min === 0 ? t('common.notNegative', { field }) : t('common.atLeast', { field, min }));
      if (max !== undefined && n > max) throw new Error(t('common.atMost', { field, max }));
    },
  };
}
