import { Empty, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { diffJson, type FieldChange } from '../utils/json-diff';

const show = (v: unknown) => (v === undefined ? '' : JSON.stringify(v, null, 2));

/** Before/after of an audit entry, field by field, changed values highlighted. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const changes = diffJson(before, after);
  if (changes.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('audit.noChanges')} />;
  return (
    <Table<FieldChange>
      data-testid="audit-diff"
      rowKey="field"
      size="small"
      pagination={false}
      dataSource={changes}
      scroll={{ x: 600 }}
      columns={[
        { title: t('audit.field'), dataIndex: 'field', width: 160, render: (f: string) => <Typography.Text code>{f}</Typography.Text> },
        { title: t('audit.before'), dataIndex: 'before', render: (v: unknown, c) => (c.kind === 'added' ? '—' : <pre className="diff diff--before">{show(v)}</pre>) },
        { title: t('audit.after'), dataIndex: 'after', render: (v: unknown, c) => (c.kind === 'removed' ? '—' : <pre className="diff diff--after">{show(v)}</pre>) },
      ]}
    />
  );
}
