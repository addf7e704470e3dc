import { useState } from 'react';
import { Card, DatePicker, Input, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../lib/format';
import type { AuditEntry, AuditFilter } from '../modules/audit/api/audit.api';
import { useSession } from '../modules/auth/hooks/useSession';
import { BackgroundJobsCard } from '../modules/jobs/components/BackgroundJobsCard';
import { AuditAction } from '../modules/audit/components/AuditAction';
import { AuditDiff } from '../modules/audit/components/AuditDiff';
import { AuditEntryList } from '../modules/audit/components/AuditEntryList';
import { AuditRecord } from '../modules/audit/components/AuditRecord';
import { useAuditLog } from '../modules/audit/hooks/useAuditLog';
import { VerifyEntryButton } from '../modules/ledger/components/VerifyEntryButton';
import { ErrorState } from '../ui/ErrorState';
import { PageHeader } from '../ui/PageHeader';
import { useIsMobile } from '../ui/useIsMobile';

/** Every recorded change, filterable; a row expands to its before/after diff. Below it, the background jobs for company-wide operators. */
export function AuditLogPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<AuditFilter>({ page: 1, pageSize: 20 });
  const log = useAuditLog(filter);
  const { permissions } = useSession();
  const isMobile = useIsMobile();
  const set = (next: Partial<AuditFilter>) => setFilter((f) => ({ ...f, ...next, page: next.page ?? 1 }));

  return (
    <>
      <PageHeader title={t('audit.title')} crumbs={[{ title: t('nav.audit') }]} />
      <Card>
        <Space wrap className="toolbar">
          <Input.Search allowClear placeholder={t('audit.entityType')} onSearch={(v) => set({ entityType: v.trim() || undefined })} style={{ width: 170 }} data-testid="audit-filter-entity" />
          <Input.Search allowClear placeholder={t('audit.actor')} onSearch={(v) => set({ actor: v.trim() || undefined })} style={{ width: 170 }} data-testid="audit-filter-actor" />
          <Input.Search allowClear placeholder={t('audit.action')} onSearch={(v) => set({ action: v.trim() || undefined })} style={{ width: 190 }} data-testid="audit-filter-action" />
          <DatePicker.RangePicker
            showTime
            placeholder={[t('audit.from'), t('audit.to')]}
            onChange={(range: [Dayjs | null, Dayjs | null] | null) => set({ from: range?.[0]?.toISOString(), to: range?.[1]?.toISOString() })}
          />
        </Space>
        {log.isError && !log.data ? (
          <ErrorState error={log.error} onRetry={() => void log.refetch()} />
        ) : isMobile ? (
          <AuditEntryList
            entries={log.data?.items ?? []}
            loading={log.isFetching}
            pagination={{ current: filter.page, pageSize: filter.pageSize, total: log.data?.total ?? 0, onChange: (page, pageSize) => setFilter((f) => ({ ...f, page, pageSize })) }}
          />
        ) : (
          <Table<AuditEntry>
            data-testid="audit-table"
            rowKey="id"
            size="middle"
            loading={log.isFetching}
            dataSource={log.data?.items ?? []}
            scroll={{ x: 1100 }}
            expandable={{ expandedRowRender: (e) => <AuditDiff before={e.before} after={e.after} /> }}
            pagination={{
              current: filter.page,
              pageSize: filter.pageSize,
              total: log.data?.total ?? 0,
              showTotal: (n) => t('common.total', { count: n }),
              onChange: (page, pageSize) => setFilter((f) => ({ ...f, page, pageSize })),
            }}
            columns={[
              { title: t('audit.at'), dataIndex: 'at', width: 150, render: (v: string) => formatDateTime(v) },
              { title: t('audit.actor'), dataIndex: 'actorName', width: 130, render: (v: string) => <span data-user-content>{v}</span> },
              { title: t('audit.action'), dataIndex: 'action', width: 220, render: (a: string) => <AuditAction action={a} /> },
              { title: t('auditLog.record'), key: 'record', render: (_: unknown, e: AuditEntry) => <AuditRecord entry={e} /> },
              { title: t('audit.requestId'), dataIndex: 'requestId', width: 120, render: (v: string | null) => (v ? <Typography.Text type="secondary" title={v}>{v.slice(0, 8)}</Typography.Text> : '—') },
              { title: t('audit.verify'), key: 'verify', width: 110, fixed: 'right', render: (_: unknown, e: AuditEntry) => <VerifyEntryButton auditId={e.id} /> },
            ]}
          />
        )}
      </Card>
      {/* Company-wide operators also see how the background jobs run: jobs span every park. */}
      {permissions.isGlobalOperator && <BackgroundJobsCard />}
    </>
  );
}
