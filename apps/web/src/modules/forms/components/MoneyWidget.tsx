import { InputNumber } from 'antd';
import type { WidgetProps } from '@rjsf/utils';

/** Money is stored in integer fen; people type yuan with two decimals. */
export function MoneyWidget({ id, value, onChange, disabled, readonly, schema }: WidgetProps) {
  const fen = typeof value === 'number' ? value : undefined;
  return (
    <InputNumber
      id={id}
      style={{ width: '100%' }}
      prefix="¥"
      precision={2}
      min={typeof schema.minimum === 'number' ? schema.minimum / 100 : undefined}
      value={fen === undefined ? null : fen / 100}
      disabled={disabled || readonly}
      onChange={(yuan) => onChange(typeof yuan === 'number' ? Math.round(yuan * 100) : undefined)}
    />
  );
}
