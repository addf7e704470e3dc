import { useState } from 'react';
import { Button, Card } from 'antd';
import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { DeviceStatus, DeviceType } from '../modules/devices/api/devices.api';
import { DeviceFilters, type DeviceFilterValues } from '../modules/devices/components/DeviceFilters';
import { DeviceFormModal } from '../modules/devices/components/DeviceFormModal';
import { DeviceImportModal } from '../modules/devices/components/DeviceImportModal';
import { DeviceTable } from '../modules/devices/components/DeviceTable';
import { useDevices } from '../modules/devices/hooks/useDevices';
import { useBuildings } from '../modules/parks/hooks/useBuilding';
import { ErrorState } from '../ui/ErrorState';
import { PageHeader } from '../ui/PageHeader';

/** The IOC device registry: search, filters and server pagination kept in the URL; create and CSV import. */
export function DevicesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [isCreating, setIsCreating] = useState(false);
  const [isImporting, setIsImporting] = useState(false);
  const buildings = useBuildings();

  const filter = {
    page: Number(params.get('page') ?? 1) || 1,
    pageSize: Number(params.get('pageSize') ?? 20) || 20,
    q: params.get('q') ?? undefined,
    type: (params.get('type') as DeviceType | null) ?? undefined,
    status: (params.get('status') as DeviceStatus | null) ?? undefined,
    buildingId: params.get('buildingId') ?? undefined,
  };
  const list = useDevices(filter);
  const buildingNames = new Map((buildings.data ?? []).map((b) => [b.id, b.name]));

  const update = (next: Record<string, string | number | undefined>) => {
    const merged = { ...filter, ...next };
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(merged)) if (v !== undefined && v !== '' && !(k === 'page' && v === 1) && !(k === 'pageSize' && v === 20)) p.set(k, String(v));
    setParams(p, { replace: true });
  };
  const handleFilters = (v: DeviceFilterValues) => update({ q: v.q, type: v.type, status: v.status, buildingId: v.buildingId, page: 1 });

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
          <DeviceTable data={list.data} isLoading={list.isFetching} buildingNames={buildingNames} onPageChange={(page, pageSize) => update({ page, pageSize })} />
        )}
      </Card>
      <DeviceFormModal open={isCreating} onClose={() => setIsCreating(false)} onCreated={(d) => void navigate(`/devices/${d.id}`)} />
      <DeviceImportModal open={isImporting} onClose={() => setIsImporting(false)} />
    </>
  );
}
