import { Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

interface ExportButtonProps {
  /** The list's export path under /api, e.g. `/bills/export.xlsx`. */
  path: string;
  /** The list's current filters; empty values are left out. */
  params?: Record<string, string | number | boolean | null | undefined>;
  testId?: string;
  /** The button's words when a page has more than one export. */
  label?: string;
}

/** Downloads a list as an Excel workbook with the filters on screen, headers in the user's language. */
export function ExportButton({ path, params = {}, testId, label }: ExportButtonProps) {
  const { t, i18n } = useTranslation();
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  q.set('lang', i18n.language.startsWith('zh') ? 'zh' : 'en');
  return (
    <Button icon={<DownloadOutlined />} href={`/api${path}?${q.toString()}`} download data-testid={testId}>
      {label ?? t('operator.export.excel')}
    </Button>
  );
}
