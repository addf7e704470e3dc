import { Descriptions } from 'antd';
import type { FormDefinition, FormField } from '@parkos/contracts';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../lib/format';
import { fileUrl } from '../../files/api/files.api';

/** One submitted value as a person reads it (option labels, yuan, file links). */
function ValueText({ field, value, files, language }: { field: FormField; value: unknown; files: { id: string; name: string }[]; language: string }) {
  const { t } = useTranslation();
  if (value === undefined || value === null || value === '') return <>—</>;
  const label = (v: unknown) => {
    const o = field.options?.find((x) => x.value === v);
    return o ? (language.startsWith('zh') ? o.label.zh : o.label.en) : String(v);
  };
  switch (field.type) {
    case 'select':
      return <>{label(value)}</>;
    case 'multiselect':
      return <>{Array.isArray(value) ? value.map(label).join('、') : String(value)}</>;
    case 'money':
      return <>{formatFen(Number(value))}</>;
    case 'checkbox':
      return <>{value ? t('common.yes') : t('common.no')}</>;
    case 'file': {
      const f = files.find((x) => x.id === value);
      return (
        <a href={fileUrl(String(value))} target="_blank" rel="noreferrer">
          {f?.name ?? String(value)}
        </a>
      );
    }
    case 'text':
    case 'textarea':
    case 'number':
    case 'integer':
    case 'date':
    case 'phone':
    case 'email':
      return <span style={{ whiteSpace: 'pre-wrap' }}>{String(value)}</span>;
  }
}

/** The values of a request, in the order of the form it was made with. */
export function RequestValues({ form, values, files }: { form: FormDefinition; values: Record<string, unknown>; files: { id: string; name: string }[] }) {
  const { i18n } = useTranslation();
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2 }} data-testid="request-values">
      {form.fields.map((f) => (
        <Descriptions.Item key={f.key} label={i18n.language.startsWith('zh') ? f.label.zh : f.label.en}>
          <ValueText field={f} value={values[f.key]} files={files} language={i18n.language} />
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}
