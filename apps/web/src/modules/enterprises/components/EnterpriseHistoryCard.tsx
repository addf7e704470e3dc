import { Card, Skeleton, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import { ErrorState } from '../../../ui/ErrorState';
import { useIsMobile } from '../../../ui/useIsMobile';
import type { AuditEntry } from '../../audit/api/audit.api';
import { AuditAction } from '../../audit/components/AuditAction';
import { AuditDiff } from '../../audit/components/AuditDiff';
import { useEnterpriseHistory } from '../../audit/hooks/useEnterpriseHistory';
import { VerifyEntryButton } from '../../ledger/components/VerifyEntryButton';
import type { EnterpriseProfile } from '../api/enterprises.api';

/**
 * "变更记录": who changed this enterprise and its vehicles, spaces and leases, each entry with the
 * in-browser ledger check. Hidden for users who may not read the audit log (members get a 403).
 */
export function EnterpriseHistoryCard({ enterprise }: { enterprise: EnterpriseProfile }) {
  const { t, i18n } = useTranslation();
  const history = useEnterpriseHistory(enterprise.id);
  const isMobile = useIsMobile();
  if (history.isForbidden) return null;
  const entityName = (type: string) => (i18n.exists(`history.entities.${type}`) ? t(`history.entities.${type}` as 'history.entities.enterprise') : type);

  return (
    <Card title={t('history.title')} extra={<Typography.Text type="secondary" className="hide-on-phone">{t('history.hint')}</Typography.Text>} data-testid="enterprise-history">
      {history.isPending ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : history.isError ? (
        <ErrorState error={history.error} onRetry={history.refetch} />
      ) : (
        <Table<AuditEntry>
          data-testid="enterprise-history-table"
          rowKey="id"
          size="small"
          dataSource={history.entries}
          scroll={isMobile ? undefined : { x: 640 }}
          locale={{ emptyText: t('history.empty') }}
          pagination={history.entries.length > 10 ? { pageSize: 10, showSizeChanger: false, showTotal: (n) => t('common.total', { count: n }) } : false}
          expandable={isMobile ? undefined : { expandedRowRender: (e) => <AuditDiff before={e.before} after={e.after} /> }}
          columns={
            isMobile
              ? [
                  {
                    title: t('history.action'),
                    dataIndex: 'action',
                    render: (a: string, e: AuditEntry) => (
                      <>
                        <AuditAction action={a} />
                        <div className="muted" style={{ fontSize: 12, marginTop: 4 }}>
                          {formatDateTime(e.at)} · {e.actorName}
                        </div>
                      </>
                    ),
                  },
                  { title: t('history.verify'), key: 'verify', width: 96, render: (_: unknown, e: AuditEntry) => <VerifyEntryButton auditId={e.id} /> },
                ]
              : [
                  { title: t('history.at'), dataIndex: 'at', width: 150, render: (v: string) => formatDateTime(v) },
                  { title: t('history.actor'), dataIndex: 'actorName', width: 140, ellipsis: true },
                  { title: t('history.action'), dataIndex: 'action', render: (a: string) => <AuditAction action={a} /> },
                  { title: t('history.object'), dataIndex: 'entityType', width: 110, render: (type: string) => entityName(type) },
                  { title: t('history.verify'), key: 'verify', width: 100, fixed: 'right', render: (_: unknown, e: AuditEntry) => <VerifyEntryButton auditId={e.id} /> },
                ]
          }
        />
      )}
    </Card>
  );
}
