import { Card, Collapse, Empty, Flex, List, Tag, Typography } from 'antd';
import { ApartmentOutlined, BankOutlined, EnvironmentOutlined, RightOutlined } from '@ant-design/icons';
import { IconEditButton } from '../../../ui/IconEditButton';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Building, District, ParkTree, Site, TreeDistrict } from '../api/parks.api';
import { useStructureMutations } from '../hooks/useStructureMutations';
import { sumStats } from '../utils/tree-stats';
import type { StructureKind } from './StructureFormModal';
import { StructureDeleteButton } from './StructureDeleteButton';
import { UnitStatsBar } from './UnitStatsBar';

/** Opens the edit form of a site, district or building. */
type EditHandler = (kind: StructureKind, item: Site | District | Building) => void;

/** Edit and delete buttons of one item of the tree (operators only). */
function ItemActions({ kind, item, onEdit }: { kind: StructureKind; item: Site | District | Building; onEdit: EditHandler }) {
  const { t } = useTranslation();
  const m = useStructureMutations();
  const remove = { site: m.deleteSite, district: m.deleteDistrict, building: m.deleteBuilding }[kind];
  return (
    // Clicks here must not fold or unfold the collapse panel the buttons sit in.
    <Flex gap={0} align="center" onClick={(e) => e.stopPropagation()} data-testid={`${kind}-actions`}>
      <IconEditButton label={t('common.edit')} onClick={() => onEdit(kind, item)} testId={`${kind}-edit`} />
      <StructureDeleteButton level={kind} name={item.name} testId={`${kind}-delete`} onDelete={() => remove.mutateAsync(item.id)} />
    </Flex>
  );
}

function DistrictBuildings({ district, onEdit }: { district: TreeDistrict; onEdit?: EditHandler }) {
  const { t } = useTranslation();
  if (district.buildings.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('structure.noBuildings')} />;
  return (
    <List
      className="building-list"
      dataSource={district.buildings}
      renderItem={(b) => (
        <List.Item
          key={b.id}
          data-testid="building-row"
          actions={[
            ...(onEdit ? [<ItemActions key="actions" kind="building" item={b} onEdit={onEdit} />] : []),
            <Link key="view" to={`/structure/buildings/${b.id}`} data-testid="building-link">
              {t('structure.viewBuilding')} <RightOutlined />
            </Link>,
          ]}
        >
          <Flex gap={16} wrap align="center" style={{ width: '100%' }}>
            <Flex gap={8} align="center" style={{ minWidth: 140 }}>
              <BankOutlined style={{ color: '#1554d1' }} />
              <Link to={`/structure/buildings/${b.id}`}>
                <Typography.Text strong data-testid="building-name">{b.name}</Typography.Text>
              </Link>
            </Flex>
            <Typography.Text type="secondary" style={{ minWidth: 150 }}>
              {t('structure.floorCount', { count: b.floorCount })} · {t('structure.unitCount', { count: b.units.total })}
            </Typography.Text>
            <UnitStatsBar stats={b.units} isCompact />
          </Flex>
        </List.Item>
      )}
    />
  );
}

/** Sites → districts → buildings with unit stats, as nested collapses; with `onEdit`, operators edit and delete them. */
export function ParkTreeView({ tree, onEdit }: { tree: ParkTree; onEdit?: EditHandler }) {
  const { t } = useTranslation();
  if (tree.sites.length === 0) return <Card><Empty description={t('structure.noSites')} /></Card>;
  return (
    <Collapse
      data-testid="park-tree"
      defaultActiveKey={tree.sites.slice(0, 1).map((s) => s.id)}
      items={tree.sites.map((site) => {
        const buildings = site.districts.flatMap((d) => d.buildings);
        return {
          key: site.id,
          label: (
            <Flex justify="space-between" align="center" wrap gap={8}>
              <Flex vertical>
                <Typography.Text strong>
                  <EnvironmentOutlined /> {site.name}
                </Typography.Text>
                {site.address && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{site.address}</Typography.Text>}
              </Flex>
              <Flex gap={12} align="center" wrap>
                <Tag>{t('structure.buildingCount', { count: buildings.length })}</Tag>
                <UnitStatsBar stats={sumStats(buildings)} isCompact />
                {onEdit && <ItemActions kind="site" item={site} onEdit={onEdit} />}
              </Flex>
            </Flex>
          ),
          children: (
            <Collapse
              ghost
              defaultActiveKey={site.districts.map((d) => d.id)}
              items={site.districts.map((d) => ({
                key: d.id,
                label: (
                  <Flex justify="space-between" align="center" wrap gap={8}>
                    <Typography.Text>
                      <ApartmentOutlined /> {d.name}
                    </Typography.Text>
                    <Flex gap={8} align="center">
                      <Typography.Text type="secondary">{t('structure.buildingCount', { count: d.buildings.length })}</Typography.Text>
                      {onEdit && <ItemActions kind="district" item={d} onEdit={onEdit} />}
                    </Flex>
                  </Flex>
                ),
                children: <DistrictBuildings district={d} onEdit={onEdit} />,
              }))}
            />
          ),
        };
      })}
    />
  );
}

