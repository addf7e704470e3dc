import { Button, Card, Flex, Input, InputNumber, Select, Space, Switch, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { FORM_FIELD_TYPES, NUMERIC_FIELD_TYPES, OPTION_FIELD_TYPES, TEXT_FIELD_TYPES, type FormDefinition, type FormField, type FormFieldType } from '@parkos/contracts';

interface FormDesignerProps {
  value: FormDefinition;
  onChange: (value: FormDefinition) => void;
  /** Problems the server named in the definition, keyed by field index (from `body.definition.fields.<i>.…`). */
  fieldIssues?: Record<number, string[]>;
}

/** A key not yet used in the form (`field1`, `field2`, …). */
function nextKey(fields: FormField[], prefix: string): string {
  let n = fields.length + 1;
  while (fields.some((f) => f.key === `${prefix}${n}`)) n += 1;
  return `${prefix}${n}`;
}

/** Keeps only the properties that the new type takes, so the saved definition passes the server's check. */
function withType(field: FormField, type: FormFieldType): FormField {
  const next: FormField = { key: field.key, type, label: field.label, required: field.required };
  if (OPTION_FIELD_TYPES.includes(type)) next.options = field.options ?? [{ value: 'option1', label: { zh: '', en: '' } }];
  if (NUMERIC_FIELD_TYPES.includes(type) && NUMERIC_FIELD_TYPES.includes(field.type)) Object.assign(next, { min: field.min, max: field.max });
  if (TEXT_FIELD_TYPES.includes(type) && TEXT_FIELD_TYPES.includes(field.type)) next.maxLength = field.maxLength;
  return next;
}

/**
 * The form designer (表单设计器): operators add, remove and reorder fields and set each one's type, labels in
 * both languages, whether it is required, its options and bounds. It produces the field model; the JSON Schema
 * is derived from it, so nobody writes a schema by hand.
 */
export function FormDesigner({ value, onChange, fieldIssues }: FormDesignerProps) {
  const { t } = useTranslation();
  const fields = value.fields;
  const setFields = (next: FormField[]) => onChange({ ...value, fields: next });
  const update = (i: number, patch: Partial<FormField>) => setFields(fields.map((f, j) => (j === i ? { ...f, ...patch } : f)));
  const move = (i: number, by: -1 | 1) => {
    const next = [...fields];
    [next[i], next[i + by]] = [next[i + by], next[i]];
    setFields(next);
  };
  const addField = () => setFields([...fields, { key: nextKey(fields, 'field'), type: 'text', label: { zh: '', en: '' } }]);

  return (
    <Flex vertical gap={12} data-testid="form-designer">
      {fields.length === 0 && <Typography.Text type="secondary">{t('forms.designer.empty')}</Typography.Text>}
      {fields.map((f, i) => (
        <Card
          key={i}
          size="small"
          data-testid={`designer-field-${i}`}
          title={t('forms.designer.fieldN', { n: i + 1 })}
          extra={
            <Space size={0}>
              <Button type="text" size="small" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('forms.designer.moveUp')} />
              <Button type="text" size="small" icon={<ArrowDownOutlined />} disabled={i === fields.length - 1} onClick={() => move(i, 1)} aria-label={t('forms.designer.moveDown')} />
              <Button type="text" size="small" danger icon={<DeleteOutlined />} onClick={() => setFields(fields.filter((_, j) => j !== i))} aria-label={t('common.remove')} />
            </Space>
          }
        >
          <Flex wrap gap={8}>
            <label className="designer-cell">
              <Typography.Text type="secondary">{t('forms.designer.type')}</Typography.Text>
              <Select
                data-testid={`designer-type-${i}`}
                value={f.type}
                style={{ width: '100%' }}
                onChange={(type) => setFields(fields.map((x, j) => (j === i ? withType(x, type) : x)))}
                options={FORM_FIELD_TYPES.map((type) => ({ value: type, label: t(`forms.types.${type}`) }))}
              />
            </label>
            <label className="designer-cell">
              <Typography.Text type="secondary">{t('forms.designer.labelZh')}</Typography.Text>
              <Input data-testid={`designer-label-zh-${i}`} value={f.label.zh} maxLength={200} onChange={(e) => update(i, { label: { ...f.label, zh: e.target.value } })} />
            </label>
            <label className="designer-cell">
              <Typography.Text type="secondary">{t('forms.designer.labelEn')}</Typography.Text>
              <Input data-testid={`designer-label-en-${i}`} value={f.label.en} maxLength={200} onChange={(e) => update(i, { label: { ...f.label, en: e.target.value } })} />
            </label>
            <label className="designer-cell">
              <Typography.Text type="secondary">{t('forms.designer.key')}</Typography.Text>
              <Input data-testid={`designer-key-${i}`} value={f.key} maxLength={40} onChange={(e) => update(i, { key: e.target.value.trim() })} />
            </label>
            {NUMERIC_FIELD_TYPES.includes(f.type) && (
              <>
                <label className="designer-cell designer-cell-narrow">
                  <Typography.Text type="secondary">{f.type === 'money' ? t('forms.designer.minFen') : t('forms.designer.min')}</Typography.Text>
                  <InputNumber data-testid={`designer-min-${i}`} style={{ width: '100%' }} value={f.min ?? null} precision={f.type === 'number' ? undefined : 0} onChange={(v) => update(i, { min: v ?? undefined })} />
                </label>
                <label className="designer-cell designer-cell-narrow">
                  <Typography.Text type="secondary">{f.type === 'money' ? t('forms.designer.maxFen') : t('forms.designer.max')}</Typography.Text>
                  <InputNumber data-testid={`designer-max-${i}`} style={{ width: '100%' }} value={f.max ?? null} precision={f.type === 'number' ? undefined : 0} onChange={(v) => update(i, { max: v ?? undefined })} />
                </label>
              </>
            )}
            {TEXT_FIELD_TYPES.includes(f.type) && (
              <label className="designer-cell designer-cell-narrow">
                <Typography.Text type="secondary">{t('forms.designer.maxLength')}</Typography.Text>
                <InputNumber data-testid={`designer-maxlength-${i}`} style={{ width: '100%' }} min={1} precision={0} value={f.maxLength ?? null} onChange={(v) => update(i, { maxLength: v ?? undefined })} />
              </label>
            )}
            <label className="designer-cell designer-cell-narrow">
              <Typography.Text type="secondary">{t('forms.designer.required')}</Typography.Text>
              <Switch data-testid={`designer-required-${i}`} checked={Boolean(f.required)} onChange={(required) => update(i, { required })} />
            </label>
          </Flex>
          {OPTION_FIELD_TYPES.includes(f.type) && (
            <Flex vertical gap={6} style={{ marginTop: 8 }}>
              <Typography.Text type="secondary">{t('forms.designer.options')}</Typography.Text>
              {(f.options ?? []).map((o, k) => (
                <Flex key={k} gap={6} wrap>
                  <Input
                    data-testid={`designer-option-value-${i}-${k}`}
                    style={{ width: 120 }}
                    placeholder={t('forms.designer.optionValue')}
                    aria-label={t('forms.designer.optionValue')}
                    value={o.value}
                    onChange={(e) => update(i, { options: (f.options ?? []).map((x, m) => (m === k ? { ...x, value: e.target.value.trim() } : x)) })}
                  />
                  <Input
                    data-testid={`designer-option-zh-${i}-${k}`}
                    style={{ flex: '1 1 120px' }}
                    placeholder={t('forms.designer.labelZh')}
                    aria-label={t('forms.designer.labelZh')}
                    value={o.label.zh}
                    onChange={(e) => update(i, { options: (f.options ?? []).map((x, m) => (m === k ? { ...x, label: { ...x.label, zh: e.target.value } } : x)) })}
                  />
                  <Input
                    data-testid={`designer-option-en-${i}-${k}`}
                    style={{ flex: '1 1 120px' }}
                    placeholder={t('forms.designer.labelEn')}
                    aria-label={t('forms.designer.labelEn')}
                    value={o.label.en}
                    onChange={(e) => update(i, { options: (f.options ?? []).map((x, m) => (m === k ? { ...x, label: { ...x.label, en: e.target.value } } : x)) })}
                  />
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('common.remove')}
                    onClick={() => update(i, { options: (f.options ?? []).filter((_, m) => m !== k) })}
                  />
                </Flex>
              ))}
              <Button
                size="small"
                icon={<PlusOutlined />}
                style={{ alignSelf: 'flex-start' }}
                data-testid={`designer-add-option-${i}`}
                onClick={() => update(i, { options: [...(f.options ?? []), { value: nextKey((f.options ?? []).map((o) => ({ key: o.value }) as FormField), 'option'), label: { zh: '', en: '' } }] })}
              >
                {t('forms.designer.addOption')}
              </Button>
            </Flex>
          )}
          {fieldIssues?.[i]?.map((msg, k) => (
            <Typography.Paragraph key={k} type="danger" style={{ margin: '8px 0 0' }} data-testid={`designer-issue-${i}`}>
              {msg}
            </Typography.Paragraph>
          ))}
        </Card>
      ))}
      <Button type="dashed" icon={<PlusOutlined />} onClick={addField} data-testid="designer-add-field">
        {t('forms.designer.addField')}
      </Button>
    </Flex>
  );
}
