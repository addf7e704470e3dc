import { InputNumber } from 'antd';
import type { WidgetProps } from '@rjsf/utils';

/**
 * Numbers without antd's clamping: InputNumber with min/max silently turns -5 into 0 on blur, so a person
 * would never learn the bound; here the value stays as typed and validation names the bound under the field.
 */
export function NumberWidget({ id, value, onChange, onBlur, onFocus, disabled, readonly, schema }: WidgetProps) {
  return (
    <InputNumber
      id={id}
      style={{ width: '100%' }}
      precision={schema.type === 'integer' ? 0 : undefined}
      value={typeof value === 'number' ? value : null}
      disabled={disabled || readonly}
      onChange={(v) => onChange(typeof v === 'number' ? v : undefined)}
      onBlur={() => onBlur(id, value)}
      onFocus={() => onFocus(id, value)}
    />
  );
}
