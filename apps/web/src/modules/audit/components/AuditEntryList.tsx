import { List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import { VerifyEntryButton } from '../../ledger/components/VerifyEntryButton';
import type { AuditEntry } from '../api/audit.api';
import { AuditAction } from './AuditAction';
import { AuditRecord } from './AuditRecord';

/** The audit log on a phone: one card-like row per entry instead of a wide table. */
export function AuditEntryList({ entries, loading, pagination }: { entries: AuditEntry[]; loading?: boolean; pagination?: false | { current: number; pageSize: number; total: number; onChange: (page: number, pageSize: number) => void } }) {
  const { t } = useTranslation();
  return (
    <List<AuditEntry>
      data-testid="audit-list"
      loading={loading}
      dataSource={entries}
      locale={{ emptyText: t('history.empty') }}
      pagination={pagination ? { ...pagination, size: 'small', showSizeChanger: false, showTotal: (n) => t('common.total', { count: n }) } : false}
      renderItem={(e) => (
        <List.Item key={e.id} extra={<VerifyEntryButton auditId={e.id} />}>
          <div style={{ minWidth: 0 }}>
            <AuditAction action={e.action} />
            <div style={{ marginTop: 4 }}>
              <AuditRecord entry={e} />
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(e.at)} · <span data-user-content>{e.actorName}</span>
            </Typography.Text>
          </div>
        </List.Item>
      )}
    />
  );
}
