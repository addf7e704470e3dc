import { useState } from 'react';
import { Button, Card } from 'antd';
import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { DeviceStatus, DeviceType } from '../modules/devices/api/devices.api';
import { DeviceFilters, type DeviceFilterValues } from '../modules/devices/components/DeviceFilters';
import { DeviceFormModal } from '../modules/devices/components/DeviceFormModal';
import { DeviceImportModal } from '../modules/devices/components/DeviceImportModal';
import { VirtualDeviceTable } from '../modules/ioc/components/VirtualDeviceTable';
import { useDeviceWindow } from '../modules/ioc/hooks/useDeviceWindow';
import { useLiveRefresh } from '../modules/live/hooks/useLiveEvents';
import { useBuildings } from '../modules/parks/hooks/useBuilding';
import { ErrorState } from '../ui/ErrorState';
import { PageHeader } from '../ui/PageHeader';

/** The IOC device registry: search and filters in the URL (applied on the server), a virtualised table that pages in as you scroll; create and CSV import. */
export function DevicesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [isCreating, setIsCreating] = useState(false);
  const [isImporting, setIsImporting] = useState(false);
  const buildings = useBuildings();

  const filter = {
    q: params.get('q') ?? undefined,
    type: (params.get('type') as DeviceType | null) ?? undefined,
    status: (params.get('status') as DeviceStatus | null) ?? undefined,
    buildingId: params.get('buildingId') ?? undefined,
  };
  const list = useDeviceWindow(filter);
  // Status changes arrive live; the loaded window is refetched at most every 5 s.
  useLiveRefresh({ onDevices: [['devices', 'window']], deviceThrottleMs: 5_000 });
  const loadMore = () => {
    if (list.hasNextPage && !list.isFetchingNextPage) void list.fetchNextPage();
  };
  const buildingNames = new Map((buildings.data ?? []).map((b) => [b.id, b.name]));

  const update = (next: Record<string, string | number | undefined>) => {
    const merged = { ...filter, ...next };
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(merged)) if (v !== undefined && v !== '') p.set(k, String(v));
    setParams(p, { replace: true });
  };
  const handleFilters = (v: DeviceFilterValues) => update({ q: v.q, type: v.type, status: v.status, buildingId: v.buildingId });

  return (
    <>
      <PageHeader
        title={t('devices.title')}
        subtitle={t('devices.subtitle')}
        crumbs={[{ title: t('nav.devices') }]}
        extra={
          <>
            <Button icon={<ImportOutlined />} onClick={() => setIsImporting(true)} data-testid="device-import">
              {t('devices.import')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsCreating(true)} data-testid="device-new">
              {t('devices.new')}
            </Button>
          </>
        }
      />
      <Card>
        <DeviceFilters value={filter} buildings={buildings.data ?? []} onChange={handleFilters} />
        {list.isError && !list.data ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <VirtualDeviceTable items={list.items} total={list.total} isLoading={list.isPending} buildingNames={buildingNames} onNearEnd={loadMore} height={560} />
        )}
      </Card>
      <DeviceFormModal open={isCreating} onClose={() => setIsCreating(false)} onCreated={(d) => void navigate(`/devices/${d.id}`)} />
      <DeviceImportModal open={isImporting} onClose={() => setIsImporting(false)} />
    </>
  );
}
