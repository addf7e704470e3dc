import { ResponsiveTable } from '../../../ui/ResponsiveTable';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../lib/format';
import type { ReliefLine } from '../api/relief.api';

/** The relief month by month and unit by unit. */
export function ReliefLinesTable({ lines }: { lines: ReliefLine[] }) {
  const { t } = useTranslation();
  return (
    <ResponsiveTable<ReliefLine>
      size="small"
      pagination={false}
      rowKey={(l) => `${l.leaseId}-${l.period}`}
      dataSource={lines}
      data-testid="relief-lines"
      scroll={{ x: 'max-content' }}
      columns={[
        { title: t('relief.fields.month'), dataIndex: 'period' },
        { title: t('relief.fields.unit'), dataIndex: 'unitCode' },
        { title: t('relief.fields.rent'), dataIndex: 'rentFen', align: 'right', render: (v: number) => `¥${formatFen(v)}` },
        { title: t('relief.fields.amount'), dataIndex: 'amountFen', align: 'right', render: (v: number) => `¥${formatFen(v)}` },
      ]}
    />
  );
}
