import { useState } from 'react';
import { Button, Card, Col, Dropdown, Empty, Row, Select, Statistic, Tag } from 'antd';
import { DownOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatArea, formatPercent } from '../lib/format';
import { useSession } from '../modules/auth/hooks/useSession';
import { ParkTreeView } from '../modules/parks/components/ParkTreeView';
import type { Building, District, Site } from '../modules/parks/api/parks.api';
import { StructureFormModal, type StructureKind } from '../modules/parks/components/StructureFormModal';
import { useParks, useParkTree } from '../modules/parks/hooks/useParks';
import { buildingsOf, occupancyOf, sumStats } from '../modules/parks/utils/tree-stats';
import { ErrorState } from '../ui/ErrorState';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';

/** Park structure: sites → districts → buildings with unit stats; operators create, edit and delete them. */
export function StructurePage() {
  const { t } = useTranslation();
  const { permissions } = useSession();
  const parks = useParks();
  const [chosenParkId, setChosenParkId] = useState<string>();
  const parkId = chosenParkId ?? parks.data?.[0]?.id;
  const tree = useParkTree(parkId);
  const [creating, setCreating] = useState<StructureKind | null>(null);
  const [editing, setEditing] = useState<{ kind: StructureKind; item: Site | District | Building } | null>(null);

  if (parks.isError) return <ErrorState error={parks.error} onRetry={() => void parks.refetch()} />;
  if (parks.data && parks.data.length === 0) {
    return (
      <>
        <PageHeader title={t('structure.title')} />
        <Card>
          <Empty description={t('structure.empty')} />
        </Card>
      </>
    );
  }

  return (
    <>
      <PageHeader
        title={t('structure.title')}
        subtitle={tree.data ? `${tree.data.name} · ${tree.data.city ?? ''}` : undefined}
        crumbs={[{ title: t('nav.structure') }]}
        extra={
          <>
            {(parks.data?.length ?? 0) > 1 && (
              <Select style={{ minWidth: 180 }} value={parkId} onChange={setChosenParkId} options={(parks.data ?? []).map((p) => ({ value: p.id, label: p.name }))} />
            )}
            {!permissions.canEditStructure && <Tag>{t('common.readOnly')}</Tag>}
            {permissions.canEditStructure && tree.data && (
              <Dropdown
                trigger={['click']}
                menu={{
                  items: [
                    { key: 'site', label: <span data-testid="new-site">{t('structure.newSite')}</span> },
                    { key: 'district', label: <span data-testid="new-district">{t('structure.newDistrict')}</span> },
                    { key: 'building', label: <span data-testid="new-building">{t('structure.newBuilding')}</span> },
                  ],
                  onClick: ({ key }) => setCreating(key as StructureKind),
                }}
              >
                <Button type="primary" icon={<PlusOutlined />} data-testid="structure-new">
                  {t('common.create')} <DownOutlined />
                </Button>
              </Dropdown>
            )}
          </>
        }
      />
      <QueryBoundary query={tree}>
        {(data) => {
          const stats = sumStats(buildingsOf(data));
          return (
            <>
              <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
                <Col xs={12} md={6}>
                  <Card size="small"><Statistic title={t('structure.sites')} value={data.sites.length} /></Card>
                </Col>
                <Col xs={12} md={6}>
                  <Card size="small"><Statistic title={t('structure.buildings')} value={buildingsOf(data).length} /></Card>
                </Col>
                <Col xs={12} md={6}>
                  <Card size="small"><Statistic title={t('structure.units')} value={stats.total} suffix={<small className="muted">/ {formatArea(stats.area)}</small>} /></Card>
                </Col>
                <Col xs={12} md={6}>
                  <Card size="small"><Statistic title={t('structure.occupancy')} value={formatPercent(occupancyOf(stats))} /></Card>
                </Col>
              </Row>
              <ParkTreeView tree={data} onEdit={permissions.canEditStructure ? (kind, item) => setEditing({ kind, item }) : undefined} />
              <StructureFormModal kind={creating} tree={data} onClose={() => setCreating(null)} />
              {/* Keyed by the item so that each edit starts from that item's values. */}
              {editing && <StructureFormModal key={editing.item.id} kind={editing.kind} item={editing.item} tree={data} onClose={() => setEditing(null)} />}
            </>
          );
        }}
      </QueryBoundary>
    </>
  );
}
