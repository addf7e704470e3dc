import { Button, Card, Flex, Input, Segmented, Select } from 'antd';
import { PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useSession } from '../modules/auth/hooks/useSession';
import { WORK_ORDER_CATEGORIES, WORK_ORDER_PRIORITIES, WORK_ORDER_STATUSES, type WorkOrderFilter } from '../modules/workorders/api/workorders.api';
import { WorkOrderCards } from '../modules/workorders/components/WorkOrderCards';
import { WorkOrderTable } from '../modules/workorders/components/WorkOrderTable';
import { useWorkOrders } from '../modules/workorders/hooks/useWorkOrders';
import { ErrorState } from '../ui/ErrorState';
import { PageHeader } from '../ui/PageHeader';
import { ExportButton } from '../ui/ExportButton';
import { useIsMobile } from '../ui/useIsMobile';

/**
 * Work orders: operators get the filterable table with SLA colours; property staff their team
 * queue and requesters their own requests, as cards that work on a phone.
 */
export function WorkOrdersPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const { permissions: p } = useSession();
  const [params, setParams] = useSearchParams();
  const isOperatorView = p.isOperator && !isMobile;
  const filter: WorkOrderFilter = {
    page: Number(params.get('page') ?? 1) || 1,
    pageSize: Number(params.get('pageSize') ?? 20) || 20,
    status: params.get('status') === 'all' ? undefined : ((params.get('status') as WorkOrderFilter['status']) ?? (p.isOperator ? undefined : 'open')),
    category: (params.get('category') as WorkOrderFilter['category']) ?? undefined,
    priority: (params.get('priority') as WorkOrderFilter['priority']) ?? undefined,
    sla: (params.get('sla') as WorkOrderFilter['sla']) ?? undefined,
    q: params.get('q') ?? undefined,
    mine: !p.isOperator ? 'true' : undefined,
  };
  const list = useWorkOrders(filter, { refetchInterval: 15_000 });
  const update = (next: Record<string, string | number | undefined>) => {
    const merged: Record<string, string | number | undefined> = { ...filter, mine: undefined, ...next };
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(merged)) if (v !== undefined && v !== '' && !(k === 'page' && v === 1) && !(k === 'pageSize' && v === 20)) q.set(k, String(v));
    setParams(q, { replace: true });
  };
  const title = p.isOperator ? t('workorders.title') : p.isProperty ? t('workorders.myQueue') : t('workorders.myRequests');
  const canRequest = p.isEnterpriseUser || p.isOperator;

  return (
    <>
      <PageHeader
        title={title}
        subtitle={p.isOperator ? t('workorders.subtitle') : p.isProperty ? t('workorders.myQueueHint') : undefined}
        crumbs={[{ title: t('workorders.nav.list') }]}
        extra={
          <>
            {p.isOperator && (
              <Button icon={<SettingOutlined />} onClick={() => void navigate('/work-orders/settings')} data-testid="wo-settings">
                {t('workorderSettings.openButton')}
              </Button>
            )}
            {canRequest && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/work-orders/new')} data-testid="wo-new">
                {t('workorders.newRequest')}
              </Button>
            )}
          </>
        }
      />
      <Card>
        {isOperatorView ? (
          <Flex gap={8} wrap style={{ marginBottom: 16 }}>
            <Input.Search allowClear placeholder={t('workorders.search')} defaultValue={filter.q} onSearch={(q) => update({ q, page: 1 })} style={{ width: 240 }} />
            <Select aria-label={t('workorders.filterStatus')} allowClear placeholder={t('workorders.filterStatus')} value={filter.status} onChange={(v) => update({ status: v, page: 1 })} style={{ width: 130 }} data-testid="wo-filter-status"
              options={[{ value: 'open', label: t('workorders.open') }, ...WORK_ORDER_STATUSES.map((s) => ({ value: s, label: t(`workorders.status.${s}`) }))]} />
            <Select
              aria-label={t('workorders.filterCategory')} allowClear placeholder={t('workorders.filterCategory')} value={filter.category} onChange={(v) => update({ category: v, page: 1 })} style={{ width: 120 }}
              options={WORK_ORDER_CATEGORIES.map((c) => ({ value: c, label: t(`workorders.category.${c}`) }))} />
            <Select
              aria-label={t('workorders.filterPriority')} allowClear placeholder={t('workorders.filterPriority')} value={filter.priority} onChange={(v) => update({ priority: v, page: 1 })} style={{ width: 110 }}
              options={WORK_ORDER_PRIORITIES.map((c) => ({ value: c, label: t(`workorders.priority.${c}`) }))} />
            <Select
              aria-label={t('workorders.filterSla')} allowClear placeholder={t('workorders.filterSla')} value={filter.sla} onChange={(v) => update({ sla: v, page: 1 })} style={{ width: 120 }}
              options={[{ value: 'overdue', label: t('workorders.sla.overdue') }, { value: 'at_risk', label: t('workorders.sla.at_risk') }]} />
            <span style={{ marginLeft: 'auto' }}>
              <ExportButton path="/work-orders/export.xlsx" params={{ status: filter.status, category: filter.category, priority: filter.priority, sla: filter.sla, q: filter.q }} testId="wo-export" />
            </span>
          </Flex>
        ) : (
          <Segmented
            block
            style={{ marginBottom: 12 }}
            value={filter.status === 'open' ? 'open' : 'all'}
            onChange={(v) => update({ status: v === 'open' ? 'open' : 'all' })}
            options={[{ value: 'open', label: t('workorders.open') }, { value: 'all', label: t('common.all') }]}
          />
        )}
        {list.isError && !list.data ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : isOperatorView ? (
          <WorkOrderTable data={list.data} isLoading={list.isFetching} onPageChange={(page, pageSize) => update({ page, pageSize })} />
        ) : (
          <WorkOrderCards items={list.data?.items ?? []} isLoading={list.isPending} />
        )}
      </Card>
    </>
  );
}
