import { Badge, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { AlarmFilter, AlarmState, Severity } from '../modules/alarms/api/alarms.api';
import { AlarmFilters } from '../modules/alarms/components/AlarmFilters';
import { AlarmCardList } from '../modules/alarms/components/AlarmCardList';
import { AlarmTable } from '../modules/alarms/components/AlarmTable';
import { useAlarms } from '../modules/alarms/hooks/useAlarms';
import { useLiveRefresh } from '../modules/live/hooks/useLiveEvents';
import { useBuildings } from '../modules/parks/hooks/useBuilding';
import { ErrorState } from '../ui/ErrorState';
import { PageHeader } from '../ui/PageHeader';
import { ExportButton } from '../ui/ExportButton';
import { useIsMobile } from '../ui/useIsMobile';

/** Alarms (告警): filters in the URL, server paging, refreshed live as alarms change. */
export function AlarmsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const buildings = useBuildings();
  const filter: AlarmFilter = {
    page: Number(params.get('page') ?? 1) || 1,
    pageSize: Number(params.get('pageSize') ?? 50) || 50,
    state: (params.get('state') as AlarmState | 'open' | null) ?? 'open',
    severity: (params.get('severity') as Severity | null) ?? undefined,
    buildingId: params.get('buildingId') ?? undefined,
    deviceId: params.get('deviceId') ?? undefined,
  };
  const list = useAlarms(filter);
  const isMobile = useIsMobile();
  const isLive = useLiveRefresh({ onAlarms: [['alarms', 'list']] });
  const buildingNames = new Map((buildings.data ?? []).map((b) => [b.id, b.name]));

  const update = (next: Partial<AlarmFilter>) => {
    const merged = { ...filter, ...next };
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(merged)) if (v !== undefined && v !== '' && !(k === 'page' && v === 1) && !(k === 'pageSize' && v === 50)) p.set(k, String(v));
    if (!next.state && 'state' in next) p.set('state', '');
    setParams(p, { replace: true });
  };

  return (
    <>
      <PageHeader
        title={t('ioc.alarmsTitle')}
        subtitle={<Badge status={isLive ? 'processing' : 'default'} text={isLive ? t('ioc.live') : t('ioc.connecting')} data-testid="live-status" data-live={isLive} />}
        crumbs={[{ title: t('ioc.alarmsTitle') }]}
        extra={<ExportButton path="/alarms/export.xlsx" params={{ state: filter.state, severity: filter.severity, buildingId: filter.buildingId, deviceId: filter.deviceId }} testId="alarms-export" />}
      />
      <Card>
        <AlarmFilters value={filter} buildings={buildings.data ?? []} onChange={(v) => update({ ...v, state: v.state, page: 1 })} />
        {list.isError && !list.data ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : isMobile ? (
          // Phones get a card per alarm; a nine-column table squeezed to 375 px reads as nothing.
          <AlarmCardList data={list.data} isLoading={list.isFetching && !list.data} buildingNames={buildingNames} onPageChange={(page, pageSize) => update({ page, pageSize })} />
        ) : (
          <AlarmTable data={list.data} isLoading={list.isFetching && !list.data} buildingNames={buildingNames} onPageChange={(page, pageSize) => update({ page, pageSize })} />
        )}
      </Card>
    </>
  );
}
