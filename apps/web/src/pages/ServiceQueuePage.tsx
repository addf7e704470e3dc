import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Input, Modal, Select, Switch, Tag, Typography } from 'antd';
import { ResponsiveTable } from '../ui/ResponsiveTable';
import { SERVICE_REQUEST_STATUSES, SERVICE_SYSTEMS, type ServiceRequestStatus, type ServiceSystem } from '@parkos/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '../lib/form-errors';
import { formatDateTime } from '../lib/format';
import { localName } from '../modules/approvals/utils/names';
import type { BulkResult, RequestFilter, ServiceRequest } from '../modules/services/api/services.api';
import { RequestStatusTag } from '../modules/services/components/RequestStatusTag';
import { useBulkHandle, useServiceList, useServiceRequests } from '../modules/services/hooks/useServices';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';
import { useServerPagination } from '../ui/table-columns';

/** The handlers' queue (服务办理): filters, SLA clocks (overdue in red), and bulk accept / complete with a result per request. */
export function ServiceQueuePage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<RequestFilter>({ scope: 'queue', page: 1, pageSize: 20 });
  const [selected, setSelected] = useState<string[]>([]);
  const [completing, setCompleting] = useState(false);
  const [note, setNote] = useState('');
  const [outcome, setOutcome] = useState<BulkResult>();
  const requests = useServiceRequests(filter);
  const services = useServiceList('manage');
  const bulk = useBulkHandle();
  const pagination = useServerPagination(requests.data, 20, (page, pageSize) => setFilter((f) => ({ ...f, page, pageSize })));
  const set = (patch: Partial<RequestFilter>) => {
    setFilter((f) => ({ ...f, ...patch, page: 1 }));
    setSelected([]);
  };

  async function runBulk(action: 'accept' | 'complete') {
    try {
      const result = await bulk.mutateAsync({ action, ids: selected, resultNote: action === 'complete' ? note.trim() : undefined });
      setOutcome(result);
      setSelected([]);
      setCompleting(false);
      setNote('');
    } catch (err) {
      void message.error(errorMessage(err));
    }
  }

  const enterprises = new Map((requests.data?.items ?? []).map((r) => [r.enterprise.id, r.enterprise.name]));
  return (
    <div>
      <PageHeader title={t('services.queue.title')} subtitle={t('services.queue.subtitle')} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex wrap gap={8} align="center">
          <Select<string> allowClear placeholder={t('services.queue.service')} style={{ minWidth: 200 }} value={filter.serviceId} onChange={(v) => set({ serviceId: v })} options={(services.data?.items ?? []).filter((s) => s.kind === 'request').map((s) => ({ value: s.id, label: localName(s, i18n.language) }))} data-testid="queue-filter-service" />
          <Select<ServiceSystem> allowClear placeholder={t('services.queue.system')} style={{ minWidth: 160 }} value={filter.system} onChange={(v) => set({ system: v })} options={SERVICE_SYSTEMS.map((s) => ({ value: s, label: t(`services.systems.${s}`) }))} />
          <Select<ServiceRequestStatus> allowClear placeholder={t('services.queue.status')} style={{ minWidth: 140 }} value={filter.status} onChange={(v) => set({ status: v })} options={SERVICE_REQUEST_STATUSES.map((s) => ({ value: s, label: t(`services.requestStatuses.${s}`) }))} data-testid="queue-filter-status" />
          <Select<string> allowClear placeholder={t('services.queue.enterprise')} style={{ minWidth: 180 }} value={filter.enterpriseId} onChange={(v) => set({ enterpriseId: v })} options={[...enterprises].map(([value, label]) => ({ value, label }))} />
          <Flex gap={6} align="center">
            <Switch size="small" checked={filter.overdue === 'true'} onChange={(on) => set({ overdue: on ? 'true' : undefined })} data-testid="queue-filter-overdue" />
            <Typography.Text>{t('services.queue.overdueOnly')}</Typography.Text>
          </Flex>
        </Flex>
        <Flex wrap gap={8} style={{ marginTop: 12 }}>
          <Button type="primary" disabled={selected.length === 0} loading={bulk.isPending} onClick={() => void runBulk('accept')} data-testid="queue-bulk-accept">
            {t('services.queue.acceptSelected', { count: selected.length })}
          </Button>
          <Button disabled={selected.length === 0} onClick={() => setCompleting(true)} data-testid="queue-bulk-complete">
            {t('services.queue.completeSelected', { count: selected.length })}
          </Button>
        </Flex>
        {outcome && (
          <Alert
            style={{ marginTop: 12 }}
            type={outcome.failed ? 'warning' : 'success'}
            showIcon
            closable
            onClose={() => setOutcome(undefined)}
            data-testid="queue-bulk-result"
            title={t('services.queue.bulkResult', { succeeded: outcome.succeeded, failed: outcome.failed })}
            description={outcome.results.filter((r) => !r.ok).map((r) => <div key={r.id}>{`${r.id.slice(0, 8)}: ${r.message ?? r.code}`}</div>)}
          />
        )}
      </Card>
      <QueryBoundary query={requests}>
        {(data) => (
          <ResponsiveTable<ServiceRequest>
            rowKey="id"
            size="small"
            dataSource={data.items}
            pagination={pagination}
            scroll={{ x: 900 }}
            locale={{ emptyText: t('services.queue.empty') }}
            rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
            columns={[
              { title: t('services.queue.service'), key: 'service', render: (_: unknown, r) => <Link to={`/services/requests/${r.id}`}>{localName(r.service, i18n.language)}</Link> },
              { title: t('services.queue.system'), key: 'system', width: 150, render: (_: unknown, r) => t(`services.systems.${r.service.system}`) },
              { title: t('services.queue.enterprise'), key: 'enterprise', render: (_: unknown, r) => r.enterprise.name },
              { title: t('services.queue.status'), key: 'status', width: 110, render: (_: unknown, r) => <RequestStatusTag status={r.status} /> },
              {
                title: t('services.queue.dueAt'),
                key: 'due',
                width: 190,
                render: (_: unknown, r) => (
                  <span data-testid={r.isOverdue ? 'queue-overdue' : undefined} style={{ color: r.isOverdue ? '#cf1322' : undefined }}>
                    {formatDateTime(r.dueAt)} {r.isOverdue && <Tag color="red">{t('services.request.overdue')}</Tag>}
                  </span>
                ),
              },
            ]}
          />
        )}
      </QueryBoundary>
      <Modal open={completing} title={t('services.queue.completeSelected', { count: selected.length })} onCancel={() => setCompleting(false)} onOk={() => void runBulk('complete')} okButtonProps={{ disabled: !note.trim(), loading: bulk.isPending }}>
        <Input.TextArea rows={3} maxLength={2000} placeholder={t('services.request.resultNote')} value={note} onChange={(e) => setNote(e.target.value)} data-testid="queue-bulk-note" />
      </Modal>
    </div>
  );
}
